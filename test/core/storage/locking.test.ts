import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { StorageOpenError } from '../../../src-main/core/storage/open-database'
import { openStorage } from '../../../src-main/core/storage/storage'
import { open, useTempDatabase } from './storage-test-helpers'

const temp = useTempDatabase()

test('a database held by a live program is not touched: the second opener works in memory and says why', () => {
  const first = open(temp.path)
  first.aliases.set('aa:bb:cc:00:11:22', 'first')
  const second = open(temp.path)
  expect(second.persistent).toBe(false)
  expect(second.notices).toEqual([
    `The database ${temp.path} is in use by another program (process ${process.pid}). Changes made in this session will not be saved.`,
  ])
  second.aliases.set('aa:bb:cc:00:11:33', 'second')
  second.close()
  expect(first.aliases.list()).toEqual([{ mac: 'aa:bb:cc:00:11:22', alias: 'first' }])
  first.close()
  const third = open(temp.path)
  expect(third.persistent).toBe(true)
  expect(third.aliases.list()).toEqual([{ mac: 'aa:bb:cc:00:11:22', alias: 'first' }])
  third.close()
})

test('a lock left by a program that has exited is removed with a notice', () => {
  open(temp.path).close()
  const exited = spawnSync(process.execPath, ['-e', '0'])
  mkdirSync(`${temp.path}.lock`)
  writeFileSync(`${temp.path}.owner`, JSON.stringify({ pid: exited.pid }))
  const s = open(temp.path)
  expect(s.persistent).toBe(true)
  expect(s.notices).toEqual([`Removed a stale lock on netify-monitor.db left by a program that ended without closing it (process ${exited.pid})`])
  s.close()
  expect(existsSync(`${temp.path}.lock`)).toBe(false)
  expect(existsSync(`${temp.path}.owner`)).toBe(false)
})

test('a lock with no owner record counts as held while young and as stale once old', () => {
  open(temp.path).close()
  mkdirSync(`${temp.path}.lock`)
  const young = open(temp.path)
  expect(young.persistent).toBe(false)
  expect(young.notices[0]).toMatch(/is in use by another program\. Changes/)
  young.close()
  const minuteAgo = new Date(Date.now() - 60_000)
  utimesSync(`${temp.path}.lock`, minuteAgo, minuteAgo)
  const s = openStorage(temp.path)
  expect(s.persistent).toBe(true)
  expect(s.notices).toEqual(['Removed a stale lock on netify-monitor.db left by a program that ended without closing it'])
  s.close()
})

test('read-only use never creates a file and reports problems as errors', () => {
  expect(() => openStorage(temp.path, { readOnly: true })).toThrow(StorageOpenError)
  expect(() => openStorage(temp.path, { readOnly: true })).toThrow(`No database at ${temp.path}`)
  expect(existsSync(temp.path)).toBe(false)
  writeFileSync(temp.path, 'not a database at all, just some text that is long enough to have a header'.repeat(20))
  expect(() => openStorage(temp.path, { readOnly: true })).toThrow(/could not be opened: file is not a database/)
  expect(existsSync(temp.path)).toBe(true)
})
