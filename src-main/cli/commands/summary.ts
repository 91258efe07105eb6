/**
 * `netify-monitor summary SOURCE...`: read each source to its end and print one JSON object of
 * what it held (record counts, flows, devices, applications, risks, errors).
 */
import { parseArgs } from 'node:util'
import { createStreamSummary } from '../../core/summary/stream-summary'
import { loadRiskNames } from '../../core/summary/risk-names'
import { CliError, EXIT_USAGE } from '../cli-error'
import { decodeSource } from '../decode-source'
import { openSource } from '../source-input'
import { defineCommand } from './command'

export const summaryCommand = defineCommand('summary SOURCE...', async (argv) => {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} })
  if (positionals.length === 0) throw new CliError('name at least one SOURCE (a file, tcp://HOST:PORT or unix:PATH)', EXIT_USAGE)
  const summary = createStreamSummary(loadRiskNames())
  for (const text of positionals) {
    const source = await openSource(text)
    await decodeSource(source, {
      onEvent: (event) => summary.add(source.label, event),
      onError: (error) => summary.addError(source.label, error),
    })
  }
  process.stdout.write(`${JSON.stringify(summary.result(), null, 2)}\n`)
  return 0
})
