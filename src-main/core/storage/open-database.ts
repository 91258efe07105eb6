/**
 * Opens the database file so that the app always starts, whatever state the file is in.
 *
 * Journal: node-sqlite3-wasm's VFS cannot roll back a hot rollback journal (its reserved-lock
 * check sees the opener's own lock directory, so a journal left by a crash is never replayed and
 * the half-written file reads as corrupt). Write-ahead logging does not depend on that check:
 * the log is replayed on open and uncommitted frames are ignored. The VFS has no shared memory,
 * so WAL runs with `locking_mode=EXCLUSIVE`: one process holds the file while it is open.
 * `synchronous=FULL` makes every commit durable before it returns.
 *
 * Outcomes, each reported through a notice a user can read:
 * - unreadable (not a database, malformed, fails integrity_check, cannot be upgraded): moved aside
 *   to `<name>.corrupt-<timestamp>` and replaced with a fresh database;
 * - written by a newer version: left untouched; this session runs on an in-memory database so
 *   the newer app's data is never downgraded or destroyed;
 * - in use by another live process, or failing for any other reason (permissions, I/O): left
 *   untouched; this session runs in memory.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { checkLock, removeOwner, writeOwner } from './file-lock'
import { applyMigrations, readUserVersion, SCHEMA_VERSION } from './schema'
import { all, errorMessage, get, openDb, openMemoryDb, str, type Db } from './sqlite'

export interface OpenDatabaseOptions {
  now: () => number
  log: (message: string) => void
  /**
   * For tools that only read (the history command): never create, move aside or upgrade a file;
   * any problem throws a StorageOpenError instead.
   */
  readOnly?: boolean
}

export interface OpenedDatabase {
  db: Db
  /** false when this session runs on an in-memory database and nothing will be saved. */
  persistent: boolean
  notices: string[]
}

/** A database that a read-only caller cannot use, with a message for the user. */
export class StorageOpenError extends Error {
  override name = 'StorageOpenError'
}

type Attempt = { ok: true; db: Db; version: number } | { ok: false; unreadable: boolean; message: string }

const UNREADABLE = /file is not a database|malformed|corrupt|integrity/i

/** Exclusive locking first: a WAL file cannot even be read without it on this VFS. */
function lockExclusively(db: Db): void {
  db.exec('PRAGMA locking_mode = EXCLUSIVE')
  db.exec('PRAGMA busy_timeout = 2000')
}

function enableWal(db: Db): void {
  const mode = str(get(db, 'PRAGMA journal_mode = WAL')?.journal_mode)
  if (mode !== 'wal') throw new Error(`could not enable write-ahead logging (journal mode is ${mode})`)
  db.exec('PRAGMA synchronous = FULL')
}

function integrityProblem(db: Db): string | undefined {
  const rows = all(db, 'PRAGMA integrity_check(5)').map((r) => str(r.integrity_check))
  return rows.length === 1 && rows[0] === 'ok' ? undefined : `integrity check failed: ${rows.join('; ')}`
}

/**
 * A file that will not be used (newer schema, or a read-only caller's file with no schema) is
 * returned before anything in it, even the journal mode, is changed.
 */
function attempt(path: string, now: number, readOnly: boolean): Attempt {
  let db: Db | undefined
  try {
    db = openDb(path)
    lockExclusively(db)
    const version = readUserVersion(db)
    writeOwner(path, now)
    if (version > SCHEMA_VERSION || (readOnly && version === 0)) return { ok: true, db, version }
    enableWal(db)
    const problem = integrityProblem(db)
    if (problem) throw new Error(problem)
    return { ok: true, db, version }
  } catch (err) {
    const message = errorMessage(err)
    if (db?.isOpen) db.close()
    removeOwner(path)
    return { ok: false, unreadable: UNREADABLE.test(message), message }
  }
}

function timestamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-')
}

