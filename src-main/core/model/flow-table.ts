/**
 * The bounded table of flows: active flows by `${agentId}/${digest}`, plus a ring of recently
 * closed ones for the flow view.
 *
 * Both maps keep insertion order as recency order (an update re-inserts), so the oldest entry is
 * always the first: evicting it is O(1) and the table never grows past its caps whatever the
 * agent sends.
 */
import type { FlowEntry } from './flow-entry'

export interface FlowTableLimits {
  /** Active flows kept; past this the least recently seen active flow is dropped. Default 100k. */
  activeCap: number
  /** Closed flows kept for display; the oldest closed go first. Default 10k. */
  closedCap: number
}

export const DEFAULT_FLOW_LIMITS: FlowTableLimits = { activeCap: 100_000, closedCap: 10_000 }

export interface FlowTableHooks {
  /** A flow left the table for good (evicted), so the model can drop what points at it. */
  removed(entry: FlowEntry, wasActive: boolean): void
}

export class FlowTable {
  readonly limits: FlowTableLimits
  private readonly active = new Map<string, FlowEntry>()
  private readonly closed = new Map<string, FlowEntry>()
  /** Active flows dropped because the active cap was reached. */
  evictedActive = 0
  evictedClosed = 0

  constructor(limits: Partial<FlowTableLimits>, private readonly hooks: FlowTableHooks) {
    this.limits = { ...DEFAULT_FLOW_LIMITS, ...limits }
  }

  get activeCount(): number {
    return this.active.size
  }
  get closedCount(): number {
    return this.closed.size
  }

  get(key: string): FlowEntry | undefined {
    return this.active.get(key) ?? this.closed.get(key)
  }

  getActive(key: string): FlowEntry | undefined {
    return this.active.get(key)
  }

  /** Add or refresh an active flow as the most recently seen. */
  touch(entry: FlowEntry): void {
    if (entry.closedAt !== undefined) return
    this.active.delete(entry.key)
    this.active.set(entry.key, entry)
    while (this.active.size > this.limits.activeCap) {
      const oldest = this.active.values().next().value as FlowEntry
      this.active.delete(oldest.key)
      this.evictedActive++
      this.hooks.removed(oldest, true)
    }
  }

  close(entry: FlowEntry, reason: string, now: number): void {
    if (!this.active.delete(entry.key)) return
    entry.closedReason = reason
    entry.closedAt = now
    entry.rateOut = 0
    entry.rateIn = 0
    this.closed.set(entry.key, entry)
    while (this.closed.size > this.limits.closedCap) {
      const oldest = this.closed.values().next().value as FlowEntry
      this.closed.delete(oldest.key)
      this.evictedClosed++
      this.hooks.removed(oldest, false)
    }
  }

  activeFlows(): IterableIterator<FlowEntry> {
    return this.active.values()
  }

  closedFlows(): IterableIterator<FlowEntry> {
    return this.closed.values()
  }

  /** Active flows of one agent, oldest first (a copy: callers may close them while iterating). */
  activeOf(agentId: string): FlowEntry[] {
    const out: FlowEntry[] = []
    for (const e of this.active.values()) if (e.agentId === agentId) out.push(e)
    return out
  }

  /** Active flows last touched before `cutoff`, oldest first, stopping at the first newer one. */
  staleBefore(cutoff: number): FlowEntry[] {
    const out: FlowEntry[] = []
    for (const e of this.active.values()) {
      if (e.touchedAt >= cutoff) break
      out.push(e)
    }
    return out
  }
}
