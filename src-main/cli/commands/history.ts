/**
 * `netify-monitor history --db FILE [--from T] [--to T] [--device MAC] [--totals] [--json]`:
 * the per-minute usage saved by the app, for a time range (`from <= t < to`; T is ISO 8601 or
 * epoch milliseconds; default: the last 24 hours). `--totals` sums per device and application.
 *
 * It opens the file read-only in spirit: it never creates, upgrades or moves a database aside.
 * The database is held exclusively by the app while it runs, so this reports "in use" then.
 * Application names come from the network: control characters are escaped before printing.
 */
import { parseArgs } from 'node:util'
import type { HistoryRow } from '../../contract/views'
import { DEFAULT_QUERY_LIMIT, openStorage, StorageOpenError, type Storage, type UsageTotal } from '../../core/storage'
import { CliError, EXIT_USAGE } from '../cli-error'
import { defineCommand } from './command'

const DAY_MS = 86_400_000
const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/

/** Epoch ms from `1718000000000` or any ISO 8601 date/time; throws a usage error otherwise. */
export function parseTime(text: string, option: string): number {
  const t = /^\d+$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN
  if (!Number.isSafeInteger(t)) throw new CliError(`--${option}: "${text}" is not an ISO 8601 time or epoch milliseconds`, EXIT_USAGE)
  return t
}

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** Terminal-safe text: C0/C1 control characters (escape sequences) shown as \uXXXX. */
function safe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escape)
}

/** JSON.stringify escapes C0 controls itself; these can only occur inside strings, where \uXXXX is valid. */
function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, escape)
}

function table(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()
  return [line(header), ...rows.map(line)].join('\n') + '\n'
}

function rowsTable(rows: HistoryRow[]): string {
  const cells = rows.map((r) => [new Date(r.t).toISOString(), r.device, safe(r.application), String(r.bytesSent), String(r.bytesReceived)])
  return table(['minute', 'device', 'application', 'sent', 'received'], cells, [false, false, false, true, true])
}

function totalsTable(rows: UsageTotal[]): string {
  const cells = rows.map((r) => [r.device, safe(r.application), String(r.bytesSent), String(r.bytesReceived)])
  return table(['device', 'application', 'sent', 'received'], cells, [false, false, true, true])
}

function summary(rows: Array<{ bytesSent: number; bytesReceived: number }>): string {
  const sent = rows.reduce((s, r) => s + r.bytesSent, 0)
  const received = rows.reduce((s, r) => s + r.bytesReceived, 0)
  return `${rows.length} rows; ${sent} bytes sent, ${received} bytes received\n`
}

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, device: { type: 'string' },
      totals: { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
    },
  })
  if (!values.db) throw new CliError('--db FILE is required (the app\'s netify-monitor.db)', EXIT_USAGE)
  const to = values.to === undefined ? Date.now() : parseTime(values.to, 'to')
  const from = values.from === undefined ? to - DAY_MS : parseTime(values.from, 'from')
  if (from > to) throw new CliError('--from is after --to', EXIT_USAGE)
  if (values.device !== undefined && !MAC.test(values.device)) throw new CliError(`--device: "${values.device}" is not a MAC address`, EXIT_USAGE)
  return { db: values.db, from, to, device: values.device?.toLowerCase(), totals: values.totals, json: values.json }
}

function openForQuery(path: string): Storage {
  try {
    return openStorage(path, { readOnly: true })
  } catch (err) {
    if (err instanceof StorageOpenError) throw new CliError(err.message)
    throw err
  }
}

export const historyCommand = defineCommand('history --db FILE [--from T] [--to T] [--device MAC] [--totals] [--json]', async (argv) => {
  const opts = options(argv)
  const storage = openForQuery(opts.db)
  for (const notice of storage.notices) process.stderr.write(`netify-monitor history: ${notice}\n`)
  try {
    const range = { from: opts.from, to: opts.to, device: opts.device }
    const rows = opts.totals ? storage.usage.totals(range) : storage.usage.query(range)
    if (rows.length === DEFAULT_QUERY_LIMIT) process.stderr.write(`netify-monitor history: only the first ${rows.length} rows are shown; narrow the range\n`)
    if (opts.json) process.stdout.write(safeJson(rows) + '\n')
    else {
      process.stdout.write(opts.totals ? totalsTable(rows as UsageTotal[]) : rowsTable(rows as HistoryRow[]))
      process.stdout.write(summary(rows))
    }
    return 0
  } finally {
    storage.close()
  }
})