/** Renames the file and its sidecars; returns the new name of the main file. */
function moveAside(path: string, now: number): string {
  const suffix = `.corrupt-${timestamp(now)}`
  renameSync(path, path + suffix)
  for (const sidecar of ['-wal', '-journal']) {
    if (existsSync(path + sidecar)) renameSync(path + sidecar, path + suffix + sidecar)
  }
  return path + suffix
}

function memoryDatabase(notices: string[]): OpenedDatabase {
  const db = openMemoryDb()
  applyMigrations(db)
  return { db, persistent: false, notices }
}

class Opener {
  readonly notices: string[] = []
  constructor(readonly path: string, readonly opts: OpenDatabaseOptions) {}

  note(message: string): void {
    this.notices.push(message)
    this.opts.log(message)
  }

  /** Gives up on the file for this session (or, read-only, tells the caller why). */
  fallback(reason: string): OpenedDatabase {
    if (this.opts.readOnly) throw new StorageOpenError(reason)
    this.note(`${reason}. Changes made in this session will not be saved.`)
    return memoryDatabase(this.notices)
  }

  open(): OpenedDatabase {
    const { path, opts } = this
    if (opts.readOnly && !existsSync(path)) throw new StorageOpenError(`No database at ${path}`)
    try {
      mkdirSync(dirname(path), { recursive: true })
    } catch (err) {
      return this.fallback(`Cannot create the folder for the database ${path}: ${errorMessage(err)}`)
    }
    const lock = checkLock(path, opts.now())
    const owner = lock.kind !== 'free' && lock.pid ? ` (process ${lock.pid})` : ''
    if (lock.kind === 'held') return this.fallback(`The database ${path} is in use by another program${owner}`)
    if (lock.kind === 'removed-stale') {
      this.note(`Removed a stale lock on ${basename(path)} left by a program that ended without closing it${owner}`)
    }
    const first = attempt(path, opts.now(), opts.readOnly === true)
    if (first.ok) return this.upgrade(first.db, first.version)
    if (first.unreadable && !opts.readOnly) return this.replace(`The database ${path} could not be read (${first.message})`)
    return this.fallback(`The database ${path} could not be opened: ${first.message}`)
  }

  upgrade(db: Db, version: number): OpenedDatabase {
    const { path, opts } = this
    if (version > SCHEMA_VERSION || (opts.readOnly && version === 0)) {
      this.close(db)
      const why = version === 0
        ? `${path} is not a Netify Monitor database (it has no schema)`
        : `The database ${path} was written by a newer version of Netify Monitor (schema ${version}; this version knows up to ${SCHEMA_VERSION}), so it is left untouched`
      return this.fallback(why)
    }
    if (opts.readOnly) return { db, persistent: true, notices: this.notices }
    try {
      applyMigrations(db)
      return { db, persistent: true, notices: this.notices }
    } catch (err) {
      this.close(db)
      return this.replace(`The database ${path} could not be upgraded from schema ${version} (${errorMessage(err)})`)
    }
  }

  replace(why: string): OpenedDatabase {
    let aside: string
    try {
      aside = moveAside(this.path, this.opts.now())
    } catch (err) {
      return this.fallback(`${why}, and it could not be moved aside (${errorMessage(err)})`)
    }
    this.note(`${why}. It was moved aside to ${aside} and a new, empty database was created.`)
    const fresh = attempt(this.path, this.opts.now(), false)
    if (!fresh.ok) return this.fallback(`A new database could not be created at ${this.path}: ${fresh.message}`)
    return this.upgrade(fresh.db, fresh.version)
  }

  close(db: Db): void {
    db.close()
    removeOwner(this.path)
  }
}

/** Never throws unless `readOnly`; see the module comment for what happens to a bad file. */
export function openDatabase(path: string, opts: OpenDatabaseOptions): OpenedDatabase {
  return new Opener(path, opts).open()
}

/** Closes the connection (checkpointing the log into the file) and releases the owner record. */
export function closeDatabase(path: string, opened: OpenedDatabase): void {
  if (!opened.db.isOpen) return
  opened.db.close()
  if (opened.persistent) removeOwner(path)
}
