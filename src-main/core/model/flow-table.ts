/**
 * The bounded table of flows: active flows by `${agentId}/${digest}`, plus a ring of recently
 * closed ones for the flow view.
 *
 * Active flows are also threaded on a recency list (oldest first), and closed ones on a ring of
 * keys in closing order, so finding the entry to evict is O(1). (Deleting from the front of a JS
 * Map and asking for its first entry again is not: the engine skips every deleted slot until it
 * rehashes, which made eviction cost grow with the cap.) The table never grows past its caps
 * whatever the agent sends.
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
  private oldest?: FlowEntry
  private newest?: FlowEntry
  private readonly closed = new Map<string, FlowEntry>()
  private readonly closedRing: string[] = []
  private closedHead = 0
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
    if (this.active.get(entry.key) === entry) this.unlink(entry)
    else this.active.set(entry.key, entry)
    this.append(entry)
    while (this.active.size > this.limits.activeCap && this.oldest) {
      const victim = this.oldest
      this.unlink(victim)
      this.active.delete(victim.key)
      this.evictedActive++
      this.hooks.removed(victim, true)
    }
  }

  close(entry: FlowEntry, reason: string, now: number): void {
    if (this.active.get(entry.key) !== entry) return
    this.unlink(entry)
    this.active.delete(entry.key)
    entry.closedReason = reason
    entry.closedAt = now
    entry.rateOut = 0
    entry.rateIn = 0
    this.closed.set(entry.key, entry)
    this.pushClosedKey(entry.key)
  }

  activeFlows(): IterableIterator<FlowEntry> {
    return this.active.values()
  }

  closedFlows(): FlowEntry[] {
    const out: FlowEntry[] = []
    const n = this.closedRing.length
    for (let i = 0; i < n; i++) {
      const e = this.closed.get(this.closedRing[(this.closedHead + i) % n])
      if (e) out.push(e)
    }
    return out
  }

  /** Active flows of one agent (a copy: callers may close them while iterating). */
  activeOf(agentId: string): FlowEntry[] {
    const out: FlowEntry[] = []
    for (const e of this.active.values()) if (e.agentId === agentId) out.push(e)
    return out
  }

  /** Active flows last touched before `cutoff`, oldest first, stopping at the first newer one. */
  staleBefore(cutoff: number): FlowEntry[] {
    const out: FlowEntry[] = []
    for (let e = this.oldest; e && e.touchedAt < cutoff; e = e.newer) out.push(e)
    return out
  }

  private pushClosedKey(key: string): void {
    const cap = Math.max(1, this.limits.closedCap)
    if (this.closedRing.length < cap) {
      this.closedRing.push(key)
      return
    }
    const evicted = this.closedRing[this.closedHead]
    this.closedRing[this.closedHead] = key
    this.closedHead = (this.closedHead + 1) % cap
    const victim = this.closed.get(evicted)
    if (victim && evicted !== key) {
      this.closed.delete(evicted)
      this.evictedClosed++
      this.hooks.removed(victim, false)
    }
  }

  private append(entry: FlowEntry): void {
    entry.older = this.newest
    entry.newer = undefined
    if (this.newest) this.newest.newer = entry
    this.newest = entry
    if (!this.oldest) this.oldest = entry
  }

  private unlink(entry: FlowEntry): void {
    if (entry.older) entry.older.newer = entry.newer
    else if (this.oldest === entry) this.oldest = entry.newer
    if (entry.newer) entry.newer.older = entry.older
    else if (this.newest === entry) this.newest = entry.older
    entry.older = undefined
    entry.newer = undefined
  }
}
