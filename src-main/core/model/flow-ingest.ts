/**
 * Flow-family records into the model: metadata (`flow`, `flow_dpi_update`) and counters
 * (`flow_stats`, `flow_dpi_complete`, `flow_purge`). See flow-entry.ts for how counters are
 * credited once per interval.
 */
import type { FlowCounters, FlowMetadata } from '../records/agent-event'
import type { Credit, FlowEntry } from './flow-entry'
import { creditCounters, flowHost, mergeMetadata } from './flow-entry'
import { addRecentCredit } from './flow-rate'
import type { ModelParts } from './model-parts'
import { isGroupOrZeroMac, normaliseMac } from './vendor-lookup'

function newEntry(agentId: string, digest: string, now: number): FlowEntry {
  return {
    key: `${agentId}/${digest}`, agentId, digest, meta: { digest }, groupId: -1, groupName: 'Unknown', protocolName: 'Unknown',
    bytesOut: 0, bytesIn: 0, totalBytes: 0, accOut: 0, accIn: 0, rateOut: 0, rateIn: 0, touchedAt: now,
  }
}

function flowEntry(p: ModelParts, agentId: string, digest: string, now: number): FlowEntry {
  const existing = p.flows.get(`${agentId}/${digest}`)
  if (existing) return existing
  const entry = newEntry(agentId, digest, now)
  p.applications.ensure(entry.groupId, entry.groupName).activeFlows++
  p.changes.application(entry.groupId)
  return entry
}

function regroup(p: ModelParts, entry: FlowEntry): void {
  const group = p.names.usageGroup(entry.agentId, entry.meta)
  entry.protocolName = p.names.protocolName(entry.agentId, entry.meta.detected_protocol, entry.meta.detected_protocol_name)
  if (group.id === entry.groupId) {
    entry.groupName = group.name
    return
  }
  const old = p.applications.get(entry.groupId)
  old?.recentFlows.delete(entry.key)
  if (entry.closedAt === undefined) {
    if (old) old.activeFlows = Math.max(0, old.activeFlows - 1)
    p.applications.ensure(group.id, group.name).activeFlows++
  }
  p.changes.application(entry.groupId)
  p.changes.application(group.id)
  entry.groupId = group.id
  entry.groupName = group.name
}

function attachDevice(p: ModelParts, entry: FlowEntry, now: number): void {
  const mac = normaliseMac(entry.meta.local_mac)
  if (!mac || isGroupOrZeroMac(mac)) return
  const agent = p.agent(entry.agentId, now)
  const { device, created } = p.devices.see(mac, entry.agentId, now)
  if (created) p.signals.push({ kind: 'new_device', agentId: entry.agentId, mac, baseline: agent.statusCount < 2, at: now })
  p.devices.addIp(device, entry.meta.local_ip)
  if (entry.mac !== mac && entry.closedAt === undefined) device.activeFlows++
  entry.mac = mac
  if (p.devices.useApp(device, entry.groupName, 0, 0, now)) {
    p.signals.push({ kind: 'new_device_application', agentId: entry.agentId, mac, application: entry.groupName, deviceFirstSeen: device.firstSeen, at: now })
  }
  for (const r of entry.meta.risks?.risks ?? []) device.risks.add(r)
  p.changes.device(mac)
}

function raiseRisks(p: ModelParts, entry: FlowEntry, now: number): void {
  const risks = entry.meta.risks?.risks ?? []
  const fresh = risks.filter((r) => !entry.raisedRisks?.includes(r))
  if (fresh.length === 0) return
  entry.raisedRisks = [...(entry.raisedRisks ?? []), ...fresh]
  p.signals.push({
    kind: 'flow_risk', agentId: entry.agentId, flowKey: entry.key, mac: entry.mac, application: entry.groupName,
    host: flowHost(entry.meta), risks: fresh, score: entry.meta.risks?.ndpi_risk_score ?? 0, at: now,
  })
}

