/**
 * Test helpers: a fixture through the real decoder (events), and the same fixture read with a
 * few lines of plain JSON parsing (records), so expectations are derived independently of the model.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAgentEventDecoder } from '../../../src-main/core/decode/agent-event-decoder'
import type { AgentEvent } from '../../../src-main/core/records/agent-event'

export const FIXTURES = join(__dirname, '..', '..', 'fixtures')

export function fixtureEvents(name: string): AgentEvent[] {
  const decoder = createAgentEventDecoder()
  const bytes = readFileSync(join(FIXTURES, name))
  const out = decoder.push(bytes)
  const end = decoder.end()
  return [...out.events, ...end.events]
}

export type RawRecord = Record<string, any>

/** Legacy-framed records (`{"length": N}\n` + body), parsed as plain JSON. */
export function fixtureRecords(name: string): RawRecord[] {
  const b = readFileSync(join(FIXTURES, name))
  const records: RawRecord[] = []
  let i = 0
  while (i < b.length) {
    const nl = b.indexOf(10, i)
    const n = JSON.parse(b.subarray(i, nl).toString()).length as number
    records.push(JSON.parse(b.subarray(nl + 1, nl + 1 + n).toString()))
    i = nl + 1 + n
  }
  return records
}

/** The time each event is applied at: 10 ms apart, from a fixed start. */
export const T0 = 1_800_000_000_000
export function timeOf(index: number): number {
  return T0 + index * 10
}
