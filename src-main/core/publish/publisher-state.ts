/**
 * The decisions of one client's publisher, with time passed in: when to send a batch, what its
 * sequence number is, and when a full snapshot replaces the pending changes.
 *
 * A client sees one numbered stream: every snapshot and every delta takes the next number, so a
 * delta whose `seq` is not the previous one plus one tells the UI it missed something and should
 * ask for a snapshot (`snapshot.get`), after which the numbers simply continue.
 */
import type { DeltaBatch, Snapshot } from '../../contract/views'
import { buildDelta } from './delta-builder'
import { createPendingChanges, hasPendingChanges, type PendingChanges } from './pending-changes'
import type { ViewSource } from './view-source'

/** At most 4 batches a second while the UI is visible... */
export const VISIBLE_INTERVAL_MS = 250
/** ...and 1 a second while it is hidden or minimised. */
export const HIDDEN_INTERVAL_MS = 1000

export interface PublisherState {
  /** The last sequence number sent (0 before the first snapshot). */
  seq: number
  visible: boolean
  /** When the last snapshot or delta went out. */
  lastSentAt?: number
  pending: PendingChanges
}

export function createPublisherState(): PublisherState {
  return { seq: 0, visible: true, pending: createPendingChanges() }
}

export function minIntervalMs(state: PublisherState): number {
  return state.visible ? VISIBLE_INTERVAL_MS : HIDDEN_INTERVAL_MS
}

function dueAt(state: PublisherState, now: number): boolean {
  if (state.lastSentAt === undefined || now < state.lastSentAt) return true
  return now - state.lastSentAt >= minIntervalMs(state)
}

/**
 * The batch to send now, or undefined when nothing changed or the last one went out too
 * recently (the changes wait, merged, for the next tick).
 */
export function publisherTick(state: PublisherState, source: ViewSource, now: number): DeltaBatch | undefined {
  if (!hasPendingChanges(state.pending) || !dueAt(state, now)) return undefined
  state.seq += 1
  const batch = buildDelta(state.pending, source, state.seq, now)
  state.pending = createPendingChanges()
  state.lastSentAt = now
  return batch
}

/**
 * A full snapshot for this client. It makes the pending changes redundant, so they are dropped;
 * the caller must first merge every change the model reported before this moment.
 */
export function takeSnapshot(state: PublisherState, source: ViewSource, now: number): Snapshot {
  state.seq += 1
  state.pending = createPendingChanges()
  state.lastSentAt = now
  return { ...source.snapshot(now), seq: state.seq }
}
