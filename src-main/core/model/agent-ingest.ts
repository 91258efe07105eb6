/**
 * Agent-level records into the model: status (health, restarts), interfaces, endpoints and
 * interface counters (rates, drop blind spots).
 */
import type { AgentStatus, InterfaceCounters, InterfaceInfo } from '../records/agent-event'
import type { BlindSpotKind } from '../../contract/views'
import type { AgentState } from './agents'
import { closeFlow } from './flow-ingest'
import type { DropFigures } from './interfaces'
import type { ModelParts } from './model-parts'
import { isGroupOrZeroMac, normaliseMac } from './vendor-lookup'

export function applyStatus(p: ModelParts, agent: AgentState, status: AgentStatus, now: number): void {
  const { restart } = agent.applyStatus(status, now)
  if (restart) {
    for (const entry of p.flows.activeOf(agent.id)) closeFlow(p, entry, 'agent_restart', now)
    p.signals.push({ kind: 'blind_spot', spot: { ...restart }, at: now })
  }
  p.changes.agent(agent.id)
}

export function applyEndpoints(p: ModelParts, agent: AgentState, endpoints: Record<string, string[]>, now: number): void {
  for (const [rawMac, ips] of Object.entries(endpoints)) {
    const mac = normaliseMac(rawMac)
    if (!mac || isGroupOrZeroMac(mac)) continue
    const { device, created } = p.devices.see(mac, agent.id, now)
    if (created) p.signals.push({ kind: 'new_device', agentId: agent.id, mac, baseline: agent.statusCount < 2, at: now })
    for (const ip of Array.isArray(ips) ? ips : []) p.devices.addIp(device, ip)
    p.changes.device(mac)
  }
}

export function applyInterfaces(p: ModelParts, agent: AgentState, interfaces: Record<string, InterfaceInfo>): void {
  agent.interfaces.describe(interfaces)
  p.changes.agent(agent.id)
}

const DROP_KINDS: Array<[keyof DropFigures, BlindSpotKind, string]> = [
  ['capture', 'capture_drops', 'packets dropped by capture'],
  ['queue', 'queue_drops', 'packets dropped from the queue'],
  ['flow', 'flow_drops', 'flows dropped (flow table full)'],
]

/** Drops during an interval open a blind spot; an interval without drops closes it. */
function trackDrops(p: ModelParts, agent: AgentState, iface: string | undefined, growth: DropFigures, seconds: number, now: number): void {
  for (const [field, kind, what] of DROP_KINDS) {
    const n = growth[field]
    if (n > 0) {
      const spot = agent.blindSpots.begin(kind, now - seconds * 1000, `${n} ${what}${iface ? ` on ${iface}` : ''} in the last ${seconds} s`, iface)
      if (spot) p.signals.push({ kind: 'blind_spot', spot, at: now })
    } else {
      agent.blindSpots.end(kind, now, iface)
    }
  }
}

export function applyInterfaceStats(p: ModelParts, agent: AgentState, stats: Record<string, InterfaceCounters>, now: number): void {
  for (const [name, counters] of Object.entries(stats)) {
    const seconds = agent.sampleSeconds(name)
    const growth = agent.interfaces.sample(name, counters, seconds)
    trackDrops(p, agent, name, growth, seconds, now)
  }
  agent.hasInterfaceStats = true
  p.changes.agent(agent.id)
}

/** Global counters only matter for drops, and only when the agent sends no per-interface counters. */
export function applyGlobalStats(p: ModelParts, agent: AgentState, counters: InterfaceCounters, now: number): void {
  if (agent.hasInterfaceStats) return
  const seconds = agent.sampleSeconds('*')
  const prev = agent.globalCounters
  agent.globalCounters = { ...counters }
  const grow = (a: number | undefined, b: number | undefined): number => ((b ?? 0) >= (a ?? 0) ? (b ?? 0) - (a ?? 0) : (b ?? 0))
  const growth: DropFigures = {
    capture: grow(prev?.capture_dropped, counters.capture_dropped),
    queue: grow(prev?.queue_dropped, counters.queue_dropped),
    flow: grow(prev?.flow_dropped, counters.flow_dropped),
  }
  trackDrops(p, agent, undefined, growth, seconds, now)
}
