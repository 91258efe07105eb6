/**
 * Model entries onto the contract's view types (what the publisher sends to the UI).
 */
import type { FlowDetail, FlowRow } from '../../contract/views'
import { riskDetail } from '../alerts/risk-table'
import type { FlowEntry } from './flow-entry'
import { flowHost } from './flow-entry'

export function flowRow(e: FlowEntry): FlowRow {
  const m = e.meta
  return {
    key: e.key, agentId: e.agentId, digest: e.digest, iface: e.iface, ipVersion: m.ip_version, ipProtocol: m.ip_protocol,
    localMac: e.mac ?? m.local_mac, localIp: m.local_ip, localPort: m.local_port, otherIp: m.other_ip, otherPort: m.other_port,
    otherType: m.other_type, localOrigin: m.local_origin, protocolId: m.detected_protocol, protocol: e.protocolName,
    applicationId: e.groupId, application: e.groupName, host: flowHost(m), risks: [...(m.risks?.risks ?? [])],
    riskScore: m.risks?.ndpi_risk_score ?? 0, bytesOut: e.bytesOut, bytesIn: e.bytesIn, totalBytes: e.totalBytes,
    rateOut: e.rateOut, rateIn: e.rateIn, firstSeen: e.firstSeen, lastSeen: e.lastSeen,
    closedReason: e.closedReason, closedAt: e.closedAt,
  }
}

export function flowDetail(e: FlowEntry): FlowDetail {
  const metadata: Record<string, unknown> = { ...e.meta }
  if (e.iface !== undefined) metadata.interface = e.iface
  if (e.internal !== undefined) metadata.internal = e.internal
  return {
    row: flowRow(e),
    risks: (e.meta.risks?.risks ?? []).map(riskDetail),
    metadata,
    counters: e.counters ? { ...e.counters } : undefined,
  }
}
