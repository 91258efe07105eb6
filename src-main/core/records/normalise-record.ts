/**
 * One decoded JSON/msgpack value in, the `AgentEvent`s it stands for out: validated against
 * its type's schema, normalised across agent versions, with unknown fields counted.
 * Never throws: a bad record becomes an `invalid` event, an unknown type an `unknown` event.
 */
import type { AgentEvent } from './agent-event'
import { isObject, type UnknownFieldSink } from './known-fields'
import {
  normaliseDefinitions, normaliseEndpoints, normaliseGlobalStats, normaliseHello, normaliseInterfaces,
  normaliseInterfaceStats, normaliseStatus,
} from './normalise-agent'
import { normaliseCounters, normaliseFlow } from './normalise-flow'
import type { Normaliser } from './record-context'

const NORMALISERS = new Map<string, Normaliser>([
  ['flow', normaliseFlow],
  ['flow_dpi_update', normaliseFlow],
  ['flow_stats', normaliseCounters],
  ['flow_purge', normaliseCounters],
  ['flow_dpi_complete', normaliseCounters],
  ['agent_hello', normaliseHello],
  ['agent_status', normaliseStatus],
  ['definitions', normaliseDefinitions],
  ['protocols', normaliseDefinitions],
  ['interfaces', normaliseInterfaces],
  ['endpoints', normaliseEndpoints],
  ['interface_stats', normaliseInterfaceStats],
  ['global_stats', normaliseGlobalStats],
])

/** The record types this app understands (3.x `protocols` included). */
export const KNOWN_RECORD_TYPES: ReadonlySet<string> = new Set(NORMALISERS.keys())

export interface NormalisedRecord {
  /** The record's `type`, when it had a string one. */
  type?: string
  events: AgentEvent[]
}

export function normaliseRecord(value: unknown, offset: number, unknownField: UnknownFieldSink): NormalisedRecord {
  if (!isObject(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
    return { events: [{ kind: 'invalid', type: '', path: '', message: `record is not an object (got ${got})`, offset }] }
  }
  const type = value.type
  if (typeof type !== 'string') {
    return { events: [{ kind: 'invalid', type: '', path: 'type', message: 'record has no string "type"', offset }] }
  }
  const normalise = NORMALISERS.get(type)
  if (!normalise) return { type, events: [{ kind: 'unknown', type, record: value, offset }] }
  try {
    return { type, events: normalise(value, type, { offset, unknownField }) }
  } catch (e) {
    return { type, events: [{ kind: 'invalid', type, path: '', message: `record could not be read: ${(e as Error).message}`, offset }] }
  }
}
