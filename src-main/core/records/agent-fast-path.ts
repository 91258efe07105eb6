/**
 * Hand-written checks for the periodic agent records (status and interface counters): zod
 * spends a few microseconds on each of their dozens of optional numbers, as much as a whole
 * flow costs. Like `flow-fast-path.ts`, these accept a subset of what the schemas in
 * `agent-schemas.ts` accept and produce the same output; zod decides (and explains) the rest.
 */
import { INTERFACE_COUNTER_NAMES, type AgentEvent, type AgentStatus, type InterfaceCounters, type InterfaceInfo } from './agent-event'
import { statusShape } from './agent-schemas'
import { allStrings, B, type Bag, compileFields, fieldsOf, N, S, STRINGS } from './field-copier'
import { isObject } from './known-fields'

const copyCounters = compileFields(fieldsOf(N, ...INTERFACE_COUNTER_NAMES, 'tcp_seq_error'))
/** Every status field is an optional number but `dhc_status`, a boolean. */
const copyStatus = compileFields(Object.keys(statusShape).map((k) => [k, k === 'dhc_status' ? B : N] as const))

const copyInterfaceInfo = compileFields([...fieldsOf(S, 'role', 'mac', 'capture_type'), ...fieldsOf(STRINGS, 'addr'), ...fieldsOf(N, 'state')])

/** `InterfaceInfo` keyed by interface name (roles upper-cased), or undefined when zod must decide. */
export function fastInterfaces(byName: Bag): Record<string, InterfaceInfo> | undefined {
  const out: Record<string, InterfaceInfo> = {}
  for (const name in byName) {
    const raw = byName[name]
    const info: Bag = {}
    if (!isObject(raw) || !copyInterfaceInfo(raw, info)) return undefined
    if (info.role !== undefined) info.role = (info.role as string).toUpperCase()
    out[name] = info as InterfaceInfo
  }
  return out
}

/** Endpoint addresses keyed by MAC (kept as parsed), or undefined when zod must decide. */
export function fastEndpoints(byMac: Bag): Record<string, string[]> | undefined {
  for (const mac in byMac) if (!allStrings(byMac[mac])) return undefined
  return byMac as Record<string, string[]>
}

/** `InterfaceCounters` (4.x `tcp_seq_error` renamed), or undefined when zod must decide. */
export function fastInterfaceCounters(raw: unknown): InterfaceCounters | undefined {
  if (!isObject(raw)) return undefined
  const out: Bag = {}
  if (!copyCounters(raw, out)) return undefined
  if (out.tcp_seq_error !== undefined) {
    if (out.tcp_seq_errors === undefined) out.tcp_seq_errors = out.tcp_seq_error
    delete out.tcp_seq_error
  }
  return out as InterfaceCounters
}

/** Counters keyed by interface name, or undefined when zod must decide. */
export function fastInterfaceStats(byName: Bag): Record<string, InterfaceCounters> | undefined {
  const out: Record<string, InterfaceCounters> = {}
  for (const name in byName) {
    const counters = fastInterfaceCounters(byName[name])
    if (counters === undefined) return undefined
    out[name] = counters
  }
  return out
}

/** Runs a keyed fast path on a 4.x status part: absent/null is fine, anything else must pass. */
function part<T>(v: unknown, fast: (byName: Bag) => T | undefined): T | null | undefined {
  if (v === undefined || v === null) return null
  return isObject(v) ? fast(v) : undefined
}

/**
 * `agent_status` as its events (4.x `interfaces` / `devices` / `stats` split out after the
 * status, as `normalise-agent.ts` does), or undefined when zod must decide.
 */
export function fastStatusEvents(record: Bag, offset: number): AgentEvent[] | undefined {
  const status: Bag = {}
  if (!copyStatus(record, status)) return undefined
  const interfaces = part(record.interfaces, fastInterfaces)
  const endpoints = part(record.devices, fastEndpoints)
  const stats = part(record.stats, fastInterfaceStats)
  if (interfaces === undefined || endpoints === undefined || stats === undefined) return undefined
  const events: AgentEvent[] = [{ kind: 'status', status: status as AgentStatus, offset }]
  if (interfaces) events.push({ kind: 'interfaces', interfaces, offset })
  if (endpoints) events.push({ kind: 'endpoints', endpoints, offset })
  if (stats) events.push({ kind: 'interface_stats', stats, offset })
  return events
}
