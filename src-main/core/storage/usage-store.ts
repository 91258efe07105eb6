/**
 * Per-minute usage rollups: bytes per device and application per minute. Rows for the same
 * minute, device and application add up, so the core can write whatever it accumulated since
 * the last flush without reading first. Ranges are half-open, `from <= t < to`, so consecutive
 * ranges never count a minute twice.
 */
import type { HistoryRow } from '../../contract/views'
import { all, inTransaction, num, runMany, str, type Db } from './sqlite'
import type { StoreContext } from './store-context'

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000
/** Bounds what one query can load into memory. */
export const DEFAULT_QUERY_LIMIT = 200_000

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/

export interface UsageRange {
  from: number
  to: number
  /** Lowercase MAC; absent: every device. */
  device?: string
}

export interface UsageTotal {
  device: string
  application: string
  bytesSent: number
  bytesReceived: number
}

export interface UsageSeriesPoint {
  /** Bucket start (a multiple of the bucket size since the epoch). */
  t: number
  application: string
  bytesSent: number
  bytesReceived: number
}

export interface UsageStore {
  /** Adds rows in one transaction; returns how many were written and how many were unusable. */
  add(rows: readonly HistoryRow[]): { written: number; skipped: number }
  /** Rows in the range ordered by minute, device, application (at most `limit`). */
  query(range: UsageRange & { limit?: number }): HistoryRow[]
  /** Per device × application totals over the range, largest first: the "who used what" chart. */
  totals(range: UsageRange): UsageTotal[]
  /** Per application sums in buckets of `bucketMs`: the stacked "over time" chart. */
  series(range: UsageRange & { bucketMs: number }): UsageSeriesPoint[]
  /** Deletes rows older than `retentionDays` before `now`; returns how many. */
  prune(now: number, retentionDays: number): number
}

const ADD = `INSERT INTO usage (t, device, application, bytes_sent, bytes_received) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT(t, device, application) DO UPDATE SET
  bytes_sent = bytes_sent + excluded.bytes_sent, bytes_received = bytes_received + excluded.bytes_received`

function usable(row: HistoryRow): boolean {
  const count = (n: number) => Number.isSafeInteger(n) && n >= 0
  return Number.isFinite(row.t) && MAC.test(row.device) && typeof row.application === 'string' &&
    row.application.length > 0 && row.application.length <= 200 && count(row.bytesSent) && count(row.bytesReceived)
}

/** The row keyed to the start of its minute, device lowercased; undefined if unusable. */
export function normaliseUsageRow(row: HistoryRow): HistoryRow | undefined {
  const clean = { ...row, device: String(row.device).toLowerCase(), t: Math.floor(row.t / MINUTE_MS) * MINUTE_MS }
  return usable(clean) ? clean : undefined
}

/** Writes inside the caller's transaction; rows must already be normalised. */
export function writeUsage(db: Db, rows: Iterable<HistoryRow>): number {
  const params = [...rows].map((r) => [r.t, r.device, r.application, r.bytesSent, r.bytesReceived])
  return runMany(db, ADD, params)
}

function where(range: UsageRange): { sql: string; params: Array<number | string> } {
  const params: Array<number | string> = [range.from, range.to]
  let sql = 't >= ? AND t < ?'
  if (range.device !== undefined) {
    sql += ' AND device = ?'
    params.push(range.device.toLowerCase())
  }
  return { sql, params }
}

export function createUsageStore(ctx: StoreContext): UsageStore {
  const { db } = ctx
  return {
    add(rows) {
      const clean = rows.map(normaliseUsageRow).filter((r): r is HistoryRow => r !== undefined)
      if (clean.length > 0) inTransaction(db, () => writeUsage(db, clean))
      return { written: clean.length, skipped: rows.length - clean.length }
    },
    query(range) {
      const w = where(range)
      const rows = all(db, `SELECT t, device, application, bytes_sent, bytes_received FROM usage WHERE ${w.sql}
        ORDER BY t, device, application LIMIT ?`, [...w.params, range.limit ?? DEFAULT_QUERY_LIMIT])
      return rows.map((r) => ({
        t: num(r.t), device: str(r.device), application: str(r.application),
        bytesSent: num(r.bytes_sent), bytesReceived: num(r.bytes_received),
      }))
    },
    totals(range) {
      const w = where(range)
      const rows = all(db, `SELECT device, application, SUM(bytes_sent) AS s, SUM(bytes_received) AS r FROM usage
        WHERE ${w.sql} GROUP BY device, application ORDER BY s + r DESC, device, application`, w.params)
      return rows.map((r) => ({ device: str(r.device), application: str(r.application), bytesSent: num(r.s), bytesReceived: num(r.r) }))
    },
    series(range) {
      const bucket = Math.max(MINUTE_MS, Math.floor(range.bucketMs))
      const w = where(range)
      const rows = all(db, `SELECT (t / ?) * ? AS b, application, SUM(bytes_sent) AS s, SUM(bytes_received) AS r FROM usage
        WHERE ${w.sql} GROUP BY b, application ORDER BY b, application`, [bucket, bucket, ...w.params])
      return rows.map((r) => ({ t: num(r.b), application: str(r.application), bytesSent: num(r.s), bytesReceived: num(r.r) }))
    },
    prune(now, retentionDays) {
      return db.run('DELETE FROM usage WHERE t < ?', now - retentionDays * DAY_MS).changes
    },
  }
}
