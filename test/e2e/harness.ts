/**
 * The end-to-end stack: replay agents serving real recordings over real TCP sockets, the
 * `netify-monitor web` command reading them with a throwaway data directory, and Debian's
 * Chromium driving the built UI. Everything a stack starts is stopped by `close()`, and
 * children still alive when the worker exits are killed, so a failed test leaves nothing behind.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'

export const REPO = path.resolve(__dirname, '../..')
export const CLI = path.join(REPO, 'bin', 'netify-monitor.js')
export const SCREENSHOT_DIR = path.join(REPO, 'test-results', 'screenshots')
const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
const START_TIMEOUT_MS = 15_000
const STOP_TIMEOUT_MS = 3_000

/** A fixture recording's absolute path (`netifyd-4.4/07-risks-ssh-smtp.raw`). */
export function fixture(relative: string): string {
  return path.join(REPO, 'test', 'fixtures', relative)
}

/** The tests drive the built app; without the build they would only fail obscurely. */
export function assertBuilt(): void {
  const needed = [path.join(REPO, 'out', 'renderer', 'index.html'), path.join(REPO, 'out', 'main', 'cli.js'), CHROMIUM]
  const missing = needed.filter((p) => !existsSync(p))
  if (missing.length > 0) {
    throw new Error(`the e2e tests need the built app and Chromium; missing: ${missing.join(', ')}. `
      + 'Run `npx electron-vite build` first (`npm test` does), and install chromium (`apt-get install -y chromium`).')
  }
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

interface CliChild {
  /** The first line the command printed on stdout (its address or URL). */
  firstLine: string
  stop(): Promise<void>
}

/** Runs `netify-monitor ARGS` and waits for its first stdout line; stderr goes into the error. */
function startCli(args: string[]): Promise<CliChild> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child)
    resolve()
  }))
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await exited
    clearTimeout(timer)
  }
  return new Promise<CliChild>((resolve, reject) => {
    const fail = (why: string): void => {
      void stop()
      reject(new Error(`netify-monitor ${args.join(' ')}: ${why}\n${stderr}`))
    }
    const timer = setTimeout(() => fail(`printed nothing within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS)
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      resolve({ firstLine: line.trim(), stop })
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`netify-monitor ${args.join(' ')}: exited (${code ?? signal}) before it was ready\n${stderr}`))
    })
  })
}

export interface ReplayOptions {
  /** Extra `replay-agent` flags; default `--loop --now --speed 8`. */
  flags?: string[]
}

/** One agent per entry: `[['netifyd-4.4/07-risks-ssh-smtp.raw'], ['/tmp/x/hostile.raw']]`. */
export interface StackOptions extends ReplayOptions {
  agents: string[][]
}

export interface Stack {
  /** The UI's URL, token included (a new one after `restartWeb`). */
  readonly url: string
  /** Agent sources as the app names them (`tcp://127.0.0.1:PORT`), in `agents` order. */
  agentSources: string[]
  dataDir: string
  browser: Browser
  /** A page in a fresh browser context (no storage shared with other pages). */
  newPage(options?: BrowserContextOptions): Promise<Page>
  /** Stops the web command (it persists its state, as on quitting) and starts it again on the same data; the new URL. */
  restartWeb(): Promise<string>
  close(): Promise<void>
}

/** Starts agents, the web command and Chromium; on any failure stops what already started. */
export async function startStack(options: StackOptions): Promise<Stack> {
  assertBuilt()
  const base = mkdtempSync(path.join(tmpdir(), 'nm-e2e-'))
  const children: CliChild[] = []
  let browser: Browser | undefined
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => {})
    await Promise.all(children.map((c) => c.stop()))
    rmSync(base, { recursive: true, force: true })
  }
  try {
    const flags = options.flags ?? ['--loop', '--now', '--speed', '8']
    const started = await Promise.allSettled(options.agents.map((files) =>
      startCli(['replay-agent', ...files.map((f) => (path.isAbsolute(f) ? f : fixture(f))), '--listen', 'tcp://127.0.0.1:0', ...flags])))
    const agents = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    children.push(...agents)
    const failed = started.find((s) => s.status === 'rejected')
    if (failed) throw failed.reason
    const agentSources = agents.map((a) => a.firstLine.replace(/^listening on /, ''))
    const dataDir = path.join(base, 'data')
    mkdirSync(dataDir)
    const startWeb = async (): Promise<CliChild> => {
      const web = await startCli(['web', ...agentSources.flatMap((s) => ['--agent', s]), '--data-dir', dataDir])
      children.push(web)
      if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(web.firstLine)) throw new Error(`web printed "${web.firstLine}", not its URL`)
      return web
    }
    let web = await startWeb()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const b = browser
    const newPage = async (contextOptions?: BrowserContextOptions): Promise<Page> => {
      const context = await b.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions })
      return context.newPage()
    }
    const restartWeb = async (): Promise<string> => {
      await web.stop()
      children.splice(children.indexOf(web), 1)
      web = await startWeb()
      return web.firstLine
    }
    return {
      get url() {
        return web.firstLine
      },
      agentSources, dataDir, browser: b, newPage, restartWeb, close,
    }
  } catch (error) {
    await close()
    throw error
  }
}

/** A directory for files a test builds (a crafted recording), removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'nm-e2e-rec-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
