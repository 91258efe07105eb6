/**
 * `netify-monitor web`: the same UI and contract as the desktop app, served to a browser over a
 * token-protected WebSocket bridge. For a headless host (a router, a server) and for driving the
 * UI in Chromium. The first line on stdout is the full URL, token included.
 */
import { parseArgs } from 'node:util'
import { parseAgentSource } from '../../core/agent/agent-source'
import { createAppCore } from '../../core/app/app-core'
import { startWebServer } from '../../core/web'
import { CliError, EXIT_USAGE, messageOf } from '../cli-error'
import { defaultDataDir } from '../../core/app/data-dir'
import { findRendererDir } from '../renderer-dir'
import { waitForStopSignal } from '../signals'
import { defineCommand } from './command'

export const webCommand = defineCommand(
  'web [--agent SOURCE ...] [--profile NAME] [--demo [--demo-speed N]] [--host 127.0.0.1] [--port N] [--data-dir DIR]',
  async (argv) => {
    const { values } = parseArgs({
      args: argv,
      options: {
        agent: { type: 'string', multiple: true },
        profile: { type: 'string' },
        demo: { type: 'boolean', default: false },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        'demo-speed': { type: 'string' },
      },
    })
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0-65535, not "${values.port}"`, EXIT_USAGE)
    const demoSpeed = values['demo-speed'] === undefined ? undefined : Number(values['demo-speed'])
    if (demoSpeed !== undefined && !(demoSpeed >= 0)) throw new CliError(`--demo-speed must be a number >= 0, not "${values['demo-speed']}"`, EXIT_USAGE)
    checkSources(values.agent ?? [])
    const staticDir = findRendererDir()
    if (!staticDir) throw new CliError('the UI is not built yet: run `npm run build` first')
    const log = (message: string): void => void process.stderr.write(`netify-monitor: ${message}\n`)
    const core = createAppCore({
      dataDir: values['data-dir'] ?? defaultDataDir(),
      agents: values.agent,
      profileName: values.profile,
      demo: values.demo,
      demoSpeed,
      log,
    })
    const stop = waitForStopSignal()
    try {
      await core.start().catch((error: unknown) => {
        throw new CliError(messageOf(error))
      })
      const server = await startWebServer({
        core, staticDir, host: values.host, port,
        allowNonLoopback: values.host !== '127.0.0.1', warn: log,
      }).catch((error: unknown) => {
        throw new CliError(messageOf(error))
      })
      process.stdout.write(`${server.url}\n`)
      await stop.promise
      await server.close()
    } finally {
      stop.cancel()
      await core.stop()
    }
    return 0
  },
)

/** A mistyped `--agent` is a usage error up front, not a connection that silently never starts. */
function checkSources(sources: string[]): void {
  for (const source of sources) {
    try {
      parseAgentSource(source)
    } catch (error) {
      throw new CliError(messageOf(error), EXIT_USAGE)
    }
  }
}
