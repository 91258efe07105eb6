/**
 * Shared by the storage tests: a throwaway folder per test, a fixed clock, and a way to look at
 * the file with plain SQLite (not through the code under test).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sqlite3 from 'node-sqlite3-wasm'
import { openStorage, type Storage, type StorageOptions } from '../../../src-main/core/storage/storage'

export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)
export const MINUTE = 60_000
export const DAY = 86_400_000

export interface TempDir {
  dir: string
  file(name: string): string
  cleanup(): void
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'netify-storage-'))
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Opens storage with a fixed clock and collects log lines. */
export function open(path: string, options: StorageOptions = {}): Storage & { logged: string[] } {
  const logged: string[] = []
  const storage = openStorage(path, { now: () => T0, log: (m) => logged.push(m), ...options })
  return Object.assign(storage, { logged })
}

/** Reads the file with plain node-sqlite3-wasm (exclusive locking is required for a WAL file). */
export function rawQuery(path: string, sql: string, params?: Array<string | number>): Array<Record<string, unknown>> {
  const db = new sqlite3.Database(path)
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE')
    return db.all(sql, params) as Array<Record<string, unknown>>
  } finally {
    db.close()
  }
}

/** Runs statements on the file directly, e.g. to plant a bad row the app would never write. */
export function rawExec(path: string, sql: string): void {
  const db = new sqlite3.Database(path)
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE')
    db.exec(sql)
  } finally {
    db.close()
  }
}
