/**
 * The one place that touches node-sqlite3-wasm's API shape, so the stores stay small and typed.
 *
 * node-sqlite3-wasm is real SQLite compiled to WebAssembly with direct file access: no native
 * addon, so the same file works under Node and inside Electron. Its CommonJS module exposes no
 * named exports to Node's ESM loader, hence the default import.
 */
import sqlite3 from 'node-sqlite3-wasm'

export type Db = InstanceType<typeof sqlite3.Database>
export type SqlValue = number | bigint | string | Uint8Array | null
export type SqlParams = SqlValue | boolean | Array<SqlValue | boolean> | Record<string, SqlValue | boolean>
export type Row = Record<string, SqlValue>

/** Opens (creating if missing) a database file; throws SQLite3Error on failure. */
export function openDb(path: string): Db {
  return new sqlite3.Database(path)
}

/** An in-memory database, used when the file must not be touched (newer schema, in use). */
export function openMemoryDb(): Db {
  return new sqlite3.Database()
}

/** Runs `fn` in one transaction: all of it is committed, or none of it. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = fn()
    db.exec('COMMIT')
    return result
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw err
  }
}

/**
 * Runs one prepared statement over many parameter sets; the statement is always finalized
 * (node-sqlite3-wasm leaks it otherwise).
 */
export function runMany(db: Db, sql: string, rows: Iterable<SqlParams>): number {
  const stmt = db.prepare(sql)
  try {
    let changes = 0
    for (const params of rows) changes += stmt.run(params).changes
    return changes
  } finally {
    stmt.finalize()
  }
}

export function all(db: Db, sql: string, params?: SqlParams): Row[] {
  return db.all(sql, params) as Row[]
}

export function get(db: Db, sql: string, params?: SqlParams): Row | undefined {
  return (db.get(sql, params) as Row | null) ?? undefined
}

/** A column read as a plain number (SQLite hands back bigint beyond 2^53, never reached here). */
export function num(v: SqlValue | undefined): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0
}

export function optNum(v: SqlValue | undefined): number | undefined {
  return v === null || v === undefined ? undefined : num(v)
}

export function str(v: SqlValue | undefined): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v)
}

export function optStr(v: SqlValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
