/**
 * Test-only reading of the fixtures with a few lines of plain parsing, independent of the app's
 * decoder: legacy files by header + byte slice + JSON.parse, stream.bin by its `.index` of
 * `length flags` per payload.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const FIXTURES = resolve(__dirname, '../../fixtures')

export const RECORDINGS = [
  'netifyd-4.4/01-tls-https.raw',
  'netifyd-4.4/02-http.raw',
  'netifyd-4.4/03-dns.raw',
  'netifyd-4.4/04-quic.raw',
  'netifyd-4.4/06-bittorrent.raw',
  'netifyd-4.4/07-risks-ssh-smtp.raw',
  'netifyd-4.4/10-utf8.raw',
  'netifyd-5.0/legacy.bin',
  'netifyd-5.0/stream.bin',
  'netifyd-5.0/pretty/legacy.bin',
]

export type PlainRecord = Record<string, any>

export function fixturePath(name: string): string {
  return resolve(FIXTURES, name)
}

/** Every record of a fixture, in order. */
export function plainRecords(name: string): PlainRecord[] {
  const bytes = readFileSync(fixturePath(name))
  if (name.endsWith('stream.bin')) {
    const lengths = readFileSync(fixturePath(name.replace(/\.bin$/, '.index')), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[0]))
    let at = 0
    return lengths.map((n) => JSON.parse(bytes.subarray(at, (at += n)).toString('utf8')))
  }
  const records: PlainRecord[] = []
  for (let at = 0; at < bytes.length;) {
    const nl = bytes.indexOf(10, at)
    const n: number = JSON.parse(bytes.subarray(at, nl).toString('utf8')).length
    records.push(JSON.parse(bytes.subarray(nl + 1, nl + 1 + n).toString('utf8')))
    at = nl + 1 + n
  }
  return records
}

export interface PlainSummary {
  records: Record<string, number>
  flows: number
  unattributed: number
  devices: Map<string, { ips: string[]; flows: number; bytes: number }>
  applications: Map<number, { flows: number; bytes: number }>
  risks: Map<number, number>
}

/** The summary figures, computed straight from the records. */
export function plainSummary(records: PlainRecord[]): PlainSummary {
  const types: Record<string, number> = {}
  const flows = new Map<string, { meta: boolean; mac?: string; ip?: string; app?: number; risks: Set<number>; bytes: number }>()
  for (const r of records) {
    types[r.type] = (types[r.type] ?? 0) + 1
    const f = r.flow
    if (!f?.digest) continue
    const e = flows.get(f.digest) ?? { meta: false, risks: new Set<number>(), bytes: 0 }
    flows.set(f.digest, e)
    if (typeof f.total_bytes === 'number') e.bytes = f.total_bytes
    if (r.type !== 'flow' && r.type !== 'flow_dpi_update') continue
    e.meta = true
    if (f.local_mac) e.mac = f.local_mac.toLowerCase()
    if (f.local_ip) e.ip = f.local_ip
    if (typeof f.detected_application === 'number') e.app = f.detected_application
    for (const id of f.risks?.risks ?? []) e.risks.add(id)
  }
  const meta = [...flows.values()].filter((e) => e.meta)
  const devices = new Map<string, { ips: string[]; flows: number; bytes: number }>()
  const applications = new Map<number, { flows: number; bytes: number }>()
  const risks = new Map<number, number>()
  for (const e of meta) {
    if (e.mac) {
      const d = devices.get(e.mac) ?? { ips: [], flows: 0, bytes: 0 }
      devices.set(e.mac, d)
      if (e.ip && !d.ips.includes(e.ip)) d.ips = [...d.ips, e.ip].sort()
      d.flows += 1
      d.bytes += e.bytes
    }
    if (e.app !== undefined) {
      const a = applications.get(e.app) ?? { flows: 0, bytes: 0 }
      applications.set(e.app, { flows: a.flows + 1, bytes: a.bytes + e.bytes })
    }
    for (const id of e.risks) risks.set(id, (risks.get(id) ?? 0) + 1)
  }
  return { records: types, flows: meta.length, unattributed: flows.size - meta.length, devices, applications, risks }
}
