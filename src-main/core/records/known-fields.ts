/**
 * Which fields of each record type this app knows, so that fields a newer agent adds are
 * counted (`stats.unknownFields['type.field']`) and, inside a flow, kept in `FlowMetadata.extra`
 * rather than silently lost. One Set lookup per key keeps this cheap on the hot path.
 */
import { interfaceCountersShape, interfaceInfoShape, statusShape } from './agent-schemas'
import { flowCountersShape, flowMetadataShape, flowSubObjectShapes } from './flow-schemas'

/** Counts one unknown field, named `type.path`. */
export type UnknownFieldSink = (name: string) => void

const keys = (shape: object, more: string[] = []): Set<string> => new Set([...Object.keys(shape), ...more])

/** Sent by the agents this app was built against but not used by the model. */
const FLOW_TOP = ['type', 'interface', 'internal', 'established', 'flow', 'reason']
const FLOW_UNMODELLED = ['dhc_hit', 'ip_nat', 'soft_dissector', 'first_update_at', 'gtp', 'tags', 'conntrack', 'stun']
const STATUS_UNMODELLED = ['type', 'agent_version', 'build_version', 'sink_status', 'sink_uploads', 'version', 'update_imf', 'interfaces', 'devices', 'stats']

export const FLOW_TOP_KEYS = new Set(FLOW_TOP)
/** Flow fields that become `FlowMetadata` properties. */
export const FLOW_MODELLED_KEYS = keys(flowMetadataShape)
export const FLOW_COUNTER_KEYS = keys(flowCountersShape)
const FLOW_DOCUMENTED_KEYS = new Set(FLOW_UNMODELLED)
const SUB_OBJECT_KEYS = new Map(Object.entries(flowSubObjectShapes).map(([name, shape]) => [name, keys(shape)]))

export const HELLO_KEYS = new Set(['type', 'agent_version', 'build_version', 'json_version'])
export const STATUS_KEYS = keys(statusShape, STATUS_UNMODELLED)
export const DEFINITIONS_KEYS = new Set(['type', 'protocols', 'applications'])
export const INTERFACE_INFO_KEYS = keys(interfaceInfoShape)
export const COUNTER_KEYS = keys(interfaceCountersShape)
export const GLOBAL_STATS_KEYS = keys(interfaceCountersShape, ['type'])

/** Count the keys of `obj` outside `known`, as `prefix.key`. */
export function countUnknown(obj: Record<string, unknown>, known: Set<string>, prefix: string, sink: UnknownFieldSink): void {
  for (const k in obj) if (!known.has(k)) sink(`${prefix}.${k}`)
}

/** Count unknown keys one level down (records keyed by interface name), as `prefix.*.key`. */
export function countUnknownPerName(obj: unknown, known: Set<string>, prefix: string, sink: UnknownFieldSink): void {
  if (!isObject(obj)) return
  for (const name in obj) {
    const entry = obj[name]
    if (isObject(entry)) countUnknown(entry, known, `${prefix}.*`, sink)
  }
}

/**
 * Walk a flow's fields once: count the unknown ones and collect everything the model does not
 * read (unmodelled fields and unknown keys of known sub-objects, as `sub.key`) for `extra`.
 */
export function flowExtras(flow: Record<string, unknown>, prefix: string, sink: UnknownFieldSink): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined
  for (const k in flow) {
    const value = flow[k]
    if (FLOW_MODELLED_KEYS.has(k)) {
      const sub = SUB_OBJECT_KEYS.get(k)
      if (sub === undefined || !isObject(value)) continue
      for (const sk in value) {
        if (sub.has(sk)) continue
        sink(`${prefix}.${k}.${sk}`)
        ;(extra ??= {})[`${k}.${sk}`] = value[sk]
      }
    } else if (!FLOW_COUNTER_KEYS.has(k)) {
      ;(extra ??= {})[k] = value
      if (!FLOW_DOCUMENTED_KEYS.has(k)) sink(`${prefix}.${k}`)
    }
  }
  return extra
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
