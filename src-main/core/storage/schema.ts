/**
 * The database schema as an ordered list of migrations; `PRAGMA user_version` records how many
 * have been applied. Each migration runs in its own transaction together with the version bump,
 * so an interrupted upgrade leaves the file at the previous version, never half-way.
 *
 * Append new migrations; never edit a released one (files in the field already ran it).
 */
import { get, inTransaction, num, type Db } from './sqlite'

const MIGRATIONS: readonly string[] = [
  // 1: configuration.
  `CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE profiles (id TEXT PRIMARY KEY, position INTEGER NOT NULL, json TEXT NOT NULL);
   CREATE TABLE aliases (mac TEXT PRIMARY KEY, alias TEXT NOT NULL);
   CREATE TABLE mute_rules (id INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL UNIQUE, created INTEGER NOT NULL);`,
  // 2: alert history with each alert's state.
  `CREATE TABLE alerts (
     id TEXT PRIMARY KEY, kind TEXT NOT NULL, severity TEXT NOT NULL, state TEXT NOT NULL,
     snoozed_until INTEGER, title TEXT NOT NULL, explanation TEXT NOT NULL, agent_id TEXT,
     device TEXT, application TEXT, host TEXT, risk_id INTEGER, risk_name TEXT,
     count INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL);
   CREATE INDEX alerts_last_seen ON alerts (last_seen);`,
  // 3: per-minute usage rollups.
  `CREATE TABLE usage (
     t INTEGER NOT NULL, device TEXT NOT NULL, application TEXT NOT NULL,
     bytes_sent INTEGER NOT NULL, bytes_received INTEGER NOT NULL,
     PRIMARY KEY (t, device, application)) WITHOUT ROWID;
   CREATE INDEX usage_device_t ON usage (device, t);`,
  // 4: rows that failed validation are kept here rather than deleted.
  `CREATE TABLE rejected_rows (
     id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, key TEXT NOT NULL,
     value TEXT NOT NULL, reason TEXT NOT NULL, at INTEGER NOT NULL);`,
]

/** The schema version this build reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS.length

export function readUserVersion(db: Db): number {
  return num(get(db, 'PRAGMA user_version')?.user_version)
}

/**
 * Brings a database from its current version up to `target` (default: current). Throws if a
 * migration fails; that migration is rolled back and earlier ones stay applied.
 */
export function applyMigrations(db: Db, target = SCHEMA_VERSION): number[] {
  const applied: number[] = []
  for (let version = readUserVersion(db) + 1; version <= target; version++) {
    inTransaction(db, () => {
      db.exec(MIGRATIONS[version - 1])
      db.exec(`PRAGMA user_version = ${version}`)
    })
    applied.push(version)
  }
  return applied
}
