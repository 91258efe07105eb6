/// <reference types="node" />
/**
 * Realistic flow rows for renderer tests, built straight from the netifyd 4.4 recordings with a
 * few lines of JSON parsing (legacy framing: `{"length": N}\n` + N body bytes). Each test derives
 * its expected numbers from `records` independently of the code under test.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FlowRow } from '@contract/views'

export type RawFlow = Record<string, unknown> & {
  digest: string
  local_mac?: string
  local_ip?: string
  other_ip?: string
  local_port?: number
  other_port?: number
  other_type?: string
  local_origin?: boolean
  detected_protocol_name?: string
  detected_application_name?: string
  host_server_name?: string
  dns_host_name?: string
  risks?: { risks?: number[]; ndpi_risk_score?: number }
  ssl?: { client_sni?: string }
}

export interface FixtureFlow {
  agentId: string
  iface?: string
  flow: RawFlow
  localBytes: number
  otherBytes: number
  totalBytes: number
  purgeReason?: string
}

const DIR = join(__dirname, '../../fixtures/netifyd-4.4')

function* records(file: string): Generator<Record<string, unknown>> {
  const data = readFileSync(file)
  let i = 0
  while (i < data.length) {
    const nl = data.indexOf(0x0a, i)
    const { length } = JSON.parse(data.subarray(i, nl).toString()) as { length: number }
    yield JSON.parse(data.subarray(nl + 1, nl + 1 + length).toString()) as Record<string, unknown>
    i = nl + 1 + length
  }
}

/** Every flow of every 4.4 recording, agent id = the recording's name (`01-tls-https`...). */
export function loadFixtureFlows(): FixtureFlow[] {
  const out = new Map<string, FixtureFlow>()
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.raw')).sort()) {
    const agentId = name.replace(/\.raw$/, '')
    for (const rec of records(join(DIR, name))) {
      const body = rec.flow as Record<string, unknown> | undefined
      if (!body) continue
      const key = `${agentId}/${String(body.digest)}`
      if (rec.type === 'flow') {
        const prev = out.get(key)
        out.set(key, { localBytes: 0, otherBytes: 0, totalBytes: 0, ...prev, agentId, iface: rec.interface as string, flow: body as RawFlow })
      } else {
        const f = out.get(key)
        if (!f) continue
        f.localBytes += Number(body.local_bytes ?? 0)
        f.otherBytes += Number(body.other_bytes ?? 0)
        f.totalBytes = Number(body.total_bytes ?? f.totalBytes)
        if (rec.type === 'flow_purge') f.purgeReason = String(rec.reason)
      }
    }
  }
  return [...out.values()]
}

export function toFlowRow(x: FixtureFlow, open = false): FlowRow {
  const f = x.flow
  return {
    key: `${x.agentId}/${f.digest}`,
    agentId: x.agentId,
    digest: f.digest,
    iface: x.iface,
    ipVersion: f.ip_version as number | undefined,
    ipProtocol: f.ip_protocol as number | undefined,
    localMac: f.local_mac,
    localIp: f.local_ip,
    localPort: f.local_port,
    otherIp: f.other_ip,
    otherPort: f.other_port,
    otherType: f.other_type,
    localOrigin: f.local_origin,
    protocol: f.detected_protocol_name ?? 'Unknown',
    application: f.detected_application_name ?? 'Unknown',
    host: f.ssl?.client_sni ?? f.host_server_name ?? f.dns_host_name,
    risks: f.risks?.risks ?? [],
    riskScore: f.risks?.ndpi_risk_score ?? 0,
    bytesOut: x.localBytes,
    bytesIn: x.otherBytes,
    totalBytes: x.totalBytes,
    rateOut: 0,
    rateIn: 0,
    firstSeen: f.first_seen_at as number | undefined,
    lastSeen: f.last_seen_at as number | undefined,
    closedReason: open ? undefined : x.purgeReason,
  }
}
