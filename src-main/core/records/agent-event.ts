/**
 * The one shape the rest of the app sees, whatever agent version or framing produced it.
 *
 * The decoder (framing -> zod schemas -> normalise) turns every record into exactly one
 * `AgentEvent`. Field names inside `flow`, `counters` and `status` keep netifyd's own spelling
 * (they are decoded records); the model renames them to domain names.
 *
 * 4.x `agent_status.devices / interfaces / stats` are split out of the status record into
 * `endpoints`, `interfaces` and `interface_stats` events, exactly as 5.x sends them.
 */

/** Where a record began in its connection's byte stream (after decompression, see `offset`). */
export interface RecordOrigin {
  /** Byte offset of the record's frame in the raw stream received from the agent. */
  offset: number
}

export interface FlowRisks {
  risks: number[]
  ndpi_risk_score?: number
  ndpi_risk_score_client?: number
  ndpi_risk_score_server?: number
}

export interface FlowSsl {
  version?: string
  cipher_suite?: string
  client_sni?: string
  server_cn?: string
  issuer_dn?: string
  subject_dn?: string
  client_ja3?: string
  client_ja4?: string
  server_ja3?: string
  fingerprint?: string
  alpn?: string[]
  alpn_server?: string[]
}

/** Metadata a `flow` or `flow_dpi_update` record carries (flow.* in the record). */
export interface FlowMetadata {
  digest: string
  ip_version?: number
  ip_protocol?: number
  vlan_id?: number
  local_mac?: string
  other_mac?: string
  local_ip?: string
  other_ip?: string
  local_port?: number
  other_port?: number
  other_type?: string
  local_origin?: boolean
  detected_protocol?: number
  detected_protocol_name?: string
  detected_application?: number
  detected_application_name?: string
  detection_guessed?: boolean
  detection_updated?: boolean
  category?: { application?: number; protocol?: number; domain?: number; network?: number }
  risks?: FlowRisks
  first_seen_at?: number
  last_seen_at?: number
  host_server_name?: string
  dns_host_name?: string
  ssl?: FlowSsl
  http?: { user_agent?: string; url?: string }
  dhcp?: { fingerprint?: string; class_ident?: string }
  ssh?: { client?: string; server?: string }
  mdns?: { answer?: string }
  bt?: { info_hash?: string }
  /** 4.x: a header map; 5.x: `{user_agent}`. Kept as string pairs either way. */
  ssdp?: Record<string, string>
  /** Any other sub-object or field newer agents add (gtp, stun, tags, conntrack...). */
  extra?: Record<string, unknown>
}

/** Interval deltas and cumulative totals (flow_stats, flow_purge, flow_dpi_complete; also in 5.x flow_dpi_update). */
export interface FlowCounters {
  digest: string
  last_seen_at?: number
  /** Deltas for the last interval: the agent resets them after each update. */
  local_bytes: number
  local_packets: number
  other_bytes: number
  other_packets: number
  /** Cumulative since the flow began. */
  total_bytes?: number
  total_packets?: number
  detection_packets?: number
  local_rate?: number
  other_rate?: number
  tcp?: { seq_errors?: number; resets?: number; retrans?: number }
}

export interface AgentStatus {
  timestamp?: number
  uptime?: number
  update_interval?: number
  cpu_cores?: number
  cpu_user?: number
  cpu_user_prev?: number
  cpu_system?: number
  cpu_system_prev?: number
  flow_count?: number
  flow_count_prev?: number
  maxrss_kb?: number
  maxrss_kb_prev?: number
  tcm_kb?: number
  dhc_status?: boolean
  dhc_size?: number
  flows_active?: number
  flows_expired?: number
  flows_expiring?: number
  flows_in_use?: number
  flows_purged?: number
}

export interface InterfaceInfo {
  /** Upper-cased: `LAN`, `WAN`, or whatever else the agent said. */
  role?: string
  mac?: string
  addr?: string[]
  /** 4.x reports a numeric link state; 5.x does not. */
  state?: number
  capture_type?: string
}

/** Cumulative since agent start. 4.x `tcp_seq_error` is renamed `tcp_seq_errors`. */
export type InterfaceCounters = Partial<Record<InterfaceCounterName, number>>

export const INTERFACE_COUNTER_NAMES = [
  'raw', 'ethernet', 'mpls', 'pppoe', 'vlan', 'fragmented', 'discarded', 'discarded_bytes',
  'largest_bytes', 'ip', 'tcp', 'tcp_seq_errors', 'tcp_resets', 'udp', 'icmp', 'igmp', 'ip_bytes',
  'wire_bytes', 'flow_dropped', 'queue_dropped', 'capture_dropped', 'capture_filtered',
  'pcap_recv', 'pcap_drop', 'pcap_ifdrop',
] as const
export type InterfaceCounterName = (typeof INTERFACE_COUNTER_NAMES)[number]

export type AgentEvent =
  | (RecordOrigin & { kind: 'hello'; agent_version: string; build_version?: string; json_version?: number })
  | (RecordOrigin & { kind: 'status'; status: AgentStatus })
  | (RecordOrigin & {
      kind: 'definitions'
      protocols: Array<{ id: number; tag: string }>
      applications: Array<{ id: number; tag: string }>
    })
  | (RecordOrigin & {
      kind: 'flow'
      /** `flow`: detection (again with detection_updated); `flow_dpi_update`: 5.x metadata update. */
      type: 'flow' | 'flow_dpi_update'
      interface?: string
      internal?: boolean
      flow: FlowMetadata
      /** 5.x flow_dpi_update also carries counters. */
      counters?: FlowCounters
    })
  | (RecordOrigin & {
      kind: 'counters'
      type: 'flow_stats' | 'flow_purge' | 'flow_dpi_complete'
      interface?: string
      internal?: boolean
      counters: FlowCounters
      /** flow_purge only: `closed`, `expired`, `terminated` (4.x shutdown) or another string. */
      reason?: string
    })
  | (RecordOrigin & { kind: 'interfaces'; interfaces: Record<string, InterfaceInfo> })
  | (RecordOrigin & { kind: 'endpoints'; endpoints: Record<string, string[]> })
  | (RecordOrigin & { kind: 'interface_stats'; stats: Record<string, InterfaceCounters> })
  | (RecordOrigin & { kind: 'global_stats'; counters: InterfaceCounters })
  /** A well-formed record of a type this app does not model (e.g. `flow_intel`): counted and shown. */
  | (RecordOrigin & { kind: 'unknown'; type: string; record: Record<string, unknown> })
  /** A record whose fields have the wrong type: counted, shown with offset and zod path. */
  | (RecordOrigin & { kind: 'invalid'; type: string; path: string; message: string })

export type AgentEventKind = AgentEvent['kind']
