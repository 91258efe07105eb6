/**
 * Aggregations over persisted minute rollups (`history.query` rows) for the History view and
 * the device page. Pure.
 */
import type { HistoryRow } from '@contract/views'

export interface HistoryTotal {
  device: string
  application: string
  bytesSent: number
  bytesReceived: number
  total: number
}

/** One row per device × application over the whole range, largest first. */
export function totalsByDeviceApp(rows: readonly HistoryRow[]): HistoryTotal[] {
  const map = new Map<string, HistoryTotal>()
  for (const r of rows) {
    const k = `${r.device}\u0000${r.application}`
    const cur = map.get(k) ?? { device: r.device, application: r.application, bytesSent: 0, bytesReceived: 0, total: 0 }
    cur.bytesSent += r.bytesSent
    cur.bytesReceived += r.bytesReceived
    cur.total = cur.bytesSent + cur.bytesReceived
    map.set(k, cur)
  }
  return [...map.values()].sort((a, b) => b.total - a.total)
}

export interface BucketedSeries {
  /** Bucket start times. */
  t: number[]
  /** Bytes per application per bucket, aligned on `t`. */
  series: Array<{ name: string; values: number[] }>
}

const MINUTE = 60_000

/** The bucket width that splits [from, to) into at most `maxBuckets` whole-minute buckets. */
export function bucketWidth(from: number, to: number, maxBuckets: number): number {
  const minutes = Math.max(1, Math.ceil((to - from) / MINUTE / maxBuckets))
  return minutes * MINUTE
}

/** Sums rows into time buckets per application (all devices together). */
export function bucketByApplication(rows: readonly HistoryRow[], from: number, to: number, maxBuckets = 60): BucketedSeries {
  const width = bucketWidth(from, to, maxBuckets)
  const count = Math.max(1, Math.ceil((to - from) / width))
  const t = Array.from({ length: count }, (_, i) => from + i * width)
  const byApp = new Map<string, number[]>()
  for (const r of rows) {
    const i = Math.floor((r.t - from) / width)
    if (i < 0 || i >= count) continue
    const values = byApp.get(r.application) ?? new Array<number>(count).fill(0)
    values[i] += r.bytesSent + r.bytesReceived
    byApp.set(r.application, values)
  }
  return { t, series: [...byApp].map(([name, values]) => ({ name, values })) }
}
