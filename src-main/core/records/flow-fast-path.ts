/**
 * Hand-written validation for the flow family, which is nearly every record on the wire.
 *
 * zod allocates a result object per field checked; on a busy agent that costs as much as
 * `JSON.parse` itself. These checks accept a subset of what the zod schemas in
 * `flow-schemas.ts` accept and produce the same output; anything they do not accept goes to
 * zod, which stays the authority on what is invalid and says where (path and message).
 * The tests compare both on every recorded flow and on corrupted copies.
 */
import type { FlowCounters, FlowMetadata, FlowSsl } from './agent-event'
import { allNumbers, B, type Bag, compileFields, type Copier, fieldsOf as f, N, S, STRINGS, type Fields } from './field-copier'
import { isObject } from './known-fields'

const META_SCALARS: Fields = [
  ...f(S, 'digest', 'local_mac', 'other_mac', 'local_ip', 'other_ip', 'other_type', 'detected_protocol_name',
    'detected_application_name', 'host_server_name', 'dns_host_name'),
  ...f(N, 'ip_version', 'ip_protocol', 'vlan_id', 'local_port', 'other_port', 'detected_protocol',
    'detected_application', 'first_seen_at', 'last_seen_at'),
  ...f(B, 'local_origin', 'detection_guessed', 'detection_updated'),
]
const SIMPLE_SUBS_SPEC: ReadonlyArray<readonly [string, Fields]> = [
  ['category', f(N, 'application', 'protocol', 'domain', 'network')],
  ['http', f(S, 'user_agent', 'url')],
  ['dhcp', f(S, 'fingerprint', 'class_ident')],
  ['ssh', f(S, 'client', 'server')],
  ['mdns', f(S, 'answer')],
  ['bt', f(S, 'info_hash')],
]
const SSL_FIELDS: Fields = [
  ...f(S, 'version', 'cipher_suite', 'client_sni', 'server_cn', 'issuer_dn', 'subject_dn', 'client_ja3',
    'client_ja4', 'server_ja3', 'fingerprint'),
  ...f(STRINGS, 'alpn', 'alpn_server'),
]
const RISK_SCORES: Fields = f(N, 'ndpi_risk_score', 'ndpi_risk_score_client', 'ndpi_risk_score_server')
const COUNTER_FIELDS: Fields = [
  ...f(S, 'digest'),
  ...f(N, 'last_seen_at', 'local_bytes', 'local_packets', 'other_bytes', 'other_packets', 'total_bytes',
    'total_packets', 'detection_packets', 'local_rate', 'other_rate'),
]
const TCP_FIELDS: Fields = f(N, 'seq_errors', 'resets', 'retrans')

const copyMeta = compileFields(META_SCALARS)
const SIMPLE_SUBS = SIMPLE_SUBS_SPEC.map(([name, fields]) => [name, compileFields(fields)] as const)
const copySsl = compileFields(SSL_FIELDS)
const copyRiskScores = compileFields(RISK_SCORES)
const copyCounters = compileFields(COUNTER_FIELDS)
const copyTcp = compileFields(TCP_FIELDS)

/** A sub-object copied field by field; `null` when it is there but wrong. */
function sub(src: Bag, copy: Copier): Bag | null {
  if (!isObject(src)) return null
  const out: Bag = {}
  return copy(src, out) ? out : null
}

/** `FlowMetadata` from `flow.*`, or undefined when zod must decide. */
export function fastFlowMetadata(raw: unknown): FlowMetadata | undefined {
  if (!isObject(raw) || typeof raw.digest !== 'string') return undefined
  const out: Bag = {}
  if (!copyMeta(raw, out)) return undefined
  for (let i = 0; i < SIMPLE_SUBS.length; i++) {
    const [name, copy] = SIMPLE_SUBS[i]
    const v = raw[name]
    if (v === undefined) continue
    const copied = sub(v as Bag, copy)
    if (copied === null) return undefined
    out[name] = copied
  }
  return extras(raw, out) ? (out as unknown as FlowMetadata) : undefined
}

/** The sub-objects with their own rules: risks (default list), ssl (1.8 names), ssdp (a map). */
function extras(raw: Bag, out: Bag): boolean {
  if (raw.risks !== undefined) {
    const r = raw.risks as Bag
    if (!isObject(r)) return false
    const risks: Bag = { risks: r.risks === undefined ? [] : r.risks }
    if (!allNumbers(risks.risks) || !copyRiskScores(r, risks)) return false
    out.risks = risks
  }
  if (raw.ssl !== undefined) {
    const ssl = sslOf(raw.ssl)
    if (ssl === null) return false
    out.ssl = ssl
  }
  if (raw.ssdp !== undefined) {
    const m = raw.ssdp
    if (!isObject(m)) return false
    for (const k in m) if (typeof m[k] !== 'string') return false
    out.ssdp = { ...m }
  }
  return true
}

function sslOf(raw: unknown): FlowSsl | null {
  const ssl = sub(raw as Bag, copySsl)
  if (ssl === null) return null
  const { client, server } = raw as Bag
  if (client !== undefined && typeof client !== 'string') return null
  if (server !== undefined && typeof server !== 'string') return null
  if (client !== undefined && ssl.client_sni === undefined) ssl.client_sni = client
  if (server !== undefined && ssl.server_cn === undefined) ssl.server_cn = server
  return ssl as FlowSsl
}

/** `FlowCounters` from `flow.*`, or undefined when zod must decide. */
export function fastFlowCounters(raw: unknown): FlowCounters | undefined {
  if (!isObject(raw)) return undefined
  const { digest, local_bytes, local_packets, other_bytes, other_packets } = raw
  if (digest === undefined || local_bytes === undefined || local_packets === undefined || other_bytes === undefined
    || other_packets === undefined) return undefined
  const out: Bag = {}
  if (!copyCounters(raw, out)) return undefined
  if (raw.tcp !== undefined) {
    const tcp = sub(raw.tcp as Bag, copyTcp)
    if (tcp === null) return undefined
    out.tcp = tcp
  }
  return out as unknown as FlowCounters
}

/** `interface`, `internal` and `reason` beside `flow`; false on a wrong type. */
export function fastPlacement(record: Bag): boolean {
  const { interface: iface, internal, reason } = record
  return (iface === undefined || typeof iface === 'string')
    && (internal === undefined || typeof internal === 'boolean')
    && (reason === undefined || typeof reason === 'string')
}
