import { expect, test } from 'vitest'
import type { AlertView, HistoryRow } from '../../../src-main/contract/views'
import { MINUTE, open, rawQuery, T0, useTempDatabase } from './storage-test-helpers'

const temp = useTempDatabase()

const devices = ['aa:bb:cc:00:00:01', 'aa:bb:cc:00:00:02', 'aa:bb:cc:00:00:03']
const apps = ['netify.dns', 'netify.https', 'netify.zoom', 'netify.spotify']

function rollups(minutes: number): HistoryRow[] {
  const rows: HistoryRow[] = []
  for (let m = 0; m < minutes; m++) {
    for (const device of devices) for (const application of apps) rows.push({ t: T0 + m * MINUTE, device, application, bytesSent: m + 1, bytesReceived: 2 * (m + 1) })
  }
  return rows
}

const alert = (id: string, over: Partial<AlertView> = {}): AlertView => ({
  id, kind: 'risk', severity: 'medium', state: 'new', title: `Risk ${id}`, explanation: 'e', count: 1, firstSeen: T0, lastSeen: T0, ...over,
})

test('queued rows are written only on flush, coalesced, and all of them arrive', () => {
  const s = open(temp.path, { writer: { maxRows: 100_000, intervalMs: 5000 } })
  const rows = rollups(100)
  s.writer.addUsage(rows, T0)
  s.writer.addUsage(rows.slice(0, 12), T0 + 1)
  s.writer.upsertAlerts([alert('a'), alert('b'), alert('a', { count: 7 })], T0 + 2)
  expect(s.usage.query({ from: T0, to: T0 + 1000 * MINUTE })).toEqual([])
  expect(s.writer.pending).toBe(rows.length + 2)
  expect(s.writer.flushIfDue(T0 + 4999)).toBeUndefined()
  expect(s.writer.flushIfDue(T0 + 5000)).toEqual({ ok: true, usageRows: rows.length, alerts: 2 })
  expect(s.writer.pending).toBe(0)
  const stored = s.usage.query({ from: T0, to: T0 + 1000 * MINUTE })
  expect(stored).toHaveLength(rows.length)
  const first = stored.filter((r) => r.t === T0)
  expect(first.every((r) => r.bytesSent === 2 && r.bytesReceived === 4)).toBe(true)
  expect(s.alerts.list().find((a) => a.id === 'a')?.count).toBe(7)
  s.close()
})

test('a full queue flushes by itself at maxRows', () => {
  const s = open(temp.path, { writer: { maxRows: 50, intervalMs: 1e9 } })
  const rows = rollups(5)
  s.writer.addUsage(rows.slice(0, 49), T0)
  expect(s.usage.query({ from: T0, to: T0 + 10 * MINUTE })).toHaveLength(0)
  s.writer.addUsage(rows.slice(49), T0)
  expect(s.usage.query({ from: T0, to: T0 + 10 * MINUTE })).toHaveLength(rows.length)
  s.close()
})

test('one batch is one transaction: a failing row leaves none of the batch written, and it is retried', () => {
  const s = open(temp.path, { writer: { maxRows: 100_000 } })
  const rows = rollups(50)
  s.writer.addUsage(rows, T0)
  // An alert the app would never build: title is NOT NULL in the schema.
  s.writer.upsertAlerts([alert('broken', { title: null as unknown as string })], T0)
  const failed = s.writer.flush(T0)
  expect(failed.ok).toBe(false)
  expect(failed.ok ? '' : failed.error).toMatch(/NOT NULL/)
  expect(storedRows(s)).toBe(0)
  expect(s.writer.pending).toBe(rows.length + 1)
  s.writer.upsertAlerts([alert('broken')], T0)
  expect(s.writer.flush(T0)).toEqual({ ok: true, usageRows: rows.length, alerts: 1 })
  expect(storedRows(s)).toBe(rows.length)
  s.close()
})

test('close() flushes what is queued', () => {
  const s = open(temp.path, { writer: { maxRows: 100_000, intervalMs: 1e9 } })
  const rows = rollups(20)
  s.writer.addUsage(rows, T0)
  s.writer.upsertAlerts([alert('x')], T0)
  s.close()
  s.close()
  const sums = rawQuery(temp.path, 'SELECT COUNT(*) AS n, SUM(bytes_sent) AS sent FROM usage')[0]
  expect(sums).toEqual({ n: rows.length, sent: rows.reduce((n, r) => n + r.bytesSent, 0) })
  expect(rawQuery(temp.path, 'SELECT id FROM alerts')).toEqual([{ id: 'x' }])
})

function storedRows(s: ReturnType<typeof open>): number {
  return s.usage.query({ from: 0, to: Number.MAX_SAFE_INTEGER }).length
}
