/**
 * `netify-monitor replay-agent FILE... --listen ADDRESS`: serve recordings like a live agent
 * (demo, development, tests). Prints one line with the address once listening, then serves until
 * killed.
 */
import { parseArgs } from 'node:util'
import { startReplayAgent } from '../../core/replay/replay-agent'
import { CliError, EXIT_USAGE, messageOf } from '../cli-error'
import { waitForStopSignal } from '../signals'
import { defineCommand } from './command'

export const replayAgentCommand = defineCommand(
  'replay-agent FILE... --listen tcp://127.0.0.1:PORT|unix:PATH [--speed X] [--loop] [--now]',
  async (argv) => {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        listen: { type: 'string' },
        speed: { type: 'string' },
        loop: { type: 'boolean', default: false },
        now: { type: 'boolean', default: false },
      },
    })
    if (positionals.length === 0) throw new CliError('name at least one recording FILE', EXIT_USAGE)
    if (!values.listen) throw new CliError('--listen tcp://127.0.0.1:PORT or --listen unix:PATH is required', EXIT_USAGE)
    const speed = values.speed === undefined ? 1 : Number(values.speed)
    if (!Number.isFinite(speed) || speed < 0) throw new CliError(`--speed must be a number >= 0 (0 = as fast as possible), not "${values.speed}"`, EXIT_USAGE)
    const stop = waitForStopSignal()
    try {
      const agent = await startReplayAgent({ files: positionals, listen: values.listen, speed, loop: values.loop, now: values.now })
        .catch((error: unknown) => {
          throw new CliError(messageOf(error))
        })
      process.stdout.write(`listening on ${agent.address}\n`)
      await stop.promise
      await agent.close()
    } finally {
      stop.cancel()
    }
    return 0
  },
)
