/**
 * What a recording holds, read here with a few lines of plain JSON parsing (independently of the
 * app's decoder), so the tests' expectations come from the records themselves; and the writer
 * for recordings a test crafts, in the 4.x legacy framing.
 */
import { readFileSync } from 'node:fs'
import { fixture } from './harness'

export type RecordJson = Record<string, unknown> & { type: string }
export interface FlowJson extends Record<string, unknown> {
  digest: string
  local_mac?: string
  detected_application_name?: string
  detected_protocol_name?: string
}

/** Frames of a legacy-framed recording: `{"length": N}\n` then N bytes of JSON (trailing `\n` included). */
export function readLegacyRecords(relative: string): RecordJson[] {
  const bytes = readFileSync(fixture(relative))
  const records: RecordJson[] = []
  let at = 0
  while (at < bytes.length) {
    const eol = bytes.indexOf(0x0a, at)
    const { length } = JSON.parse(bytes.subarray(at, eol).toString('utf8')) as { length: number }
    records.push(JSON.parse(bytes.subarray(eol + 1, eol + 1 + length).toString('utf8')) as RecordJson)
    at = eol + 1 + length
  }
  return records
}

/** The inverse of `readLegacyRecords`: what a 4.x agent writes on its socket. */
export function writeLegacyRecords(records: readonly object[]): Buffer {
  return Buffer.concat(records.map((record) => {
    const body = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8')
    return Buffer.concat([Buffer.from(`{"length": ${body.length}}\n`, 'utf8'), body])
  }))
}

export const flowsOf = (records: readonly RecordJson[]): FlowJson[] =>
  records.filter((r) => r.type === 'flow').map((r) => r.flow as FlowJson)

/** Devices: each flow's local MAC, and the other side's when the agent says it is local too. */
export const macsOf = (records: readonly RecordJson[]): string[] =>
  [...new Set(flowsOf(records).flatMap((f) => [f.local_mac, f.other_type === 'local' ? f.other_mac : undefined])
    .filter((m): m is string => typeof m === 'string'))]

/** Named applications (not "Unknown"), as the agent names them (`netify.youtube`). */
export const applicationsOf = (records: readonly RecordJson[]): string[] =>
  [...new Set(flowsOf(records).map((f) => f.detected_application_name).filter((n): n is string => !!n && n !== 'Unknown'))]

export const agentVersionOf = (records: readonly RecordJson[]): string =>
  String(records.find((r) => r.type === 'agent_hello')?.agent_version)
