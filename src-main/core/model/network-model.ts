/**
 * The live network model: every decoded event from every agent goes in, view objects come out.
 *
 * Driven only by events and the time passed in (no clock inside), bounded everywhere, and it
 * records what changed so a publisher can send deltas whose size follows the change, not the
 * size of the network. Plain Node.
 */
import type { AgentEvent } from '../records/agent-event'
import type {
  AgentView, ApplicationView, AppSeriesView, ConnectionStateView, DecodeStatsView, DeviceView, FlowDetail, FlowRow,
  HistoryRow, ThroughputPoint,
} from '../../contract/views'
import { applyEndpoints, applyGlobalStats, applyInterfaceStats, applyInterfaces, applyStatus } from './agent-ingest'
import { AgentState } from './agents'
import { BucketRing } from './bucket-ring'
import { ChangeTracker, type ModelChanges } from './changes'
import { DeviceTable } from './devices'
import { applyCountersRecord, applyFlowRecord, closeFlow, releaseFlow } from './flow-ingest'
import { FlowTable, type FlowTableLimits } from './flow-table'
import { appSeries, throughputPoints } from './live-series'
import { MinuteRollups } from './minute-rollups'
import type { ModelParts } from './model-parts'
import { NameTables } from './names'
import { flowDetail, flowRow } from './projections'
import { SignalQueue, type ModelSignal } from './signals'
import { LIVE_BUCKET_MS, LIVE_WINDOW_MS, UsageTable } from './usage'
import { applyConnection } from './connection'
import { rateWindowMs, tickModel } from './model-tick'
import type { RateClock } from './rate-clock'

export interface NetworkModelOptions {
  flowLimits?: Partial<FlowTableLimits>
  /** Devices kept (least recently seen evicted first). Default 20k. */
  deviceCap?: number
  /** An active flow with no record for this long is closed as `stale`. Default 10 min. */
  staleFlowMs?: number
}

export interface ModelSizes {
  activeFlows: number
  closedFlows: number
  evictedActiveFlows: number
  devices: number
  applications: number
  agents: number
}

export class NetworkModel {
  private readonly agentStates = new Map<string, AgentState>()
  private readonly parts: ModelParts
  private readonly staleFlowMs: number

  constructor(options: NetworkModelOptions = {}) {
    this.staleFlowMs = options.staleFlowMs ?? 10 * 60_000
    const changes = new ChangeTracker()
    const parts: Partial<ModelParts> = {}
    const flows = new FlowTable(options.flowLimits ?? {}, {
      removed: (entry, wasActive) => {
        if (wasActive) releaseFlow(this.parts, entry)
        changes.flowRemoved(entry.key)
      },
    })
    const devices = new DeviceTable(options.deviceCap ?? 20_000, {
      removed: (mac) => {
        this.parts.applications.forgetDevice(mac)
        this.parts.liveDevices.delete(mac)
        changes.deviceRemoved(mac)
      },
    })
    Object.assign(parts, {
      names: new NameTables(), flows, devices, applications: new UsageTable(), protocols: new UsageTable(),
      categories: new UsageTable(), throughput: new BucketRing(LIVE_BUCKET_MS, LIVE_WINDOW_MS / LIVE_BUCKET_MS, 2),
      changes, signals: new SignalQueue(), rollups: new MinuteRollups(), ratedFlows: new Set(), liveDevices: new Set(),
      rateClock: { end: -1, windowMs: rateWindowMs([]) },
      agent: (id: string, now: number) => this.agent(id, now),
    })
    this.parts = parts as ModelParts
  }

  /**
   * One decoded event from one agent. Never throws: an event the model cannot use is skipped and
   * shown with the agent's decode errors, so one odd record cannot stop a connection.
   */
  apply(agentId: string, event: AgentEvent, now: number): void {
    const agent = this.agent(agentId, now)
    agent.lastRecordAt = now
    try {
      this.applyEvent(agent, event, now)
    } catch (error) {
      this.noteError(agent, event.offset, `model could not use a ${event.kind} record: ${error instanceof Error ? error.message : String(error)}`, now)
    }
  }

