/**
 * Stored rows that no longer validate (hand-edited, or written by a buggy build) are moved to
 * `rejected_rows` instead of being deleted, so the bytes survive for inspection while the rest
 * of the data loads.
 */
import type { Db } from './sqlite'

export interface RejectedRow {
  source: string
  key: string
  value: string
  reason: string
}

/** Call inside the caller's transaction, after deleting the row from its own table. */
export function keepRejected(db: Db, row: RejectedRow, now: number): void {
  db.run('INSERT INTO rejected_rows (source, key, value, reason, at) VALUES (?, ?, ?, ?, ?)', [
    row.source, row.key, row.value, row.reason, now,
  ])
}
