/**
 * zod schemas for the flow family (flow, flow_dpi_update, flow_stats, flow_purge,
 * flow_dpi_complete). They check the types of the fields the model reads and nothing more, so
 * validation stays cheap on the hot path; fields they do not name are stripped here and
 * carried separately (see `known-fields.ts` and `FlowMetadata.extra`).
 */
import { z } from 'zod'
import type { FlowCounters, FlowMetadata, FlowRisks, FlowSsl } from './agent-event'

const str = z.string().optional()
const num = z.number().optional()
const bool = z.boolean().optional()
const strings = z.array(z.string()).optional()

/** `ssl.client` / `ssl.server` are json_version 1.8's names for `client_sni` / `server_cn`. */
export const flowSslShape = {
  version: str, cipher_suite: str, client_sni: str, server_cn: str, issuer_dn: str, subject_dn: str,
  client_ja3: str, client_ja4: str, server_ja3: str, fingerprint: str, alpn: strings, alpn_server: strings,
  client: str, server: str,
}

const flowSslSchema = z.object(flowSslShape).transform(({ client, server, ...ssl }): FlowSsl => {
  if (client !== undefined && ssl.client_sni === undefined) ssl.client_sni = client
  if (server !== undefined && ssl.server_cn === undefined) ssl.server_cn = server
  return ssl
})

/** Agents omit empty arrays, so a risks object may come without `risks`. */
const flowRisksSchema = z.object({
  risks: z.array(z.number()).default([]),
  ndpi_risk_score: num, ndpi_risk_score_client: num, ndpi_risk_score_server: num,
})

/** Sub-objects of `flow` that the model reads, by name (used to find their unknown keys). */
export const flowSubObjectShapes: Record<string, Record<string, unknown>> = {
  ssl: flowSslShape,
  category: { application: num, protocol: num, domain: num, network: num },
  risks: flowRisksSchema.shape,
  http: { user_agent: str, url: str },
  dhcp: { fingerprint: str, class_ident: str },
  ssh: { client: str, server: str },
  mdns: { answer: str },
  bt: { info_hash: str },
}

export const flowMetadataShape = {
  digest: z.string(),
  ip_version: num, ip_protocol: num, vlan_id: num,
  local_mac: str, other_mac: str, local_ip: str, other_ip: str, local_port: num, other_port: num,
  other_type: str, local_origin: bool,
  detected_protocol: num, detected_protocol_name: str,
  detected_application: num, detected_application_name: str,
  detection_guessed: bool, detection_updated: bool,
  category: z.object({ application: num, protocol: num, domain: num, network: num }).optional(),
  risks: flowRisksSchema.optional(),
  first_seen_at: num, last_seen_at: num,
  host_server_name: str, dns_host_name: str,
  ssl: flowSslSchema.optional(),
  http: z.object({ user_agent: str, url: str }).optional(),
  dhcp: z.object({ fingerprint: str, class_ident: str }).optional(),
  ssh: z.object({ client: str, server: str }).optional(),
  mdns: z.object({ answer: str }).optional(),
  bt: z.object({ info_hash: str }).optional(),
  /** 4.x sends SSDP headers as a map, 5.x `{user_agent}`: string pairs either way. */
  ssdp: z.record(z.string(), z.string()).optional(),
}

export const flowMetadataSchema = z.object(flowMetadataShape)

export const flowCountersShape = {
  digest: z.string(),
  last_seen_at: num,
  local_bytes: z.number(), local_packets: z.number(), other_bytes: z.number(), other_packets: z.number(),
  total_bytes: num, total_packets: num, detection_packets: num, local_rate: num, other_rate: num,
  tcp: z.object({ seq_errors: num, resets: num, retrans: num }).optional(),
}

export const flowCountersSchema = z.object(flowCountersShape)

const placement = { interface: str, internal: bool }

/** `flow` and `flow_dpi_update`: detection metadata (the latter also carries counters). */
export const flowRecordSchema = z.object({ ...placement, flow: flowMetadataSchema })

/** `flow_stats`, `flow_purge`, `flow_dpi_complete`. */
export const countersRecordSchema = z.object({ ...placement, reason: str, flow: flowCountersSchema })

/* Type-level checks: what the schemas let through is what the event types promise. */
type Assignable<T extends U, U> = T extends U ? true : never
export type FlowSchemaChecks = [
  Assignable<z.output<typeof flowMetadataSchema>, Omit<FlowMetadata, 'extra'>>,
  Assignable<z.output<typeof flowCountersSchema>, FlowCounters>,
  Assignable<z.output<typeof flowRisksSchema>, FlowRisks>,
  Assignable<z.output<typeof flowSslSchema>, FlowSsl>,
]
