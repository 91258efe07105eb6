import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src-main/core/storage/default-settings'
import { MINUTE, open, rawExec, rawQuery, T0, useTempDatabase } from './storage-test-helpers'

const temp = useTempDatabase()

const ASIDE_SUFFIX = '.corrupt-2025-01-15T12-00-00-000Z'
const profile = { id: 'home', name: 'Home', agents: [{ label: 'r', source: 'tcp://10.0.0.1:7150', enabled: true }] }

/** Opens a bad file and checks it was moved aside intact and a working database replaced it. */
function expectMovedAsideAndFresh(original: Buffer): void {
  const s = open(temp.path)
  expect(s.persistent).toBe(true)
  expect(s.notices).toHaveLength(1)
  expect(s.notices[0]).toMatch(new RegExp(`^The database .* could not be read \\(.+\\)\\. It was moved aside to .*${ASIDE_SUFFIX.replace(/\./g, '\\.')} and a new, empty database was created\\.$`))
  expect(readFileSync(temp.path + ASIDE_SUFFIX).equals(original)).toBe(true)
  expect(s.profiles.list()).toEqual([])
  s.profiles.save(profile)
  s.close()
  const again = open(temp.path)
  expect(again.notices).toEqual([])
  expect(again.profiles.list()).toEqual([profile])
  again.close()
}

test('random bytes are moved aside', () => {
  const garbage = randomBytes(64 * 1024)
  writeFileSync(temp.path, garbage)
  expectMovedAsideAndFresh(garbage)
})

test('a text file is moved aside', () => {
  const text = Buffer.from('These are my notes, not a database.\n'.repeat(200))
  writeFileSync(temp.path, text)
  expectMovedAsideAndFresh(text)
})

test('a truncated real database (and its log) is moved aside', () => {
  const s = open(temp.path)
  const rows = []
  for (let m = 0; m < 3000; m++) rows.push({ t: T0 + m * MINUTE, device: 'aa:bb:cc:00:11:22', application: `app-${m % 40}`, bytesSent: m, bytesReceived: m })
  s.usage.add(rows)
  s.close()
  truncateSync(temp.path, Math.floor(statSync(temp.path).size / 2))
  expectMovedAsideAndFresh(readFileSync(temp.path))
})

test('a zero-length file is simply a new, empty database', () => {
  writeFileSync(temp.path, '')
  const s = open(temp.path)
  expect(s.notices).toEqual([])
  s.profiles.save(profile)
  s.close()
  expect(readdirSync(temp.dir).filter((f) => f.includes('corrupt'))).toEqual([])
  const again = open(temp.path)
  expect(again.profiles.list()).toEqual([profile])
  again.close()
})

test('a stored profile that fails validation is set aside with a notice; the others load', () => {
  const s = open(temp.path)
  s.profiles.save(profile)
  s.profiles.save({ ...profile, id: 'work', name: 'Work' })
  s.close()
  rawExec(temp.path, `UPDATE profiles SET json = '{"id":"work","name":"Work","agents":[{"label":"x","source":"gopher://x","enabled":true}]}' WHERE id = 'work';
    INSERT INTO profiles (id, position, json) VALUES ('broken', 9, '{not json')`)
  const again = open(temp.path)
  expect(again.profiles.list()).toEqual([profile])
  expect(again.notices).toHaveLength(2)
  expect(again.notices[0]).toMatch(/^Saved profile "work" was invalid \(agents\[0\]\.source: expected tcp:\/\/host:port or unix:\/path\)/)
  expect(again.notices[1]).toMatch(/^Saved profile "broken" was invalid \(not JSON/)
  expect(again.profiles.list()).toEqual([profile])
  expect(again.notices).toHaveLength(2)
  again.close()
  expect(rawQuery(temp.path, 'SELECT source, key, value FROM rejected_rows ORDER BY id')).toEqual([
    { source: 'profiles', key: 'work', value: '{"id":"work","name":"Work","agents":[{"label":"x","source":"gopher://x","enabled":true}]}' },
    { source: 'profiles', key: 'broken', value: '{not json' },
  ])
})

test('a stored setting that fails validation resets only that field', () => {
  const s = open(temp.path)
  s.settings.update({ ...DEFAULT_SETTINGS, theme: 'dark', retentionDays: 90, notifications: { ...DEFAULT_SETTINGS.notifications, minSeverity: 'high' } })
  s.close()
  rawExec(temp.path, `UPDATE kv SET value = json_set(json_set(value, '$.retentionDays', -4), '$.notifications.ratePerMinute', 'lots') WHERE key = 'settings'`)
  const again = open(temp.path)
  expect(again.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', notifications: { ...DEFAULT_SETTINGS.notifications, minSeverity: 'high' } })
  expect(again.notices).toHaveLength(1)
  expect(again.notices[0]).toMatch(/reset to their defaults \(retentionDays: .*; notifications\.ratePerMinute: /)
  again.close()
  expect(rawQuery(temp.path, "SELECT COUNT(*) AS n FROM rejected_rows WHERE source = 'settings'")).toEqual([{ n: 1 }])
  const third = open(temp.path)
  expect(third.notices).toEqual([])
  third.close()
})

test('an unreadable path (a folder) does not crash: the session runs in memory with a notice', () => {
  const s = open(temp.dir)
  expect(s.persistent).toBe(false)
  expect(s.notices[0]).toMatch(/could not be opened: .*Changes made in this session will not be saved\.$/)
  s.aliases.set('aa:bb:cc:00:11:22', 'still works')
  expect(s.aliases.list()).toHaveLength(1)
  s.close()
  expect(existsSync(temp.dir + ASIDE_SUFFIX)).toBe(false)
})
