/**
 * What the model knows about one agent: identity (hello), health (status: CPU, RSS, flow
 * counts, uptime), connection state, interfaces, blind spots and decode statistics.
 *
 * CPU: netifyd's `cpu_user`/`cpu_system` are cumulative CPU seconds and the `_prev` fields are
 * the values of the previous status (checked on the recordings: each `_prev` equals the previous
 * record's value), so CPU % = ((user - user_prev) + (system - system_prev)) / interval * 100, with
 * the interval from the status timestamps (the last status before shutdown comes early).
 */
import type { AgentStatus, InterfaceCounters } from '../records/agent-event'
import type { AgentView, BlindSpotView, ConnectionStateView, DecodeStatsView } from '../../contract/views'
import { BlindSpotLog } from './blind-spots'
import { InterfaceSet } from './interfaces'

const HISTORY = 120

export interface StatusOutcome {
  /** The blind spot recorded when uptime went backwards (the agent restarted). */
  restart?: BlindSpotView
}

export class AgentState {
  label: string
  source = ''
  connection: ConnectionStateView
  everConnected = false
  version?: string
  build?: string
  jsonVersion?: number
  status?: AgentStatus
  cpuPercent?: number
  updateInterval = 15
  /** Statuses since the model first heard of this agent (the baseline ends at the second). */
  statusCount = 0
  lastStatusAt?: number
  lastRecordAt?: number
  cpuHistory: number[] = []
  rssHistory: number[] = []
  readonly interfaces = new InterfaceSet()
  readonly blindSpots: BlindSpotLog
  decode: DecodeStatsView = { records: {}, invalid: 0, unknownTypes: 0, unknownFields: {}, recentErrors: [] }
  unattributedOut = 0
  unattributedIn = 0
  hasInterfaceStats = false
  globalCounters?: InterfaceCounters
  /** Agent clock (s) of the interface sample before the current one, per interface. */
  readonly statsTakenAt = new Map<string, number>()

  constructor(readonly id: string, now: number) {
    this.label = id
    this.connection = { status: 'connected', since: now, attempt: 0 }
    this.blindSpots = new BlindSpotLog(id)
  }

  hello(version: string, build: string | undefined, jsonVersion: number | undefined): boolean {
    const changed = version !== this.version || build !== this.build || jsonVersion !== this.jsonVersion
    this.version = version
    this.build = build
    this.jsonVersion = jsonVersion
    return changed
  }

  applyStatus(s: AgentStatus, now: number): StatusOutcome {
    const prev = this.status
    const restarted = prev?.uptime !== undefined && s.uptime !== undefined && s.uptime < prev.uptime
    let restart: BlindSpotView | undefined
    if (restarted) {
      restart = this.blindSpots.record('restart', this.lastStatusAt ?? now, now, `uptime went from ${prev?.uptime} s to ${s.uptime} s; flows in between were not seen`)
      this.interfaces.resetBaselines()
      this.statsTakenAt.clear()
    }
    if (s.update_interval && s.update_interval > 0) this.updateInterval = s.update_interval
    this.cpuPercent = cpuPercent(restarted ? undefined : prev, s, this.updateInterval)
    this.status = s
    this.statusCount++
    this.lastStatusAt = now
    if (this.cpuPercent !== undefined) push(this.cpuHistory, this.cpuPercent)
    if (s.maxrss_kb !== undefined) push(this.rssHistory, s.maxrss_kb)
    return { restart }
  }

  /** Seconds between this interface's previous counters sample and now, on the agent's clock. */
  sampleSeconds(iface: string): number {
    const ts = this.status?.timestamp
    const before = this.statsTakenAt.get(iface)
    if (ts !== undefined) this.statsTakenAt.set(iface, ts)
    if (ts !== undefined && before !== undefined && ts > before) return ts - before
    return this.updateInterval
  }

  view(): AgentView {
    return {
      id: this.id, label: this.label, source: this.source, connection: { ...this.connection },
      version: this.version, build: this.build, jsonVersion: this.jsonVersion, uptime: this.status?.uptime,
      updateInterval: this.updateInterval, cpuPercent: this.cpuPercent, rssKb: this.status?.maxrss_kb,
      flowCount: this.status?.flow_count ?? this.status?.flows_active,
      cpuHistory: [...this.cpuHistory], rssHistory: [...this.rssHistory],
      interfaces: this.interfaces.views(this.id), blindSpots: this.blindSpots.views(),
      decode: { ...this.decode, recentErrors: [...this.decode.recentErrors] }, lastStatusAt: this.lastStatusAt,
    }
  }
}

/** CPU % of one core over the last interval; undefined when no interval is known yet. */
export function cpuPercent(prev: AgentStatus | undefined, s: AgentStatus, updateInterval: number): number | undefined {
  if (s.cpu_user === undefined || s.cpu_system === undefined) return undefined
  let seconds: number | undefined
  if (prev?.timestamp !== undefined && s.timestamp !== undefined && s.timestamp > prev.timestamp) seconds = s.timestamp - prev.timestamp
  else if (prev === undefined && s.uptime !== undefined && s.uptime >= updateInterval) seconds = updateInterval
  if (!seconds) return undefined
  const used = s.cpu_user - (s.cpu_user_prev ?? prev?.cpu_user ?? s.cpu_user) + (s.cpu_system - (s.cpu_system_prev ?? prev?.cpu_system ?? s.cpu_system))
  return Math.max(0, (used / seconds) * 100)
}

function push(history: number[], value: number): void {
  history.push(value)
  if (history.length > HISTORY) history.shift()
}
