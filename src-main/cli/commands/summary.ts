/**
 * `netify-monitor summary SOURCE...`: read each source to its end and print one JSON object of
 * what it held (record counts, flows, devices, applications, risks, errors). Each SOURCE is its
 * own read (its own agent run): a source named twice is labelled `SOURCE#N` the second time.
 */
import { parseArgs } from 'node:util'
import { createStreamSummary } from '../../core/summary/stream-summary'
import { CliError, EXIT_USAGE } from '../cli-error'
import { decodeSource } from '../decode-source'
import { openSource } from '../source-input'
import { defineCommand } from './command'

export const summaryCommand = defineCommand('summary SOURCE...', async (argv) => {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} })
  if (positionals.length === 0) throw new CliError('name at least one SOURCE (a file, tcp://HOST:PORT or unix:PATH)', EXIT_USAGE)
  const summary = createStreamSummary()
  for (const [i, text] of positionals.entries()) {
    const source = await openSource(text)
    const label = positionals.indexOf(text) === i ? text : `${text}#${i + 1}`
    await decodeSource(source, {
      onEvent: (event) => summary.add(label, event),
      onError: (error) => summary.addError(label, error),
    })
  }
  process.stdout.write(`${JSON.stringify(summary.result(), null, 2)}\n`)
  return 0
})
