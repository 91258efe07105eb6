/**
 * `history.query`: the stored minutes plus the minutes still in memory, so the History view shows
 * the current minute (and the first minute after start) instead of nothing until a minute is
 * over and written.
 *
 * Bytes live in exactly one of three places: the database, the storage writer's queue (minutes
 * the model handed over but not yet flushed, invisible to SQL) and the model's pending rollups.
 * The queue is flushed first so SQL sees it (if the disk refuses, those minutes are missing until
 * a flush succeeds); the pending rollups are then added row by row, so a minute split across the
 * places is summed once, never counted twice.
 */
import type { HistoryRow } from '../../contract/views'
import type { NetifyCore } from './netify-core'

export interface HistoryRange {
  from: number
  to: number
  device?: string
}

export function queryHistory(core: NetifyCore, range: HistoryRange): HistoryRow[] {
  // A failed flush keeps its queue for the next try and is logged by the writer.
  core.storage.writer.flush(core.now())
  const stored = core.storage.usage.query(range)
  return mergeHistoryRows(stored, core.live.model.minuteRollups().filter((r) => inRange(r, range)))
}

function inRange(row: HistoryRow, range: HistoryRange): boolean {
  return row.t >= range.from && row.t < range.to && (range.device === undefined || row.device === range.device.toLowerCase())
}

/** Rows summed per minute, device and application, ordered like the store's (minute, device, application). */
export function mergeHistoryRows(...sources: ReadonlyArray<readonly HistoryRow[]>): HistoryRow[] {
  const byKey = new Map<string, HistoryRow>()
  for (const rows of sources) {
    for (const r of rows) {
      const key = `${r.t}\n${r.device}\n${r.application}`
      const row = byKey.get(key)
      if (row) {
        row.bytesSent += r.bytesSent
        row.bytesReceived += r.bytesReceived
      } else byKey.set(key, { ...r })
    }
  }
  return [...byKey.values()].sort((a, b) => a.t - b.t || compare(a.device, b.device) || compare(a.application, b.application))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
