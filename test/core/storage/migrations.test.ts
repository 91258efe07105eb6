import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import sqlite3 from 'node-sqlite3-wasm'
import { expect, test } from 'vitest'
import { applyMigrations, SCHEMA_VERSION } from '../../../src-main/core/storage/schema'
import { open, rawQuery, T0, useTempDatabase } from './storage-test-helpers'

const temp = useTempDatabase()

/** A file as an older build left it: rollback journal, schema applied up to `version`. */
function oldFile(version: number, sql: string): void {
  const db = new sqlite3.Database(temp.path)
  applyMigrations(db, version)
  db.exec(sql)
  db.close()
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

test('a version-1 file is upgraded to the current schema and keeps its data', () => {
  const profile = { id: 'home', name: 'Home', agents: [{ label: 'r', source: 'tcp://10.0.0.1:7150', enabled: true }] }
  oldFile(1, `INSERT INTO profiles (id, position, json) VALUES ('home', 0, '${JSON.stringify(profile)}');
    INSERT INTO aliases (mac, alias) VALUES ('aa:bb:cc:00:11:22', 'TV');
    INSERT INTO kv (key, value) VALUES ('activeProfileId', 'home')`)
  expect(rawQuery(temp.path, 'PRAGMA user_version')).toEqual([{ user_version: 1 }])
  const s = open(temp.path)
  expect(s.persistent).toBe(true)
  expect(s.notices).toEqual([])
  expect(s.profiles.list()).toEqual([profile])
  expect(s.profiles.getActive()).toBe('home')
  expect(s.aliases.get('aa:bb:cc:00:11:22')).toBe('TV')
  s.usage.add([{ t: T0, device: 'aa:bb:cc:00:11:22', application: 'netify.dns', bytesSent: 1, bytesReceived: 2 }])
  s.close()
  expect(rawQuery(temp.path, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSION }])
  expect(rawQuery(temp.path, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }])
  expect(rawQuery(temp.path, 'SELECT COUNT(*) AS n FROM usage')).toEqual([{ n: 1 }])
})

test('a version-0 file (an existing SQLite file with no schema) gets every migration; its own table is untouched', () => {
  oldFile(0, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')")
  const s = open(temp.path)
  expect(s.persistent).toBe(true)
  s.close()
  expect(rawQuery(temp.path, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSION }])
  expect(rawQuery(temp.path, 'SELECT body FROM notes')).toEqual([{ body: 'keep me' }])
  const tables = rawQuery(temp.path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name)
  expect(tables).toEqual(expect.arrayContaining(['alerts', 'aliases', 'kv', 'mute_rules', 'profiles', 'rejected_rows', 'usage']))
})

test('a migration that fails is rolled back whole; the file is moved aside with its data and a fresh one works', () => {
  oldFile(0, "CREATE TABLE aliases (something_else TEXT); INSERT INTO aliases VALUES ('precious')")
  const s = open(temp.path)
  const aside = `${temp.path}.corrupt-2025-01-15T12-00-00-000Z`
  expect(s.notices).toHaveLength(1)
  expect(s.notices[0]).toContain('could not be upgraded from schema 0')
  expect(s.notices[0]).toContain(`moved aside to ${aside}`)
  s.aliases.set('aa:bb:cc:00:11:22', 'TV')
  s.close()
  expect(rawQuery(aside, 'PRAGMA user_version')).toEqual([{ user_version: 0 }])
  expect(rawQuery(aside, 'SELECT * FROM aliases')).toEqual([{ something_else: 'precious' }])
  expect(rawQuery(aside, "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'kv'")).toEqual([{ n: 0 }])
  const fresh = open(temp.path)
  expect(fresh.aliases.list()).toEqual([{ mac: 'aa:bb:cc:00:11:22', alias: 'TV' }])
  fresh.close()
})

test('a file from a newer version is refused with a clear notice and left byte-for-byte untouched', () => {
  const newer = SCHEMA_VERSION + 3
  oldFile(SCHEMA_VERSION, `PRAGMA user_version = ${newer}; INSERT INTO aliases VALUES ('aa:bb:cc:00:11:22', 'from the future')`)
  const before = sha(temp.path)
  const s = open(temp.path)
  expect(s.persistent).toBe(false)
  expect(s.notices).toEqual([
    `The database ${temp.path} was written by a newer version of Netify Monitor (schema ${newer}; this version knows up to ${SCHEMA_VERSION}), so it is left untouched. Changes made in this session will not be saved.`,
  ])
  expect(s.logged).toEqual(s.notices)
  s.aliases.set('aa:bb:cc:00:11:33', 'session only')
  s.profiles.save({ id: 'p', name: 'P', agents: [] })
  expect(s.aliases.list()).toEqual([{ mac: 'aa:bb:cc:00:11:33', alias: 'session only' }])
  s.close()
  expect(sha(temp.path)).toBe(before)
  expect(rawQuery(temp.path, 'SELECT alias FROM aliases')).toEqual([{ alias: 'from the future' }])
})
