import { execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { Snapshot } from '../../src-main/contract/views'
import type { ServerMessage } from '../../src-main/contract/wire-messages'
import { defaultDataDir } from '../../src-main/core/app/data-dir'
import { findRendererDir } from '../../src-main/cli/renderer-dir'
import { openStorage } from '../../src-main/core/storage'
import { startReplayAgent, type ReplayAgent } from '../../src-main/core/replay/replay-agent'
import { expectOneLine, finish, firstLine, ROOT, runCli, startCli, type CliResult } from './cli-process'

const RENDERER = join(ROOT, 'out', 'renderer', 'index.html')
const DATABASE = 'netify-monitor.sqlite'
let agent: ReplayAgent | undefined

beforeAll(() => {
  if (!existsSync(RENDERER)) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' })
}, 120_000)

afterEach(async () => {
  await agent?.close()
  agent = undefined
})

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nm-web-cli-'))
}

/** Asks for snapshots over the token-protected bridge until `done` accepts one. */
async function snapshotWhen(url: URL, done: (s: Snapshot) => boolean): Promise<Snapshot> {
  const ws = new WebSocket(`ws://${url.host}/bridge?token=${url.searchParams.get('token')}`, { origin: url.origin })
  const responses = new Map<number, (s: Snapshot) => void>()
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage
    if (message.type === 'response' && message.ok) responses.get(message.id)?.(message.result as Snapshot)
  })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  try {
    for (let id = 1; id < 500; id++) {
      const snapshot = await new Promise<Snapshot>((resolve) => {
        responses.set(id, resolve)
        ws.send(JSON.stringify({ type: 'request', id, name: 'snapshot.get', payload: {} }))
      })
      if (done(snapshot)) return snapshot
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error('no snapshot matched')
  } finally {
    ws.close()
  }
}

/**
 * Starts `web` and waits for its URL. Other builds in the same tree (`electron-vite build`)
 * briefly empty out/renderer; a start that lands in that window is retried once the UI is back.
 */
async function startWeb(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; done: Promise<CliResult>; line: string }> {
  for (let attempt = 1; ; attempt++) {
    const child = startCli(args)
    const done = finish(child)
    const line = await firstLine(child).catch(() => undefined)
    if (line !== undefined) return { child, done, line }
    const { stderr } = await done
    if (attempt === 3 || !stderr.includes('the UI is not built yet')) throw new Error(`web exited before printing its URL: ${stderr}`)
    const until = Date.now() + 30_000
    while (!existsSync(RENDERER) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
  }
}

describe('netify-monitor web', () => {
  it('prints the URL with its token, serves the UI to it only, and exits 0 on SIGTERM with the database written', async () => {
    agent = await startReplayAgent({ files: [join(ROOT, 'test/fixtures/netifyd-4.4/02-http.raw')], listen: 'tcp://127.0.0.1:0', speed: 0 })
    const dataDir = join(tempDir(), 'data')
    const { child, done, line } = await startWeb(['web', '--agent', agent.address, '--data-dir', dataDir, '--port', '0'])
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/)
    const url = new URL(line)

    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await page.text()
    expect(html).toContain('<title>Netify Monitor</title>')
    const script = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    expect((await fetch(new URL(script!, url), { headers: { cookie: page.headers.get('set-cookie')?.split(';')[0] ?? '' } })).status).toBe(200)
    const refused = await fetch(`${url.origin}/`)
    expect(refused.status).toBe(401)
    expect(await refused.text()).toMatch(/access token/)
    const snapshot = await snapshotWhen(url, (x) => x.devices.some((d) => d.bytesSent + d.bytesReceived > 0))
    expect(snapshot.agents.map((a) => a.source)).toEqual([agent.address])
    expect(snapshot.demo).toBe(false)

    child.kill('SIGTERM')
    const result = await done
    expect(result.code).toBe(0)
    expect(existsSync(join(dataDir, DATABASE))).toBe(true)
    // A clean shutdown flushed what it saw: the agent's traffic is in the history.
    const storage = openStorage(join(dataDir, DATABASE), { readOnly: true })
    try {
      expect(storage.usage.query({ from: 0, to: Date.now() + 60_000 }).length).toBeGreaterThan(0)
    } finally {
      storage.close()
    }
  })

  it('refuses a bad port, agent source or demo speed, or an unknown profile, with one line on stderr', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--port', '70000'], /--port must be 0-65535/],
      [['--agent', 'tcp://127.0.0.1:7150', '--agent', '10.0.0.1:7150'], /invalid agent source "10\.0\.0\.1:7150": expected tcp:\/\/HOST:PORT/],
      [['--demo', '--demo-speed', 'fast'], /--demo-speed must be a number >= 0/],
    ]
    for (const [args, message] of cases) {
      const result = await runCli(['web', ...args, '--data-dir', tempDir()])
      expect(result.code, args.join(' ')).toBe(2)
      expect(expectOneLine(result.stderr)).toMatch(message)
      expect(result.stdout).toBe('')
    }
    const profile = await runCli(['web', '--profile', 'nowhere', '--data-dir', tempDir()])
    expect(profile.code).toBe(1)
    expect(expectOneLine(profile.stderr)).toMatch(/no profile named "nowhere"/)
  })
})

describe('where web mode keeps its files', () => {
  it('uses the per-platform folder the desktop app uses', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/netify-monitor')
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'netify-monitor'))
    expect(defaultDataDir({ APPDATA: 'C:/Users/me/AppData/Roaming' }, 'win32')).toBe(join('C:/Users/me/AppData/Roaming', 'netify-monitor'))
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'netify-monitor'))
  })

  it('finds the built UI from the source tree or from a build folder, and nothing elsewhere', () => {
    expect(findRendererDir(join(ROOT, 'src-main', 'cli'))).toBe(join(ROOT, 'out', 'renderer'))
    const build = tempDir()
    mkdirSync(join(build, 'renderer'))
    writeFileSync(join(build, 'renderer', 'index.html'), '<!doctype html>')
    mkdirSync(join(build, 'main'))
    expect(findRendererDir(join(build, 'main'))).toBe(join(build, 'renderer'))
    expect(findRendererDir(tempDir())).toBeUndefined()
  })
})
