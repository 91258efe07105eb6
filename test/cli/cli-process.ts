/**
 * Run `netify-monitor` as a real child process from source (`node --import tsx src-main/cli/cli.ts`),
 * so the tests need no prior build.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
const CLI = resolve(ROOT, 'src-main/cli/cli.ts')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export function startCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } })
}

export function runCli(args: string[]): Promise<CliResult> {
  return finish(startCli(args))
}

export function finish(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}

/** Resolve with the first stdout line (e.g. the replay agent's `listening on ...`). */
export function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = ''
    const onData = (d: Buffer): void => {
      out += d
      const nl = out.indexOf('\n')
      if (nl >= 0) {
        child.stdout.off('data', onData)
        resolvePromise(out.slice(0, nl))
      }
    }
    child.stdout.on('data', onData)
    child.once('close', (code) => reject(new Error(`exited ${code} before printing a line`)))
  })
}

/** A one-line error message: no stack trace. */
export function expectOneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n')
  if (lines.length !== 1 || /\n\s+at /.test(stderr)) throw new Error(`expected one line on stderr, got:\n${stderr}`)
  return lines[0]
}
