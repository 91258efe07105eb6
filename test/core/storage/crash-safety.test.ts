import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { batchRows, MINUTE, T0 } from './crash-writer-child'
import { open, rawQuery, useTempDatabase } from './storage-test-helpers'

const CHILD = fileURLToPath(new URL('./crash-writer-child.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const ROWS = 1500
/** Each case starts a child from source (tsx): seconds apiece on a busy machine. */
const SLOW = { timeout: 60_000 }

const temp = useTempDatabase()

interface Killed {
  pid: number
  lines: string[]
}

/** Runs the child until `killWhen(lines)` holds, then SIGKILLs it; resolves with every line it printed. */
function runAndKill(args: string[], killWhen: (lines: string[]) => boolean): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let partial = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      const parts = (partial + d.toString()).split('\n')
      partial = parts.pop() ?? ''
      lines.push(...parts)
      if (child.exitCode === null && !child.killed && killWhen(lines)) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (${code}): ${stderr}`))
      else resolve({ pid: child.pid ?? 0, lines })
    })
  })
}

function committedBatches(lines: string[]): number[] {
  return lines.filter((l) => l.startsWith('committed ')).map((l) => Number(l.slice('committed '.length)))
}

/** Reopens through the app's path (which removes the dead child's lock); a failed integrity check would add a notice. */
function expectCleanReopen(pid: number): ReturnType<typeof open> {
  const s = open(temp.path)
  expect(s.persistent).toBe(true)
  expect(s.notices).toEqual([`Removed a stale lock on netify-monitor.db left by a program that ended without closing it (process ${pid})`])
  return s
}

test.each([3, 8])('kill -9 while committing batches: the file is intact and every reported batch is there (after %i)', SLOW, async (after) => {
  const killed = await runAndKill(['batches', temp.path, String(ROWS)], (lines) => committedBatches(lines).length >= after)
  const reported = committedBatches(killed.lines)
  expect(reported.length).toBeGreaterThanOrEqual(after)
  expect(existsSync(`${temp.path}.lock`)).toBe(true)

  const s = expectCleanReopen(killed.pid)
  const last = reported[reported.length - 1]
  const stored = s.usage.query({ from: T0, to: T0 + (last + 100) * MINUTE })
  const perBatch = new Map<number, number>()
  for (const r of stored) {
    const b = (r.t - T0) / MINUTE
    expect(r.bytesSent).toBe(b + 1)
    perBatch.set(b, (perBatch.get(b) ?? 0) + 1)
  }
  for (const b of reported) expect(perBatch.get(b), `batch ${b}`).toBe(ROWS)
  // A batch in flight at the kill is either wholly there or wholly absent.
  const beyond = [...perBatch.keys()].filter((b) => b > last)
  expect(beyond.length).toBeLessThanOrEqual(1)
  for (const b of beyond) expect(perBatch.get(b)).toBe(ROWS)
  const alerts = new Set(s.alerts.list().map((a) => a.id))
  for (const b of reported) expect(alerts.has(`batch-${b}`)).toBe(true)
  s.close()
  expect(existsSync(`${temp.path}.lock`)).toBe(false)
  expect(rawQuery(temp.path, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
})

test('kill -9 in the middle of a transaction that spilled to disk: committed rows stay, uncommitted vanish', SLOW, async () => {
  const killed = await runAndKill(['open-transaction', temp.path, String(ROWS)], (lines) => lines.includes('mid-transaction'))
  expect(killed.lines).toContain('committed 1')
  const s = expectCleanReopen(killed.pid)
  const stored = s.usage.query({ from: T0, to: T0 + 10 * MINUTE })
  const expected = [...batchRows(0, ROWS), ...batchRows(1, ROWS)]
  expect(stored).toHaveLength(expected.length)
  expect(stored.filter((r) => r.t === T0)).toHaveLength(ROWS)
  expect(stored.filter((r) => r.t === T0 + 2 * MINUTE)).toHaveLength(0)
  s.close()
  expect(rawQuery(temp.path, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
})
