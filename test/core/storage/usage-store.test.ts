import { expect, test } from 'vitest'
import type { HistoryRow } from '../../../src-main/contract/views'
import { DAY, MINUTE, open, rawQuery, T0, useTempDatabase } from './storage-test-helpers'

const temp = useTempDatabase()

const TV = 'aa:bb:cc:00:11:22'
const LAPTOP = 'aa:bb:cc:00:11:33'
const row = (t: number, device: string, application: string, bytesSent: number, bytesReceived: number): HistoryRow =>
  ({ t, device, application, bytesSent, bytesReceived })

test('rows for the same minute, device and application add up, across writes and restarts', () => {
  const s = open(temp.path)
  s.usage.add([row(T0, TV, 'netify.netflix', 100, 5000), row(T0 + 59_999, TV, 'netify.netflix', 1, 10)])
  s.close()
  const again = open(temp.path)
  again.usage.add([row(T0 + 30_000, TV.toUpperCase(), 'netify.netflix', 10, 100), row(T0, TV, 'netify.dns', 3, 4)])
  expect(again.usage.query({ from: T0, to: T0 + MINUTE })).toEqual([
    row(T0, TV, 'netify.dns', 3, 4),
    row(T0, TV, 'netify.netflix', 111, 5110),
  ])
  again.close()
})

test('unusable rows are skipped and counted, the rest is written', () => {
  const s = open(temp.path)
  const result = s.usage.add([
    row(T0, TV, 'netify.dns', 1, 1),
    row(T0, 'not-a-mac', 'netify.dns', 1, 1),
    row(T0, TV, 'netify.dns', -5, 1),
    row(Number.NaN, TV, 'netify.dns', 1, 1),
    row(T0, TV, '', 1, 1),
    row(T0, TV, 'netify.dns', 1.5, 1),
  ])
  expect(result).toEqual({ written: 1, skipped: 5 })
  expect(s.usage.query({ from: 0, to: T0 + DAY })).toEqual([row(T0, TV, 'netify.dns', 1, 1)])
  s.close()
})

test('ranges are half-open: a row at `from` is in, a row at `to` is out; device filter applies', () => {
  const s = open(temp.path)
  const minutes = [0, 1, 2, 3, 4].map((i) => T0 + i * MINUTE)
  s.usage.add(minutes.flatMap((t, i) => [row(t, TV, 'netify.youtube', i, 10 * i), row(t, LAPTOP, 'netify.zoom', 100 + i, 0)]))
  const q = s.usage.query({ from: minutes[1], to: minutes[3] })
  // Ordered by minute, then device (TV's MAC sorts before the laptop's).
  expect(q.map((r) => [r.t, r.device])).toEqual([[minutes[1], TV], [minutes[1], LAPTOP], [minutes[2], TV], [minutes[2], LAPTOP]])
  expect(s.usage.query({ from: minutes[1], to: minutes[3], device: TV.toUpperCase() })).toEqual([
    row(minutes[1], TV, 'netify.youtube', 1, 10), row(minutes[2], TV, 'netify.youtube', 2, 20),
  ])
  expect(s.usage.query({ from: minutes[4] + 1, to: minutes[4] + MINUTE })).toEqual([])
  expect(s.usage.query({ from: minutes[0], to: minutes[4] + 1, limit: 3 })).toHaveLength(3)
  s.close()
})

test('totals per device × application and per-bucket series sum what was written', () => {
  const s = open(temp.path)
  const written: HistoryRow[] = []
  for (let i = 0; i < 30; i++) {
    written.push(row(T0 + i * MINUTE, TV, 'netify.netflix', i, 1000 + i))
    if (i % 3 === 0) written.push(row(T0 + i * MINUTE, TV, 'netify.dns', 2, 3))
    if (i % 2 === 0) written.push(row(T0 + i * MINUTE, LAPTOP, 'netify.zoom', 500, 500))
  }
  s.usage.add(written)
  const from = T0 + 5 * MINUTE
  const to = T0 + 25 * MINUTE
  const inRange = written.filter((r) => r.t >= from && r.t < to)
  const expected = new Map<string, { bytesSent: number; bytesReceived: number }>()
  for (const r of inRange) {
    const e = expected.get(`${r.device} ${r.application}`) ?? { bytesSent: 0, bytesReceived: 0 }
    e.bytesSent += r.bytesSent
    e.bytesReceived += r.bytesReceived
    expected.set(`${r.device} ${r.application}`, e)
  }
  const totals = s.usage.totals({ from, to })
  expect(totals).toHaveLength(expected.size)
  for (const t of totals) expect(expected.get(`${t.device} ${t.application}`)).toEqual({ bytesSent: t.bytesSent, bytesReceived: t.bytesReceived })
  const sizes = totals.map((t) => t.bytesSent + t.bytesReceived)
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a))

  const bucketMs = 10 * MINUTE
  const series = s.usage.series({ from, to, bucketMs, device: TV })
  const netflix = series.filter((p) => p.application === 'netify.netflix')
  const bucketOf = (t: number) => Math.floor(t / bucketMs) * bucketMs
  for (const p of netflix) {
    const inBucket = inRange.filter((r) => r.device === TV && r.application === 'netify.netflix' && bucketOf(r.t) === p.t)
    expect(p.bytesSent).toBe(inBucket.reduce((n, r) => n + r.bytesSent, 0))
  }
  expect(netflix.reduce((n, p) => n + p.bytesReceived, 0)).toBe(expected.get(`${TV} netify.netflix`)?.bytesReceived)
  expect(series.some((p) => p.application === 'netify.zoom')).toBe(false)
  s.close()
})

test('prune keeps exactly the retention period (from settings) and survives a restart', () => {
  const s = open(temp.path)
  const now = T0
  s.settings.update({ ...s.settings.get(), retentionDays: 7 })
  s.usage.add([
    row(now - 7 * DAY - MINUTE, TV, 'old', 1, 1),
    row(now - 7 * DAY, TV, 'edge', 2, 2),
    row(now - DAY, TV, 'recent', 3, 3),
  ])
  s.alerts.upsert([
    { id: 'old', kind: 'new_device', severity: 'info', state: 'new', title: 'x', explanation: 'y', count: 1, firstSeen: now - 9 * DAY, lastSeen: now - 8 * DAY },
    { id: 'new', kind: 'new_device', severity: 'info', state: 'new', title: 'x', explanation: 'y', count: 1, firstSeen: now - 9 * DAY, lastSeen: now - DAY },
  ])
  expect(s.prune(now)).toEqual({ usage: 1, alerts: 1 })
  s.close()
  expect(rawQuery(temp.path, 'SELECT application FROM usage ORDER BY t').map((r) => r.application)).toEqual(['edge', 'recent'])
  expect(rawQuery(temp.path, 'SELECT id FROM alerts').map((r) => r.id)).toEqual(['new'])
})
