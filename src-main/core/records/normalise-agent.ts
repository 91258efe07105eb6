/**
 * Agent-level records as events. 4.x folds interfaces, endpoints (`devices`) and interface
 * counters (`stats`) into its periodic `agent_status`; they are split out here into the same
 * `interfaces`, `endpoints` and `interface_stats` events a 5.x agent sends, after the status.
 * The hand-written checks of `agent-fast-path.ts` go first; zod decides whatever they do not accept.
 */
import type { AgentEvent } from './agent-event'
import { fastEndpoints, fastInterfaceCounters, fastInterfaces, fastInterfaceStats, fastStatusEvents } from './agent-fast-path'
import {
  definitionsSchema, endpointsSchema, helloSchema, interfaceCountersSchema, interfacesSchema,
  interfaceStatsSchema, statusSchema,
} from './agent-schemas'
import {
  COUNTER_KEYS, countUnknown, countUnknownPerName, DEFINITIONS_KEYS, GLOBAL_STATS_KEYS, HELLO_KEYS,
  INTERFACE_INFO_KEYS, isObject, STATUS_KEYS,
} from './known-fields'
import { invalidEvent, type Normaliser, type RecordContext } from './record-context'

export const normaliseHello: Normaliser = (record, type, ctx) => {
  countUnknown(record, HELLO_KEYS, type, ctx.unknownField)
  const parsed = helloSchema.safeParse(record)
  if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
  const { agent_version, build_version, json_version } = parsed.data
  const event: AgentEvent = { kind: 'hello', agent_version, offset: ctx.offset }
  if (build_version !== undefined) event.build_version = build_version
  if (json_version !== undefined) event.json_version = json_version
  return [event]
}

export const normaliseStatus: Normaliser = (record, type, ctx) => {
  countUnknown(record, STATUS_KEYS, type, ctx.unknownField)
  countUnknownPerName(record.interfaces, INTERFACE_INFO_KEYS, `${type}.interfaces`, ctx.unknownField)
  countUnknownPerName(record.stats, COUNTER_KEYS, `${type}.stats`, ctx.unknownField)
  const offset = ctx.offset
  const fast = fastStatusEvents(record, offset)
  if (fast) return fast
  const parsed = statusSchema.safeParse(record)
  if (!parsed.success) return [invalidEvent(type, parsed.error, offset)]
  const { interfaces, devices, stats, ...status } = parsed.data
  const events: AgentEvent[] = [{ kind: 'status', status, offset }]
  if (interfaces) events.push({ kind: 'interfaces', interfaces, offset })
  if (devices) events.push({ kind: 'endpoints', endpoints: devices, offset })
  if (stats) events.push({ kind: 'interface_stats', stats, offset })
  return events
}

export const normaliseDefinitions: Normaliser = (record, type, ctx) => {
  countUnknown(record, DEFINITIONS_KEYS, type, ctx.unknownField)
  const protocols = idTags(record.protocols)
  const applications = idTags(record.applications)
  if (protocols && applications) return [{ kind: 'definitions', protocols, applications, offset: ctx.offset }]
  const parsed = definitionsSchema.safeParse(record)
  if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
  return [{ kind: 'definitions', ...parsed.data, offset: ctx.offset }]
}

export const normaliseInterfaces: Normaliser = (record, type, ctx) => {
  const byName = entriesOf(record, type, ctx, isObject)
  countUnknownPerName(byName, INTERFACE_INFO_KEYS, type, ctx.unknownField)
  const fast = fastInterfaces(byName)
  if (fast) return [{ kind: 'interfaces', interfaces: fast, offset: ctx.offset }]
  const parsed = interfacesSchema.safeParse(byName)
  if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
  return [{ kind: 'interfaces', interfaces: parsed.data, offset: ctx.offset }]
}

export const normaliseEndpoints: Normaliser = (record, type, ctx) => {
  const byMac = entriesOf(record, type, ctx, Array.isArray)
  const fast = fastEndpoints(byMac)
  if (fast) return [{ kind: 'endpoints', endpoints: fast, offset: ctx.offset }]
  const parsed = endpointsSchema.safeParse(byMac)
  if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
  return [{ kind: 'endpoints', endpoints: parsed.data, offset: ctx.offset }]
}

export const normaliseInterfaceStats: Normaliser = (record, type, ctx) => {
  const byName = entriesOf(record, type, ctx, isObject)
  countUnknownPerName(byName, COUNTER_KEYS, type, ctx.unknownField)
  const fast = fastInterfaceStats(byName)
  if (fast) return [{ kind: 'interface_stats', stats: fast, offset: ctx.offset }]
  const parsed = interfaceStatsSchema.safeParse(byName)
  if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
  return [{ kind: 'interface_stats', stats: parsed.data, offset: ctx.offset }]
}

export const normaliseGlobalStats: Normaliser = (record, type, ctx) => {
  countUnknown(record, GLOBAL_STATS_KEYS, type, ctx.unknownField)
  const fast = fastInterfaceCounters(record)
  if (fast) return [{ kind: 'global_stats', counters: fast, offset: ctx.offset }]
  const parsed = interfaceCountersSchema.safeParse(record)
  if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
  return [{ kind: 'global_stats', counters: parsed.data, offset: ctx.offset }]
}

/**
 * `[{id, tag}]` checked by hand (4.x sends about a thousand on connect) and kept as parsed,
 * or undefined to let zod decide and explain.
 */
function idTags(list: unknown): Array<{ id: number; tag: string }> | undefined {
  if (list === undefined) return []
  if (!Array.isArray(list)) return undefined
  for (const item of list) {
    if (item === null || typeof item !== 'object' || typeof item.id !== 'number' || typeof item.tag !== 'string') return undefined
  }
  return list as Array<{ id: number; tag: string }>
}

/**
 * The entries of a record keyed by interface name or MAC. A top-level value of another shape
 * is a field some newer agent added beside the names: counted as unknown, not fatal.
 */
function entriesOf(
  record: Record<string, unknown>,
  type: string,
  ctx: RecordContext,
  accept: (v: unknown) => boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in record) {
    if (key === 'type') continue
    if (accept(record[key])) out[key] = record[key]
    else ctx.unknownField(`${type}.${key}`)
  }
  return out
}
