/**
 * Turns a `flow.detail` response into labelled groups for the drawer. Every field the record
 * carried is shown: known netifyd fields go to their group (TLS, HTTP, DNS...), whatever is left
 * (fields newer agents add) lands in "Other fields", so nothing the agent said is hidden.
 * Values are plain strings; the drawer renders them as text only.
 */
import type { FlowDetail, FlowRow } from '@contract/views'
import { formatBytes, formatDateTime } from '../../lib/format'

export interface DetailItem {
  label: string
  value: string
}
export interface DetailSection {
  title: string
  items: DetailItem[]
}

type Flat = Map<string, unknown>

const IP_PROTOCOLS: Record<number, string> = { 1: 'ICMP', 2: 'IGMP', 6: 'TCP', 17: 'UDP', 47: 'GRE', 50: 'ESP', 58: 'ICMPv6', 132: 'SCTP' }
const TLS_VERSIONS: Record<string, string> = { '0x0300': 'SSL 3.0', '0x0301': 'TLS 1.0', '0x0302': 'TLS 1.1', '0x0303': 'TLS 1.2', '0x0304': 'TLS 1.3' }
const OTHER_TYPES: Record<string, string> = {
  remote: 'remote', local: 'local host', multicast: 'multicast group', broadcast: 'broadcast address',
}

/** Dotted paths to leaf values; arrays of plain values stay whole (ALPN lists, risk ids). */
function flatten(value: unknown, prefix: string, out: Flat): Flat {
  const isPlainArray = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')
  if (value !== null && typeof value === 'object' && !isPlainArray) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else if (value !== undefined && prefix) {
    out.set(prefix, value)
  }
  return out
}

export function valueText(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  if (Array.isArray(v)) return v.map(valueText).join(', ')
  if (v === null) return 'null'
  return typeof v === 'number' ? String(v) : JSON.stringify(v)
}

