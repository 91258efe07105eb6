import { describe, expect, it } from 'vitest'
import {
  fastEndpoints, fastInterfaceCounters, fastInterfaces, fastInterfaceStats, fastStatusEvents,
} from '../../../src-main/core/records/agent-fast-path'
import {
  endpointsSchema, interfaceCountersSchema, interfacesSchema, interfaceStatsSchema, statusSchema,
} from '../../../src-main/core/records/agent-schemas'
import { fixture, indexedPayloads, LEGACY_4X, LEGACY_5X, legacyPayloads, STREAM_5X } from '../decode/recordings'

type Rec = Record<string, unknown>
const docs = ['agent-status', 'interfaces', 'endpoints', 'interface-stats'].flatMap(
  (n) => JSON.parse(fixture(`docs-v5-examples/netify-telemetry-${n}.examples.json`).toString()) as Rec[],
)
const records: Rec[] = [
  ...[...LEGACY_4X, ...LEGACY_5X].flatMap((f) => legacyPayloads(fixture(f)).map((p) => p.record)),
  ...indexedPayloads(STREAM_5X).map((p) => p.record),
  ...docs,
]
const ofType = (type: string): Rec[] => records.filter((r) => r.type === type)
const withoutType = ({ type: _, ...rest }: Rec): Rec => rest

/** What `normalise-agent.ts` builds from zod's output for an agent_status. */
function zodStatusEvents(record: Rec): unknown[] | undefined {
  const parsed = statusSchema.safeParse(record)
  if (!parsed.success) return undefined
  const { interfaces, devices, stats, ...status } = parsed.data
  const events: unknown[] = [{ kind: 'status', status, offset: 0 }]
  if (interfaces) events.push({ kind: 'interfaces', interfaces, offset: 0 })
  if (devices) events.push({ kind: 'endpoints', endpoints: devices, offset: 0 })
  if (stats) events.push({ kind: 'interface_stats', stats, offset: 0 })
  return events
}

/** Copies of `obj` with one field (or one field of a nested object) given a wrong value. */
function corrupted(obj: Rec, depth = 2): Rec[] {
  const out: Rec[] = []
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'type') continue
    out.push({ ...obj, [k]: typeof v === 'string' ? 1 : 'x' })
    if (typeof v === 'number') out.push({ ...obj, [k]: Infinity }, { ...obj, [k]: NaN })
    if (Array.isArray(v)) out.push({ ...obj, [k]: [...v, 3] })
    if (depth > 1 && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const bad of corrupted(v as Rec, depth - 1)) out.push({ ...obj, [k]: bad })
    }
  }
  return out
}

const cases = [
  { type: 'agent_status', fast: (r: Rec) => fastStatusEvents(r, 0), zod: zodStatusEvents },
  { type: 'global_stats', fast: fastInterfaceCounters, zod: (r: Rec) => interfaceCountersSchema.safeParse(r).data },
  { type: 'interface_stats', fast: (r: Rec) => fastInterfaceStats(withoutType(r)), zod: (r: Rec) => interfaceStatsSchema.safeParse(withoutType(r)).data },
  { type: 'interfaces', fast: (r: Rec) => fastInterfaces(withoutType(r)), zod: (r: Rec) => interfacesSchema.safeParse(withoutType(r)).data },
  { type: 'endpoints', fast: (r: Rec) => fastEndpoints(withoutType(r)), zod: (r: Rec) => endpointsSchema.safeParse(withoutType(r)).data },
]

describe('the hand-written agent record checks agree with the zod schemas', () => {
  it.each(cases)('every recorded $type: same output as zod', ({ type, fast, zod }) => {
    const recorded = ofType(type)
    expect(recorded.length).toBeGreaterThan(0)
    for (const r of recorded) expect(fast(r)).toEqual(zod(r))
  })

  it('4.x agent_status with interfaces, devices and stats is taken by the fast path', () => {
    const full = ofType('agent_status').filter((r) => r.interfaces && r.devices && r.stats)
    expect(full.length).toBeGreaterThan(0)
    for (const r of full) expect(fastStatusEvents(r, 0)?.map((e) => e.kind)).toEqual(['status', 'interfaces', 'endpoints', 'interface_stats'])
  })

  it.each(cases)('$type: never accepts what zod rejects (wrong types, NaN, Infinity)', ({ type, fast, zod }) => {
    let rejected = 0
    for (const bad of ofType(type).flatMap((r) => corrupted(r))) {
      if (zod(bad) === undefined) {
        expect(fast(bad)).toBeUndefined()
        rejected++
      }
    }
    expect(rejected).toBeGreaterThan(0)
  })
})