  private applyEvent(agent: AgentState, event: AgentEvent, now: number): void {
    const p = this.parts
    const agentId = agent.id
    switch (event.kind) {
      case 'hello':
        if (agent.hello(event.agent_version, event.build_version, event.json_version)) p.changes.agent(agentId)
        return
      case 'status': return applyStatus(p, agent, event.status, now)
      case 'definitions': return p.names.define(agentId, event.protocols, event.applications)
      case 'flow':
        if (typeof event.flow?.digest !== 'string') return
        return applyFlowRecord(p, agentId, event.flow, event.interface, event.internal, event.counters, now)
      case 'counters':
        if (typeof event.counters?.digest !== 'string') return
        return applyCountersRecord(p, agentId, event.type, event.counters, event.interface, event.reason, now)
      case 'interfaces': return applyInterfaces(p, agent, event.interfaces)
      case 'endpoints': return applyEndpoints(p, agent, event.endpoints, now)
      case 'interface_stats': return applyInterfaceStats(p, agent, event.stats, now)
      case 'global_stats': return applyGlobalStats(p, agent, event.counters, now)
      case 'invalid':
        return this.noteError(agent, event.offset, `${event.type}: ${event.path}: ${event.message}`, now)
      case 'unknown': return
    }
  }

  /** The connection manager reports each state change; disconnections and stalls become blind spots. */
  setAgentConnection(agentId: string, label: string, source: string, state: ConnectionStateView, now: number): void {
    applyConnection(this.parts, this.agent(agentId, now), label, source, state, now)
  }

  /** The decoder's running counts, shown on the Agents view. */
  setDecodeStats(agentId: string, stats: Omit<DecodeStatsView, 'recentErrors'>, now: number): void {
    const agent = this.agent(agentId, now)
    agent.decode = { ...agent.decode, records: { ...stats.records }, invalid: stats.invalid, unknownTypes: stats.unknownTypes, unknownFields: { ...stats.unknownFields } }
    this.parts.changes.agent(agentId)
  }

  /** Forget an agent entirely (removed from the profile): its flows close, its state goes. */
  removeAgent(agentId: string, now: number): void {
    for (const e of this.parts.flows.activeOf(agentId)) closeFlow(this.parts, e, 'agent_removed', now)
    this.agentStates.delete(agentId)
    this.parts.names.forget(agentId)
    this.parts.changes.agent(agentId)
  }

  /** The user's flow table cap (Settings); applies from the next flow seen. */
  setFlowCap(activeCap: number): void {
    this.parts.flows.limits.activeCap = Math.max(1, activeCap)
  }

  /** A framing or socket-level decode error from the connection, shown with the agent's decode errors. */
  noteDecodeError(agentId: string, offset: number, message: string, now: number): void {
    this.noteError(this.agent(agentId, now), offset, message, now)
  }

  setAlias(mac: string, alias: string): void {
    const m = mac.toLowerCase()
    this.parts.devices.setAlias(m, alias)
    this.parts.changes.device(m)
  }

  alias(mac: string): string | undefined {
    return this.parts.devices.alias(mac.toLowerCase())
  }

  /**
   * Advance time: roll rings, recompute rates, close stale flows. Call about once a second; every
   * rate the model reports is read as of the latest tick (rate-clock.ts).
   */
  tick(now: number): void {
    tickModel(this.parts, now, this.staleFlowMs, this.rateWindow())
  }

  devices(): DeviceView[] {
    return [...this.parts.devices.all()].map((d) => this.parts.devices.view(d))
  }

  /** Every device MAC, without building views. */
  deviceMacs(): string[] {
    return [...this.parts.devices.all()].map((d) => d.mac)
  }

  device(mac: string): DeviceView | undefined {
    const d = this.parts.devices.get(mac.toLowerCase())
    return d ? this.parts.devices.view(d) : undefined
  }

  /** Bytes a device sent and received within the last `windowMs` (at most one hour). */
  deviceBytesWithin(mac: string, windowMs: number, now: number): number {
    const d = this.parts.devices.get(mac)
    return d ? this.parts.devices.bytesWithin(d, windowMs, now) : 0
  }

  /** Active flows, then recently closed ones. */
  flows(): FlowRow[] {
    return [...this.parts.flows.activeFlows(), ...this.parts.flows.closedFlows()].map(flowRow)
  }

  flow(key: string): FlowRow | undefined {
    const e = this.parts.flows.get(key)
    return e ? flowRow(e) : undefined
  }

