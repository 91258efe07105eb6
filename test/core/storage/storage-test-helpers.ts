/**
 * Shared by the storage tests: a throwaway folder per test, a fixed clock, and a way to look at
 * the file with plain SQLite (not through the code under test).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sqlite3 from 'node-sqlite3-wasm'
import { afterEach, beforeEach } from 'vitest'
import { openStorage, type Storage, type StorageOptions } from '../../../src-main/core/storage/storage'

export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)
export const MINUTE = 60_000
export const DAY = 86_400_000

/** A fresh folder and database path for every test, removed after it. */
export interface TempDatabase {
  readonly dir: string
  /** The database file inside `dir` (not created until opened). */
  readonly path: string
  file(name: string): string
}

/** Registers the per-test folder hooks, so each test starts with no database file. */
export function useTempDatabase(): TempDatabase {
  let current: string | undefined
  beforeEach(() => {
    current = mkdtempSync(join(tmpdir(), 'netify-storage-'))
  })
  afterEach(() => {
    if (current) rmSync(current, { recursive: true, force: true })
  })
  const dir = (): string => {
    if (!current) throw new Error('useTempDatabase: the folder exists only while a test runs')
    return current
  }
  return {
    get dir() { return dir() },
    get path() { return join(dir(), 'netify-monitor.db') },
    file: (name) => join(dir(), name),
  }
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
