import type { StorageWriter } from './storage-writer'

/**
 * The thin timer around a StorageWriter (the writer itself holds no timers, so tests drive it
 * with explicit times). Unref'd so it never keeps a process alive; returns its stop function.
 */
export function startFlushTimer(writer: StorageWriter, tickMs: number, now: () => number = Date.now): () => void {
  const timer = setInterval(() => writer.flushIfDue(now()), tickMs)
  timer.unref()
  return () => clearInterval(timer)
}
