/**
 * Batches the high-frequency writes (usage rollups, alert upserts) into one transaction per
 * flush: one durable commit per batch instead of one per row, which is what keeps a
 * `synchronous=FULL` database cheap. Queued rollups for the same minute, device and application
 * are summed in memory, and alerts keep only their latest version, so the queue is bounded by
 * distinct keys rather than by event count.
 *
 * The owner drives it: `flushIfDue(now)` from its own tick (see `startFlushTimer`), `flush()`
 * on demand and on close. No timers live here.
 */
import type { AlertView, HistoryRow } from '../../contract/views'
import { writeAlerts } from './alert-store'
import { errorMessage, inTransaction, type Db } from './sqlite'
import { normaliseUsageRow, writeUsage } from './usage-store'

export interface StorageWriterOptions {
  /** Flush as soon as this many rows are queued (default 5000). */
  maxRows?: number
  /** `flushIfDue` flushes when this long has passed since the last flush (default 5000 ms). */
  intervalMs?: number
  /** Hard cap while the disk refuses writes; beyond it new rows are dropped (default 200 000). */
  maxQueued?: number
}

export type FlushResult =
  | { ok: true; usageRows: number; alerts: number }
  | { ok: false; error: string; queued: number }

export class StorageWriter {
  private usage = new Map<string, HistoryRow>()
  private alerts = new Map<string, AlertView>()
  private lastFlush: number
  private dropped = 0
  private readonly maxRows: number
  private readonly intervalMs: number
  private readonly maxQueued: number

  constructor(private readonly db: Db, now: number, private readonly log: (m: string) => void, options: StorageWriterOptions = {}) {
    this.lastFlush = now
    this.maxRows = options.maxRows ?? 5000
    this.intervalMs = options.intervalMs ?? 5000
    this.maxQueued = options.maxQueued ?? 200_000
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this.usage.size + this.alerts.size
  }

  /** Rows refused since the queue hit `maxQueued` (only while writes keep failing). */
  get droppedRows(): number {
    return this.dropped
  }

  addUsage(rows: readonly HistoryRow[], now: number): void {
    for (const row of rows) {
      const clean = normaliseUsageRow(row)
      if (!clean) continue
      const key = `${clean.t}|${clean.device}|${clean.application}`
      const queued = this.usage.get(key)
      if (queued) {
        queued.bytesSent += clean.bytesSent
        queued.bytesReceived += clean.bytesReceived
      } else if (this.room()) this.usage.set(key, clean)
    }
    this.flushIfFull(now)
  }

  upsertAlerts(alerts: readonly AlertView[], now: number): void {
    for (const alert of alerts) {
      if (this.alerts.has(alert.id) || this.room()) this.alerts.set(alert.id, { ...alert })
    }
    this.flushIfFull(now)
  }

  /** Flushes if anything is queued and `intervalMs` has passed since the last flush. */
  flushIfDue(now: number): FlushResult | undefined {
    if (this.pending === 0 || now - this.lastFlush < this.intervalMs) return undefined
    return this.flush(now)
  }

  /** Writes everything queued in one transaction; on failure the queue is kept for the next try. */
  flush(now: number): FlushResult {
    this.lastFlush = now
    if (this.pending === 0) return { ok: true, usageRows: 0, alerts: 0 }
    if (!this.db.isOpen) return { ok: false, error: 'the database is closed', queued: this.pending }
    try {
      inTransaction(this.db, () => {
        writeUsage(this.db, this.usage.values())
        writeAlerts(this.db, this.alerts.values())
      })
    } catch (err) {
      const error = errorMessage(err)
      this.log(`Could not save ${this.pending} queued rows (will retry): ${error}`)
      return { ok: false, error, queued: this.pending }
    }
    const result: FlushResult = { ok: true, usageRows: this.usage.size, alerts: this.alerts.size }
    this.usage = new Map()
    this.alerts = new Map()
    return result
  }

  private room(): boolean {
    if (this.pending < this.maxQueued) return true
    if (this.dropped++ === 0) this.log(`The write queue is full (${this.maxQueued} rows); new rows are dropped until a flush succeeds`)
    return false
  }

  private flushIfFull(now: number): void {
    if (this.pending >= this.maxRows) this.flush(now)
  }
}
