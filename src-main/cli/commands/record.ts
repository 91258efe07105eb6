/**
 * `netify-monitor record SOURCE FILE`: save the exact bytes an agent sends, for `replay-agent`
 * and for bug reports. Runs until the agent closes or Ctrl-C, and always flushes the file.
 */
import { parseArgs } from 'node:util'
import { createWriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { once } from 'node:events'
import { CliError, EXIT_USAGE } from '../cli-error'
import { openSource, reasonOf } from '../source-input'
import { waitForStopSignal } from '../signals'
import { writable } from '../writable'
import { defineCommand } from './command'

export const recordCommand = defineCommand('record SOURCE FILE', async (argv) => {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} })
  if (positionals.length !== 2) throw new CliError('name a SOURCE and the FILE to write', EXIT_USAGE)
  const [text, file] = positionals
  const source = await openSource(text)
  const handle = await open(file, 'w').catch((error: unknown) => {
    source.close()
    throw new CliError(`cannot write ${file}: ${reasonOf(error)}`)
  })
  const out = createWriteStream('', { fd: handle })
  let writeError: unknown
  out.on('error', (error) => {
    writeError = error
    source.close()
  })
  const stop = waitForStopSignal()
  void stop.promise.then(() => source.close())
  let bytes = 0
  try {
    for await (const chunk of source.chunks()) {
      bytes += chunk.length
      if (!out.write(chunk)) await writable(out)
    }
  } finally {
    stop.cancel()
    out.end()
    if (!out.closed) await once(out, 'close').catch(() => {})
  }
  if (writeError) throw new CliError(`cannot write ${file}: ${reasonOf(writeError)}`)
  process.stderr.write(`recorded ${bytes} bytes from ${source.label} to ${file}\n`)
  return 0
})