  flowDetail(key: string): FlowDetail | null {
    const e = this.parts.flows.get(key)
    return e ? flowDetail(e) : null
  }

  /** Rate as of the last tick, bytes and flows over the live window (flows seen in it, open or not). */
  applications(now: number): ApplicationView[] {
    const apps = this.parts.applications
    return [...apps.entriesList()].map((e) => ({ ...apps.figures(e, now, this.parts.rateClock), spark: apps.spark(e, now, 30) }))
  }

  application(id: number, now: number): ApplicationView | undefined {
    const apps = this.parts.applications
    const e = apps.get(id)
    return e ? { ...apps.figures(e, now, this.parts.rateClock), spark: apps.spark(e, now, 30) } : undefined
  }

  /** Breakdown by detected protocol (id = protocol id) over the live window. */
  protocols(now: number): Array<{ id: number; name: string; rate: number; bytes: number }> {
    const t = this.parts.protocols
    return [...t.entriesList()].map((e) => t.figures(e, now, this.parts.rateClock))
  }

  /** Breakdown by application category id over the live window. */
  categories(now: number): Array<{ id: number; name: string; rate: number; bytes: number }> {
    const t = this.parts.categories
    return [...t.entriesList()].map((e) => t.figures(e, now, this.parts.rateClock))
  }

  agents(): AgentView[] {
    return [...this.agentStates.values()].map((a) => a.view())
  }

  agentView(agentId: string): AgentView | undefined {
    return this.agentStates.get(agentId)?.view()
  }

  /** Bytes counted from flows whose device is unknown (they began before we connected). */
  unattributed(agentId: string): { out: number; in: number } {
    const a = this.agentStates.get(agentId)
    return { out: a?.unattributedOut ?? 0, in: a?.unattributedIn ?? 0 }
  }

  /** Throughput over the live window, one point per complete bucket up to the last tick (live-series.ts). */
  throughput(now: number): ThroughputPoint[] {
    return throughputPoints(this.parts, this.seriesClock(now))
  }

  /** Rate series of the `top` applications by bytes over the live window, aligned with `throughput`. */
  appSeries(now: number, top = 8): AppSeriesView {
    return appSeries(this.parts, this.seriesClock(now), now, top)
  }

  drainChanges(): ModelChanges {
    return this.parts.changes.drain()
  }

  /** Observations for the alert monitor since the last drain. */
  drainSignals(): ModelSignal[] {
    return this.parts.signals.drain()
  }

  /** Pending per-minute rows (current minute included), without removing them. */
  minuteRollups(): HistoryRow[] {
    return this.parts.rollups.all()
  }

  /** Remove and return the per-minute rows of minutes that are over, for storage. */
  takeCompletedMinutes(now: number): HistoryRow[] {
    return this.parts.rollups.takeCompleted(now)
  }

  sizes(): ModelSizes {
    const f = this.parts.flows
    return {
      activeFlows: f.activeCount, closedFlows: f.closedCount, evictedActiveFlows: f.evictedActive,
      devices: this.parts.devices.size, applications: this.parts.applications.size, agents: this.agentStates.size,
    }
  }

  private noteError(agent: AgentState, offset: number, message: string, now: number): void {
    agent.decode.recentErrors.push({ agentId: agent.id, offset, message, at: now })
    if (agent.decode.recentErrors.length > 20) agent.decode.recentErrors.shift()
    this.parts.changes.agent(agent.id)
  }

  private agent(agentId: string, now: number): AgentState {
    let a = this.agentStates.get(agentId)
    if (!a) {
      a = new AgentState(agentId, now)
      this.agentStates.set(agentId, a)
      this.parts.changes.agent(agentId)
    }
    return a
  }

  /** The rate clock, or before the first tick the bucket of `now` (so a series is never empty). */
  private seriesClock(now: number): RateClock {
    const clock = this.parts.rateClock
    return clock.end >= 0 ? clock : { end: this.parts.throughput.bucketStart(now), windowMs: this.rateWindow() }
  }

  /** Rates are taken over the longest agent update interval (5-60 s) so bursts do not saw-tooth. */
  private rateWindow(): number {
    return rateWindowMs([...this.agentStates.values()].map((a) => a.updateInterval))
  }
}