/** `192.168.1.13:53096`, `[fe80::1]:443`, or the bare address when there is no port. */
export function endpointText(ip: string | undefined, port: number | undefined): string {
  const addr = ip ?? 'unknown address'
  if (port === undefined || port === 0) return addr
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`
}

/** Who opened the connection, in words: the first thing a user wants to know about a flow. */
export function directionSentence(row: FlowRow, deviceName?: string): string {
  const who = [deviceName, row.localMac].filter(Boolean).join(', ')
  const local = `local ${endpointText(row.localIp, row.localPort)}${who ? ` (${who})` : ''}`
  const otherKind = row.otherType ? (OTHER_TYPES[row.otherType] ?? `${row.otherType} peer`) : 'peer'
  const other = `${otherKind} ${endpointText(row.otherIp, row.otherPort)}`
  if (row.localOrigin === true) return `${local} opened this connection to ${other}.`
  if (row.localOrigin === false) return `${other} opened this connection to ${local}.`
  return `Between ${local} and ${other}; the agent did not say which side opened it.`
}

type Take = (path: string, label: string, format?: (v: unknown) => string) => DetailItem[]

/** Moves one field out of `flat` into an item, so what is left over is what nobody claimed. */
function picker(flat: Flat): { take: Take; prefixed: (prefix: string) => DetailItem[] } {
  const take: Take = (path, label, format = valueText) => {
    if (!flat.has(path)) return []
    const v = flat.get(path)
    flat.delete(path)
    return [{ label, value: format(v) }]
  }
  const prefixed = (prefix: string): DetailItem[] =>
    [...flat.keys()].filter((k) => k.startsWith(`${prefix}.`)).flatMap((k) => take(k, k.slice(prefix.length + 1)))
  return { take, prefixed }
}

const time = (v: unknown): string => (typeof v === 'number' ? formatDateTime(v) : valueText(v))
const tlsVersion = (v: unknown): string => (typeof v === 'string' && TLS_VERSIONS[v] ? `${TLS_VERSIONS[v]} (${v})` : valueText(v))
const ipProtocol = (v: unknown): string => (typeof v === 'number' && IP_PROTOCOLS[v] ? `${IP_PROTOCOLS[v]} (${v})` : valueText(v))

function endpointSections(take: Take, row: FlowRow, agentName?: string): DetailSection[] {
  return [
    { title: 'Endpoints', items: [
      { label: 'Local', value: endpointText(row.localIp, row.localPort) }, ...take('local_mac', 'Local MAC'),
      { label: 'Other', value: endpointText(row.otherIp, row.otherPort) }, ...take('other_mac', 'Other MAC'),
      ...take('other_type', 'Other side'), ...take('local_origin', 'Opened by local side'),
      { label: 'Agent', value: agentName ? `${agentName} (${row.agentId})` : row.agentId }, ...(row.iface ? [{ label: 'Interface', value: row.iface }] : []),
      ...take('ip_version', 'IP version'), ...take('ip_protocol', 'IP protocol', ipProtocol), ...take('vlan_id', 'VLAN'),
    ] },
    { title: 'Protocol and application', items: [
      ...take('detected_protocol_name', 'Protocol'), ...take('detected_protocol', 'Protocol id'),
      ...take('detected_application_name', 'Application'), ...take('detected_application', 'Application id'),
      ...take('category.application', 'Application category'), ...take('category.protocol', 'Protocol category'),
      ...take('category.domain', 'Domain category'), ...take('category.network', 'Network category'),
      ...take('detection_guessed', 'Detection guessed'), ...take('detection_updated', 'Detection updated'),
    ] },
  ]
}

function payloadSections(take: Take, prefixed: (prefix: string) => DetailItem[]): DetailSection[] {
  return [
    { title: 'TLS', items: [
      ...take('ssl.client_sni', 'SNI'), ...take('ssl.server_cn', 'Server CN'), ...take('ssl.issuer_dn', 'Issuer DN'),
      ...take('ssl.subject_dn', 'Subject DN'), ...take('ssl.version', 'Version', tlsVersion), ...take('ssl.cipher_suite', 'Cipher suite'),
      ...take('ssl.alpn', 'ALPN'), ...take('ssl.alpn_server', 'ALPN (server)'), ...take('ssl.client_ja3', 'JA3 (client)'),
      ...take('ssl.client_ja4', 'JA4 (client)'), ...take('ssl.server_ja3', 'JA3S (server)'), ...take('ssl.fingerprint', 'Certificate fingerprint'),
      ...prefixed('ssl'),
    ] },
    { title: 'HTTP', items: [...take('host_server_name', 'Host'), ...take('http.user_agent', 'User agent'), ...take('http.url', 'URL'), ...prefixed('http')] },
    { title: 'DNS', items: take('dns_host_name', 'Host name') },
    { title: 'SSH', items: [...take('ssh.client', 'Client'), ...take('ssh.server', 'Server'), ...prefixed('ssh')] },
    { title: 'mDNS', items: [...take('mdns.answer', 'Answer'), ...prefixed('mdns')] },
    { title: 'DHCP', items: [...take('dhcp.fingerprint', 'Fingerprint'), ...take('dhcp.class_ident', 'Class identifier'), ...prefixed('dhcp')] },
    { title: 'SSDP', items: prefixed('ssdp') },
    { title: 'BitTorrent', items: [...take('bt.info_hash', 'Info hash'), ...prefixed('bt')] },
  ]
}

function timingSection(take: Take, row: FlowRow): DetailSection {
  return { title: 'Timing', items: [
    ...take('first_seen_at', 'First seen', time), ...take('last_seen_at', 'Last seen', time),
    ...(row.closedReason ? [{ label: 'Ended', value: row.closedReason }] : []),
    ...(row.closedAt ? [{ label: 'Ended at', value: formatDateTime(row.closedAt) }] : []),
  ] }
}

function riskSection(detail: FlowDetail, flat: Flat): DetailSection {
  const { take } = picker(flat)
  flat.delete('risks.risks')
  const scores = [
    ...take('risks.ndpi_risk_score', 'Risk score'), ...take('risks.ndpi_risk_score_client', 'Client score'),
    ...take('risks.ndpi_risk_score_server', 'Server score'),
  ]
  if (scores.length === 0 && detail.row.riskScore) scores.push({ label: 'Risk score', value: String(detail.row.riskScore) })
  const risks = detail.risks.map((r) => ({ label: `${r.name} (${r.id})`, value: r.explanation || 'No explanation available.' }))
  return { title: 'Risks', items: [...scores, ...risks] }
}

function counterSection(detail: FlowDetail): DetailSection {
  const r = detail.row
  const items: DetailItem[] = [
    { label: 'Sent (local side)', value: formatBytes(r.bytesOut) },
    { label: 'Received (local side)', value: formatBytes(r.bytesIn) },
    { label: 'Total', value: formatBytes(r.totalBytes) },
  ]
  for (const [k, v] of flatten(detail.counters ?? {}, '', new Map())) {
    if (k !== 'digest') items.push({ label: k, value: k.endsWith('_at') ? time(v) : valueText(v) })
  }
  return { title: 'Counters', items }
}

/** The drawer's content; empty groups are dropped. `agentName`: the agent's label, shown beside its id. */
export function detailSections(detail: FlowDetail, agentName?: string): DetailSection[] {
  const flat = flatten(detail.metadata, '', new Map())
  flat.delete('digest')
  const { take, prefixed } = picker(flat)
  const [endpoints, detection] = endpointSections(take, detail.row, agentName)
  const risks = riskSection(detail, flat)
  const payload = payloadSections(take, prefixed)
  const timing = timingSection(take, detail.row)
  const other: DetailSection = { title: 'Other fields', items: [...flat].map(([k, v]) => ({ label: k.replace(/^extra\./, ''), value: valueText(v) })) }
  return [endpoints, risks, detection, ...payload, timing, counterSection(detail), other].filter((s) => s.items.length > 0)
}
