/**
 * Stale-lock recovery for node-sqlite3-wasm's lock directory.
 *
 * node-sqlite3-wasm locks a database by creating the directory `<db>.lock` and removes it on
 * unlock. A process killed while holding it (kill -9, power loss, a crash) leaves the directory
 * behind and every later open fails with "database is locked" for ever. Each opener therefore
 * records its pid in `<db>.owner` once it holds the lock; a lock whose owner is dead, or an
 * owner-less lock older than a few seconds, is stale and removed.
 */
import { existsSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs'

export type LockState =
  | { kind: 'free' }
  | { kind: 'held'; pid?: number }
  | { kind: 'removed-stale'; pid?: number }

/** How old an owner-less lock must be before it counts as abandoned (a real open takes ms). */
export const OWNERLESS_LOCK_STALE_MS = 5000

export function lockDirPath(dbPath: string): string {
  return `${dbPath}.lock`
}

export function ownerPath(dbPath: string): string {
  return `${dbPath}.owner`
}

function readOwnerPid(dbPath: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(ownerPath(dbPath), 'utf8'))
    const pid = (parsed as { pid?: unknown }).pid
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/** EPERM means the process exists but belongs to someone else: still alive. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Looks at `<db>.lock` before opening and removes it when its holder is gone. A pid reused by
 * an unrelated process after a crash reads as alive: the database then opens as "in use" for
 * that session, which loses nothing.
 */
export function checkLock(dbPath: string, now: number): LockState {
  const dir = lockDirPath(dbPath)
  if (!existsSync(dir)) return { kind: 'free' }
  const pid = readOwnerPid(dbPath)
  if (pid !== undefined && isProcessAlive(pid)) return { kind: 'held', pid }
  if (pid === undefined) {
    let age = Infinity
    try {
      age = now - statSync(dir).mtimeMs
    } catch {
      return { kind: 'free' }
    }
    if (age < OWNERLESS_LOCK_STALE_MS) return { kind: 'held' }
  }
  try {
    rmdirSync(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'free' }
    return { kind: 'held', pid }
  }
  return { kind: 'removed-stale', pid }
}

/** Called once this process holds the lock, so a later opener can tell a crash from a live owner. */
export function writeOwner(dbPath: string, now: number): void {
  writeFileSync(ownerPath(dbPath), JSON.stringify({ pid: process.pid, since: now }) + '\n')
}

/** Removes the owner record if it is still ours (another process may have taken over since). */
export function removeOwner(dbPath: string): void {
  if (readOwnerPid(dbPath) !== process.pid) return
  try {
    unlinkSync(ownerPath(dbPath))
  } catch {
    // Already gone: nothing to release.
  }
}
