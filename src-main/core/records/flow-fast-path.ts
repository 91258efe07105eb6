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
import { isObject } from './known-fields'

const S = 1
const N = 2
const B = 3
const STRINGS = 4
type Kind = typeof S | typeof N | typeof B | typeof STRINGS
type Fields = ReadonlyArray<readonly [string, Kind]>
type Bag = Record<string, unknown>

const f = (kind: Kind, ...names: string[]): Fields => names.map((n) => [n, kind] as const)

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
const COUNTER_REQUIRED = ['digest', 'local_bytes', 'local_packets', 'other_bytes', 'other_packets']
const COUNTER_FIELDS: Fields = [
  ...f(S, 'digest'),
  ...f(N, 'last_seen_at', 'local_bytes', 'local_packets', 'other_bytes', 'other_packets', 'total_bytes',
    'total_packets', 'detection_packets', 'local_rate', 'other_rate'),
]
const TCP_FIELDS: Fields = f(N, 'seq_errors', 'resets', 'retrans')

type Copier = (src: Bag, dst: Bag) => boolean

/** Copy the listed fields of `src` that are present into `dst`; false on a wrong type. */
function interpretFields(fields: Fields): Copier {
  return (src, dst) => {
    for (const [name, kind] of fields) {
      const v = src[name]
      if (v === undefined) continue
      if (kind === S ? typeof v !== 'string' : kind === N ? typeof v !== 'number' : kind === B ? typeof v !== 'boolean' : !allStrings(v)) {
        return false
      }
      dst[name] = v
    }
    return true
  }
}

const TYPE_TESTS: Record<Kind, string> = {
  [S]: "typeof v !== 'string'",
  [N]: "typeof v !== 'number'",
  [B]: "typeof v !== 'boolean'",
  [STRINGS]: '!allStrings(v)',
}

/**
 * The same copier as straight-line code: property names known in advance let V8 cache each
 * lookup, which a loop over names cannot (it is several times faster on this hot path). The
 * names are this file's own constants, never input. Falls back to the loop where generating
 * code is disallowed.
 */
function compileFields(fields: Fields): Copier {
  if (!fields.every(([name]) => /^[a-z_][a-z0-9_]*$/.test(name))) return interpretFields(fields)
  const body = fields
    .map(([name, kind]) => `v = src.${name}; if (v !== undefined) { if (${TYPE_TESTS[kind]}) return false; dst.${name} = v }`)
    .join('\n')
  try {
    const make = new Function('allStrings', `return function copy(src, dst) { let v\n${body}\nreturn true }`)
    return make(allStrings) as Copier
  } catch {
    return interpretFields(fields)
  }
}

function allStrings(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false
  return true
}

const copyMeta = compileFields(META_SCALARS)
const SIMPLE_SUBS = SIMPLE_SUBS_SPEC.map(([name, fields]) => [name, compileFields(fields)] as const)
const copySsl = compileFields(SSL_FIELDS)
const copyRiskScores = compileFields(RISK_SCORES)
const copyCounters = compileFields(COUNTER_FIELDS)
const copyTcp = compileFields(TCP_FIELDS)

function allNumbers(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') return false
  return true
}

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
  for (let i = 0; i < COUNTER_REQUIRED.length; i++) if (raw[COUNTER_REQUIRED[i]] === undefined) return undefined
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
