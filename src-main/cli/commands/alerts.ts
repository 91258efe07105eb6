/**
 * `netify-monitor alerts SOURCE... [--json]`: run each source through the live model and print
 * the deduplicated alerts it raised (risks, new devices, drops...). With `--json`, one array.
 *
 * The clock follows the records (status timestamps, flow last-seen times), so first/last seen are
 * the recording's own times, not when the file was read.
 */
import { parseArgs } from 'node:util'
import type { AgentEvent } from '../../core/records/agent-event'
import type { AlertRecord } from '../../core/alerts/alert-book'
import { LiveMonitor } from '../../core/alerts/live-monitor'
import { CliError, EXIT_USAGE } from '../cli-error'
import { decodeSource } from '../decode-source'
import { openSource } from '../source-input'
import { defineCommand } from './command'

export interface AlertLine {
  kind: string
  severity: string
  risk_id: number | null
  risk_name: string | null
  device: string | null
  application: string | null
  host: string | null
  count: number
  first_seen: number
  last_seen: number
}

/** The record's own time in ms, when it carries one. */
function eventTime(event: AgentEvent): number | undefined {
  if (event.kind === 'status' && typeof event.status.timestamp === 'number') return event.status.timestamp * 1000
  if (event.kind === 'flow' && typeof event.flow.last_seen_at === 'number') return event.flow.last_seen_at
  if (event.kind === 'counters' && typeof event.counters.last_seen_at === 'number') return event.counters.last_seen_at
  return undefined
}

export function alertLine(a: AlertRecord): AlertLine {
  return {
    kind: a.kind, severity: a.severity, risk_id: a.riskId ?? null, risk_name: a.riskName ?? null, device: a.device ?? null,
    application: a.application ?? null, host: a.host ?? null, count: a.count, first_seen: a.firstSeen, last_seen: a.lastSeen,
  }
}

function textLine(a: AlertLine): string {
  const what = a.risk_name ?? a.kind
  const where = [a.device, a.host ?? a.application].filter(Boolean).join(' ')
  return `${a.severity.padEnd(8)} ${what}${where ? `  ${where}` : ''}  x${a.count}`
}

async function runSource(live: LiveMonitor, text: string): Promise<void> {
  const source = await openSource(text)
  let clock = 0
  await decodeSource(source, {
    onEvent: (event) => {
      clock = Math.max(clock, eventTime(event) ?? clock)
      live.apply(source.label, event, clock || Date.now())
    },
    onError: (error) => process.stderr.write(`${source.label}: byte ${error.offset}: ${error.message}\n`),
  })
  live.tick(clock || Date.now())
}

export const alertsCommand = defineCommand('alerts SOURCE... [--json]', async (argv) => {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } })
  if (positionals.length === 0) throw new CliError('name at least one SOURCE (a file, tcp://HOST:PORT or unix:PATH)', EXIT_USAGE)
  const live = new LiveMonitor()
  for (const text of positionals) await runSource(live, text)
  const lines = live.book.all().sort((a, b) => a.firstSeen - b.firstSeen || a.id.localeCompare(b.id)).map(alertLine)
  if (values.json) process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`)
  else process.stdout.write(lines.map(textLine).join('\n') + (lines.length ? '\n' : ''))
  return 0
})
