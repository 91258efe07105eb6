/**
 * What one or more recorded or live agent streams contained, in numbers a person can check.
 *
 * Pure and incremental: feed it every decoded event and decoder error, read `result()` at the
 * end. It backs `netify-monitor summary`, and tests compare it with figures computed straight
 * from the recordings. Digests identify a flow only within one agent run, so flows are keyed by
 * (source, digest).
 */
import type { AgentEvent, FlowCounters, FlowMetadata } from '../records/agent-event'
import { riskName as agentRiskName } from '../alerts/risk-table'

export interface SummaryError {
  source: string
  offset: number
  message: string
}

export interface StreamSummaryResult {
  /** Raw record types as the agent named them (a 4.x agent_status counts once), unknown ones included. */
  records: Record<string, number>
  invalid: number
  errors: SummaryError[]
  /** Errors beyond the kept ones (only present when some were dropped). */
  errorsDropped?: number
  /** Distinct flows that carried metadata (`flow` or `flow_dpi_update`). */
  flows: number
  /** Distinct digests seen only in stats, purge or dpi_complete records. */
  unattributed: number
  devices: Array<{ mac: string; ips: string[]; flows: number; bytes: number }>
  applications: Array<{ id: number; name: string; flows: number; bytes: number }>
  risks: Array<{ id: number; name: string; flows: number }>
}

export interface StreamSummary {
  add(source: string, event: AgentEvent): void
  addError(source: string, error: { offset: number; message: string }): void
  result(): StreamSummaryResult
}

interface FlowEntry {
  metadata: boolean
  mac?: string
  ip?: string
  appId?: number
  appName?: string
  risks: Set<number>
  bytes: number
}

const MAX_ERRORS = 1000

/** `riskName` names the agent's risk ids (default: the agent's table in resources/risks.txt). */
export function createStreamSummary(riskName: (id: number) => string = agentRiskName): StreamSummary {
  const records: Record<string, number> = {}
  const lastRecord = new Map<string, { offset: number; type: string }>()
  const flows = new Map<string, FlowEntry>()
  const errors: SummaryError[] = []
  let errorsDropped = 0
  let invalid = 0

  const countRecord = (source: string, event: AgentEvent): void => {
    const type = rawType(event)
    const last = lastRecord.get(source)
    if (last && last.offset === event.offset) {
      if (type !== 'agent_status' || last.type === 'agent_status') return
      records[last.type] -= 1
      if (records[last.type] === 0) delete records[last.type]
    }
    lastRecord.set(source, { offset: event.offset, type })
    records[type] = (records[type] ?? 0) + 1
  }

  const flowEntry = (source: string, digest: string): FlowEntry => {
    const key = `${source}\u0000${digest}`
    let entry = flows.get(key)
    if (!entry) flows.set(key, (entry = { metadata: false, risks: new Set(), bytes: 0 }))
    return entry
  }

  return {
    add(source, event) {
      countRecord(source, event)
      if (event.kind === 'invalid') invalid += 1
      if (event.kind === 'flow') {
        noteMetadata(flowEntry(source, event.flow.digest), event.flow)
        if (event.counters) noteCounters(flowEntry(source, event.counters.digest), event.counters)
      }
      if (event.kind === 'counters') noteCounters(flowEntry(source, event.counters.digest), event.counters)
    },
    addError(source, error) {
      if (errors.length < MAX_ERRORS) errors.push({ source, offset: error.offset, message: error.message })
      else errorsDropped += 1
    },
    result() {
      const all = [...flows.values()]
      const attributed = all.filter((f) => f.metadata)
      const result: StreamSummaryResult = {
        records: { ...records },
        invalid,
        errors: [...errors],
        flows: attributed.length,
        unattributed: all.length - attributed.length,
        devices: devicesOf(attributed),
        applications: applicationsOf(attributed),
        risks: risksOf(attributed, riskName),
      }
      if (errorsDropped > 0) result.errorsDropped = errorsDropped
      return result
    },
  }
}

/** The record type the agent wrote, whichever event the decoder made of it. */
export function rawType(event: AgentEvent): string {
  switch (event.kind) {
    case 'hello': return 'agent_hello'
    case 'status': return 'agent_status'
    case 'definitions': return 'definitions'
    case 'flow': case 'counters': case 'unknown': case 'invalid': return event.type
    default: return event.kind
  }
}

function noteMetadata(entry: FlowEntry, flow: FlowMetadata): void {
  entry.metadata = true
  if (flow.local_mac !== undefined) entry.mac = flow.local_mac.toLowerCase()
  if (flow.local_ip !== undefined) entry.ip = flow.local_ip
  if (flow.detected_application !== undefined) {
    entry.appId = flow.detected_application
    entry.appName = flow.detected_application_name
  }
  for (const id of flow.risks?.risks ?? []) entry.risks.add(id)
}

function noteCounters(entry: FlowEntry, counters: FlowCounters): void {
  if (counters.total_bytes !== undefined) entry.bytes = counters.total_bytes
}

function devicesOf(flows: FlowEntry[]): StreamSummaryResult['devices'] {
  const byMac = new Map<string, { ips: Set<string>; flows: number; bytes: number }>()
  for (const f of flows) {
    if (f.mac === undefined) continue
    let d = byMac.get(f.mac)
    if (!d) byMac.set(f.mac, (d = { ips: new Set(), flows: 0, bytes: 0 }))
    if (f.ip !== undefined) d.ips.add(f.ip)
    d.flows += 1
    d.bytes += f.bytes
  }
  return [...byMac]
    .map(([mac, d]) => ({ mac, ips: [...d.ips].sort(), flows: d.flows, bytes: d.bytes }))
    .sort((a, b) => b.bytes - a.bytes || compare(a.mac, b.mac))
}

function applicationsOf(flows: FlowEntry[]): StreamSummaryResult['applications'] {
  const byId = new Map<number, { name: string; flows: number; bytes: number }>()
  for (const f of flows) {
    if (f.appId === undefined) continue
    let a = byId.get(f.appId)
    if (!a) byId.set(f.appId, (a = { name: f.appName ?? String(f.appId), flows: 0, bytes: 0 }))
    a.flows += 1
    a.bytes += f.bytes
  }
  return [...byId]
    .map(([id, a]) => ({ id, name: a.name, flows: a.flows, bytes: a.bytes }))
    .sort((a, b) => b.bytes - a.bytes || a.id - b.id)
}

function risksOf(flows: FlowEntry[], riskName: (id: number) => string): StreamSummaryResult['risks'] {
  const counts = new Map<number, number>()
  for (const f of flows) for (const id of f.risks) counts.set(id, (counts.get(id) ?? 0) + 1)
  return [...counts]
    .map(([id, n]) => ({ id, name: riskName(id), flows: n }))
    .sort((a, b) => b.flows - a.flows || a.id - b.id)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
