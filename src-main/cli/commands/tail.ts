/**
 * `netify-monitor tail SOURCE [--type T ...]`: the decoded records as NDJSON, as they arrive.
 * Decode errors go to stderr as they happen; `tail | head` ends quietly.
 */
import { parseArgs } from 'node:util'
import { rawType } from '../../core/summary/stream-summary'
import { CliError, EXIT_USAGE } from '../cli-error'
import { decodeSource } from '../decode-source'
import { openSource } from '../source-input'
import { writable } from '../writable'
import { defineCommand } from './command'

export const tailCommand = defineCommand('tail SOURCE [--type TYPE ...]', async (argv) => {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { type: { type: 'string', multiple: true } },
  })
  if (positionals.length !== 1) throw new CliError('name exactly one SOURCE', EXIT_USAGE)
  const types = new Set(values.type ?? [])
  const source = await openSource(positionals[0])
  let closed = false
  const onStdoutError = (): void => {
    closed = true
    source.close()
  }
  process.stdout.on('error', onStdoutError)
  try {
    await decodeSource(source, {
      onEvent: async (event) => {
        if (closed || (types.size > 0 && !types.has(rawType(event)) && !types.has(event.kind))) return
        if (!process.stdout.write(`${JSON.stringify(event)}\n`)) await writable(process.stdout)
      },
      onError: (error) => process.stderr.write(`${source.label}: byte ${error.offset}: ${error.message}\n`),
    })
  } finally {
    process.stdout.off('error', onStdoutError)
  }
  return 0
})
