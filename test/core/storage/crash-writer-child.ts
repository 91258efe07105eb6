/**
 * Child process for the kill -9 tests (run with `node --import tsx`). Not a test file.
 *
 *   batches PATH ROWS          commit batches of ROWS usage rows (+1 alert) through the writer,
 *                              printing "committed N" after each commit, until killed
 *   open-transaction PATH ROWS commit 2 batches, then write ROWS more rows inside a transaction
 *                              that never commits, print "mid-transaction" and wait to be killed
 */
import type { AlertView, HistoryRow } from '../../../src-main/contract/views'
import { openDatabase } from '../../../src-main/core/storage/open-database'
import { applyMigrations } from '../../../src-main/core/storage/schema'
import { inTransaction } from '../../../src-main/core/storage/sqlite'
import { openStorage } from '../../../src-main/core/storage/storage'
import { writeUsage } from '../../../src-main/core/storage/usage-store'

export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)
export const MINUTE = 60_000

/** Batch `b` is every row with t = T0 + b minutes; each row's bytes encode the batch. */
export function batchRows(b: number, rows: number): HistoryRow[] {
  return Array.from({ length: rows }, (_, i) => ({
    t: T0 + b * MINUTE,
    device: `aa:bb:cc:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
    application: `app-${i % 7}-${'x'.repeat(40)}`,
    bytesSent: b + 1,
    bytesReceived: 1000 + b,
  }))
}

function batchAlert(b: number): AlertView {
  return { id: `batch-${b}`, kind: 'traffic_threshold', severity: 'low', state: 'new', title: `Batch ${b}`, explanation: 'crash test', count: b, firstSeen: T0, lastSeen: T0 + b }
}

function batches(path: string, rows: number): void {
  const storage = openStorage(path, { writer: { maxRows: Number.MAX_SAFE_INTEGER } })
  for (let b = 0; ; b++) {
    storage.writer.addUsage(batchRows(b, rows), T0)
    storage.writer.upsertAlerts([batchAlert(b)], T0)
    const result = storage.writer.flush(T0)
    if (!result.ok) throw new Error(result.error)
    process.stdout.write(`committed ${b}\n`)
  }
}

function openTransaction(path: string, rows: number): void {
  const opened = openDatabase(path, { now: Date.now, log: () => undefined })
  applyMigrations(opened.db)
  // A small page cache makes SQLite spill uncommitted pages to the file's log mid-transaction.
  opened.db.exec('PRAGMA cache_size = 20')
  for (const b of [0, 1]) inTransaction(opened.db, () => writeUsage(opened.db, batchRows(b, rows)))
  process.stdout.write('committed 1\n')
  inTransaction(opened.db, () => {
    writeUsage(opened.db, batchRows(2, rows))
    opened.db.run('DELETE FROM usage WHERE t = ?', T0)
    process.stdout.write('mid-transaction\n')
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
  })
}

const [mode, path, rows] = process.argv.slice(2)
if (mode === 'batches') batches(path, Number(rows))
else if (mode === 'open-transaction') openTransaction(path, Number(rows))