/** A `flow` or `flow_dpi_update` record: create or update the flow in place. */
export function applyFlowRecord(p: ModelParts, agentId: string, flow: FlowMetadata, iface: string | undefined, internal: boolean | undefined, counters: FlowCounters | undefined, now: number): void {
  const entry = flowEntry(p, agentId, flow.digest, now)
  mergeMetadata(entry, flow)
  if (iface !== undefined) entry.iface = iface
  if (internal !== undefined) entry.internal = internal
  regroup(p, entry)
  attachDevice(p, entry, now)
  raiseRisks(p, entry, now)
  if (counters) credit(p, entry, creditCounters(entry, counters, false), now)
  touch(p, entry, now)
}

/** flow_stats / flow_dpi_complete / flow_purge. */
export function applyCountersRecord(p: ModelParts, agentId: string, type: 'flow_stats' | 'flow_purge' | 'flow_dpi_complete', counters: FlowCounters, iface: string | undefined, reason: string | undefined, now: number): void {
  const entry = flowEntry(p, agentId, counters.digest, now)
  if (iface !== undefined && entry.iface === undefined) entry.iface = iface
  const interval = type !== 'flow_dpi_complete'
  credit(p, entry, creditCounters(entry, counters, interval), now)
  if (type === 'flow_purge') {
    touch(p, entry, now)
    closeFlow(p, entry, reason ?? 'closed', now)
  } else {
    touch(p, entry, now)
  }
}

function touch(p: ModelParts, entry: FlowEntry, now: number): void {
  entry.touchedAt = now
  p.flows.touch(entry)
  p.applications.seeFlow(entry.groupId, entry.groupName, entry.key, now)
  p.changes.flow(entry.key)
}

/** Close an active flow: it leaves the active counts and joins the closed ring. */
export function closeFlow(p: ModelParts, entry: FlowEntry, reason: string, now: number): void {
  if (entry.closedAt !== undefined) return
  releaseFlow(p, entry)
  p.flows.close(entry, reason, now)
  p.changes.flow(entry.key)
}

/** Undo what an active flow adds to application and device counts. */
export function releaseFlow(p: ModelParts, entry: FlowEntry): void {
  const app = p.applications.get(entry.groupId)
  if (app) app.activeFlows = Math.max(0, app.activeFlows - 1)
  p.changes.application(entry.groupId)
  const device = entry.mac ? p.devices.get(entry.mac) : undefined
  if (device) {
    device.activeFlows = Math.max(0, device.activeFlows - 1)
    p.changes.device(device.mac)
  }
}

/** Every credited byte goes to the same places: flow, device, application, protocol, category, throughput. */
function credit(p: ModelParts, entry: FlowEntry, c: Credit, now: number): void {
  if (c.out === 0 && c.in === 0) return
  const agent = p.agent(entry.agentId, now)
  entry.recent ??= []
  addRecentCredit(entry.recent, now, c.out, c.in)
  p.ratedFlows.add(entry.key)
  const device = entry.mac ? p.devices.get(entry.mac) : undefined
  if (device) {
    p.devices.credit(device, entry.groupName, c.out, c.in, now)
    p.liveDevices.add(device.mac)
    p.changes.device(device.mac)
    p.rollups.add(now, device.mac, entry.groupName, c.out, c.in)
  } else {
    agent.unattributedOut += c.out
    agent.unattributedIn += c.in
  }
  p.applications.credit(entry.groupId, entry.groupName, device?.mac, c.out, c.in, now)
  p.changes.application(entry.groupId)
  const protoId = entry.meta.detected_protocol ?? 0
  p.protocols.credit(protoId, entry.protocolName, device?.mac, c.out, c.in, now)
  const cat = entry.meta.category?.application ?? 0
  p.categories.credit(cat, `category ${cat}`, device?.mac, c.out, c.in, now)
  p.throughput.add(now, 0, c.out)
  p.throughput.add(now, 1, c.in)
}
