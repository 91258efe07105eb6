/**
 * Bytes per (minute, device, application), for the history store.
 *
 * The model adds to the current minute as bytes are credited; storage takes the minutes that are
 * over. If storage stops taking them, the oldest minutes are dropped (and counted) so memory
 * stays bounded.
 */
import type { HistoryRow } from '../../contract/views'

export const MINUTE_MS = 60_000

export class MinuteRollups {
  /** minute start -> `${mac}\n${application}` -> row */
  private readonly minutes = new Map<number, Map<string, HistoryRow>>()
  droppedRows = 0

  constructor(private readonly maxMinutes = 180, private readonly maxRowsPerMinute = 50_000) {}

  add(now: number, device: string, application: string, sent: number, received: number): void {
    const t = Math.floor(now / MINUTE_MS) * MINUTE_MS
    let rows = this.minutes.get(t)
    if (!rows) {
      rows = new Map()
      this.minutes.set(t, rows)
      this.trim()
    }
    const key = `${device}\n${application}`
    let row = rows.get(key)
    if (!row) {
      if (rows.size >= this.maxRowsPerMinute) {
        this.droppedRows++
        return
      }
      row = { t, device, application, bytesSent: 0, bytesReceived: 0 }
      rows.set(key, row)
    }
    row.bytesSent += sent
    row.bytesReceived += received
  }

  /** Every pending row, the current minute included (nothing is removed). */
  all(): HistoryRow[] {
    const out: HistoryRow[] = []
    for (const rows of this.minutes.values()) for (const r of rows.values()) out.push({ ...r })
    return out
  }

  /** Remove and return the rows of minutes that ended at or before `now`. */
  takeCompleted(now: number): HistoryRow[] {
    const out: HistoryRow[] = []
    for (const [t, rows] of [...this.minutes]) {
      if (t + MINUTE_MS > now) continue
      for (const r of rows.values()) out.push(r)
      this.minutes.delete(t)
    }
    return out.sort((a, b) => a.t - b.t)
  }

  private trim(): void {
    while (this.minutes.size > this.maxMinutes) {
      const oldest = Math.min(...this.minutes.keys())
      this.droppedRows += this.minutes.get(oldest)?.size ?? 0
      this.minutes.delete(oldest)
    }
  }
}
