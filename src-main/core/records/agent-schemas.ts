/**
 * zod schemas for the agent-level records: agent_hello, agent_status (4.x and 5.x),
 * definitions (3.x `protocols`), interfaces, endpoints, interface_stats, global_stats.
 * Records keyed by interface name or MAC are validated without their `type` key.
 */
import { z } from 'zod'
import {
  INTERFACE_COUNTER_NAMES,
  type AgentStatus, type InterfaceCounterName, type InterfaceCounters, type InterfaceInfo,
} from './agent-event'

const str = z.string().optional()
const num = z.number().optional()

/** 3.x sent `agent_version` as a number; keep it as text either way. */
export const helloSchema = z.object({
  agent_version: z.union([z.string(), z.number()]).transform(String),
  build_version: str,
  json_version: z.union([z.number(), z.string().transform(Number)]).optional(),
})

const counterShape = Object.fromEntries(INTERFACE_COUNTER_NAMES.map((name) => [name, num])) as Record<
  InterfaceCounterName,
  typeof num
>

/** 4.x calls `tcp_seq_errors` `tcp_seq_error`. */
export const interfaceCountersShape = { ...counterShape, tcp_seq_error: num }

export const interfaceCountersSchema = z
  .object(interfaceCountersShape)
  .transform(({ tcp_seq_error, ...counters }): InterfaceCounters => {
    if (tcp_seq_error !== undefined && counters.tcp_seq_errors === undefined) counters.tcp_seq_errors = tcp_seq_error
    return counters
  })

export const interfaceInfoShape = {
  role: z.string().transform((r) => r.toUpperCase()).optional(),
  mac: str,
  addr: z.array(z.string()).optional(),
  state: num,
  capture_type: str,
}

export const interfacesSchema = z.record(z.string(), z.object(interfaceInfoShape))
export const endpointsSchema = z.record(z.string(), z.array(z.string()))
export const interfaceStatsSchema = z.record(z.string(), interfaceCountersSchema)

export const statusShape = {
  timestamp: num, uptime: num, update_interval: num, cpu_cores: num,
  cpu_user: num, cpu_user_prev: num, cpu_system: num, cpu_system_prev: num,
  flow_count: num, flow_count_prev: num, maxrss_kb: num, maxrss_kb_prev: num, tcm_kb: num,
  dhc_status: z.boolean().optional(), dhc_size: num,
  flows_active: num, flows_expired: num, flows_expiring: num, flows_in_use: num, flows_purged: num,
}

/** 4.x periodic status also carries interfaces, devices (endpoints, or null) and stats. */
export const statusSchema = z.object({
  ...statusShape,
  interfaces: interfacesSchema.nullable().optional(),
  devices: endpointsSchema.nullable().optional(),
  stats: interfaceStatsSchema.nullable().optional(),
})

const idTag = z.object({ id: z.number(), tag: z.string() })

/** `definitions` (4.x) and `protocols` (3.x); agents omit empty lists. */
export const definitionsSchema = z.object({
  protocols: z.array(idTag).default([]),
  applications: z.array(idTag).default([]),
})

/* Type-level checks: what the schemas let through is what the event types promise. */
type Assignable<T extends U, U> = T extends U ? true : never
type StatusOutput = z.output<typeof statusSchema>
export type AgentSchemaChecks = [
  Assignable<Omit<StatusOutput, 'interfaces' | 'devices' | 'stats'>, AgentStatus>,
  Assignable<NonNullable<StatusOutput['interfaces']>, Record<string, InterfaceInfo>>,
  Assignable<NonNullable<StatusOutput['devices']>, Record<string, string[]>>,
  Assignable<NonNullable<StatusOutput['stats']>, Record<string, InterfaceCounters>>,
  Assignable<z.output<typeof helloSchema>, { agent_version: string; build_version?: string; json_version?: number }>,
  Assignable<z.output<typeof definitionsSchema>['protocols'], Array<{ id: number; tag: string }>>,
]
