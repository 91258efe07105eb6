/**
 * One flow as the model keeps it, and how its interval counters turn into bytes.
 *
 * What the recordings show (test/fixtures/netifyd-5.0, checked for every flow): the deltas of
 * `flow_stats` plus `flow_purge` add up exactly to the flow's final `total_bytes`. The counters
 * that 5.x puts in `flow_dpi_update` and `flow_dpi_complete` are NOT separate intervals: they are
 * the running value of the current interval at detection time (a dpi_complete repeats the
 * dpi_update's figures; the next flow_stats then reports the whole interval, those bytes
 * included). So a "running" record credits only what its value adds to what was already credited
 * in this interval, and an "interval" record (stats, purge) credits the rest and starts a new
 * interval. Each byte is counted once, and bytes show up as soon as the agent reports them.
 * One more case from the same recording: a dpi_update can arrive just AFTER the flow_stats that
 * closed its interval, repeating that interval's figures (same total_bytes); a running record
 * claiming more bytes than `total_bytes` grew since the last interval record belongs to the
 * closed interval and credits nothing.
 */
import type { FlowCounters, FlowMetadata } from '../records/agent-event'
import type { RecentCredits } from './flow-rate'

export interface FlowEntry {
  key: string
  agentId: string
  digest: string
  iface?: string
  internal?: boolean
  meta: FlowMetadata
  counters?: FlowCounters
  /** Lowercase local MAC: the device this flow belongs to. */
  mac?: string
  groupId: number
  groupName: string
  protocolName: string
  bytesOut: number
  bytesIn: number
  totalBytes: number
  /** Bytes already credited in the current (unfinished) agent interval. */
  accOut: number
  accIn: number
  /** total_bytes of the last interval record, to drop an exact repeat of it. */
  lastIntervalTotal?: number
  lastIntervalSeen?: number
  /** Bytes/s as of the model's rate clock, from `recent` (rate-clock.ts), not the agent's own estimate. */
  rateOut: number
  rateIn: number
  /** Bytes credited in the last minute's buckets, while the flow has a rate to keep up to date. */
  recent?: RecentCredits
  /** Model time of the last record about this flow. */
  touchedAt: number
  firstSeen?: number
  lastSeen?: number
  closedReason?: string
  closedAt?: number
  /** Risk ids already raised as alerts for this flow, so a repeated record does not count twice. */
  raisedRisks?: number[]
  /** The flow table's recency list (active flows only); nobody else touches these. */
  older?: FlowEntry
  newer?: FlowEntry
}

export interface Credit {
  out: number
  in: number
}

/** Credit a counters record to the flow; `interval` is true for flow_stats and flow_purge. */
export function creditCounters(entry: FlowEntry, c: FlowCounters, interval: boolean): Credit {
  if (interval ? isRepeat(entry, c) : isStaleRunning(entry, c)) {
    entry.counters = c
    return { out: 0, in: 0 }
  }
  const out = Math.max(0, (c.local_bytes || 0) - entry.accOut)
  const inn = Math.max(0, (c.other_bytes || 0) - entry.accIn)
  if (interval) {
    entry.accOut = 0
    entry.accIn = 0
    entry.lastIntervalTotal = c.total_bytes
    entry.lastIntervalSeen = c.last_seen_at
  } else {
    entry.accOut += out
    entry.accIn += inn
  }
  entry.bytesOut += out
  entry.bytesIn += inn
  if (typeof c.total_bytes === 'number') entry.totalBytes = Math.max(entry.totalBytes, c.total_bytes)
  else entry.totalBytes = Math.max(entry.totalBytes, entry.bytesOut + entry.bytesIn)
  if (typeof c.last_seen_at === 'number') entry.lastSeen = Math.max(entry.lastSeen ?? 0, c.last_seen_at)
  entry.counters = c
  return { out, in: inn }
}

/** The same interval record received twice (same last_seen_at and total_bytes, with bytes). */
function isRepeat(entry: FlowEntry, c: FlowCounters): boolean {
  return (
    typeof c.total_bytes === 'number' &&
    c.total_bytes === entry.lastIntervalTotal &&
    c.last_seen_at === entry.lastIntervalSeen &&
    (c.local_bytes || 0) + (c.other_bytes || 0) > 0
  )
}

/** A running record older than the interval record already received (see the file comment). */
function isStaleRunning(entry: FlowEntry, c: FlowCounters): boolean {
  if (typeof c.total_bytes !== 'number' || entry.lastIntervalTotal === undefined) return false
  return (c.local_bytes || 0) + (c.other_bytes || 0) > c.total_bytes - entry.lastIntervalTotal
}

/** Merge a flow / flow_dpi_update record's metadata into what is known (later values win). */
export function mergeMetadata(entry: FlowEntry, flow: FlowMetadata): void {
  const meta = entry.meta as unknown as Record<string, unknown>
  const next = flow as unknown as Record<string, unknown>
  for (const k in next) if (next[k] !== undefined) meta[k] = next[k]
  if (typeof flow.first_seen_at === 'number') entry.firstSeen = entry.firstSeen ?? flow.first_seen_at
  if (typeof flow.last_seen_at === 'number') entry.lastSeen = Math.max(entry.lastSeen ?? 0, flow.last_seen_at)
}

/** The host the flow talks to, as the user knows it: SNI, else the HTTP/TLS host, else the DNS name. */
export function flowHost(meta: FlowMetadata): string | undefined {
  return meta.ssl?.client_sni || meta.host_server_name || meta.dns_host_name || undefined
}
