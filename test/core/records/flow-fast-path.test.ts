import { describe, expect, it } from 'vitest'
import { fastFlowCounters, fastFlowMetadata } from '../../../src-main/core/records/flow-fast-path'
import { flowCountersSchema, flowMetadataSchema } from '../../../src-main/core/records/flow-schemas'
import { fixture, LEGACY_4X, legacyPayloads } from '../decode/recordings'

const flows = [...LEGACY_4X, 'netifyd-5.0/legacy.bin']
  .flatMap((f) => legacyPayloads(fixture(f)).map((p) => p.record))
  .filter((r) => String(r.type).startsWith('flow'))
  .map((r) => r.flow as Record<string, unknown>)

/** Copies of `flow` with one field at a time given a value of the wrong type. */
function corrupted(flow: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = []
  for (const [k, v] of Object.entries(flow)) {
    out.push({ ...flow, [k]: typeof v === 'string' ? 1 : 'x' })
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const sk of Object.keys(v)) out.push({ ...flow, [k]: { ...v, [sk]: typeof (v as any)[sk] === 'string' ? 1 : 'x' } })
    }
  }
  return out
}

describe('the hand-written flow checks agree with the zod schemas', () => {
  it('every recorded flow: same output as zod', () => {
    let compared = 0
    for (const flow of flows) {
      const meta = fastFlowMetadata(flow)
      if (meta) {
        expect(meta).toEqual(flowMetadataSchema.parse(flow))
        compared++
      }
      const counters = fastFlowCounters(flow)
      if (counters) expect(counters).toEqual(flowCountersSchema.parse(flow))
    }
    expect(compared).toBe(flows.filter((f) => flowMetadataSchema.safeParse(f).success).length)
  })

  it('never accepts what zod rejects', () => {
    const sample = flows.filter((_, i) => i % 7 === 0)
    let rejected = 0
    for (const bad of sample.flatMap(corrupted)) {
      if (!flowMetadataSchema.safeParse(bad).success) {
        expect(fastFlowMetadata(bad)).toBeUndefined()
        rejected++
      }
      if (!flowCountersSchema.safeParse(bad).success) expect(fastFlowCounters(bad)).toBeUndefined()
    }
    expect(rejected).toBeGreaterThan(100)
  })
})
