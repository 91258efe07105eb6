/** Hand-made events for unit tests, shaped exactly like the decoder's output. */
import type { AgentEvent, AgentStatus, FlowCounters, FlowMetadata, InterfaceCounters } from '../../../src-main/core/records/agent-event'

export function flow(meta: Partial<FlowMetadata> & { digest: string }, type: 'flow' | 'flow_dpi_update' = 'flow', counters?: FlowCounters): AgentEvent {
  return {
    kind: 'flow', type, offset: 0, interface: 'eth0', internal: true,
    flow: { local_mac: '00:1b:63:00:00:01', local_ip: '192.168.1.10', other_ip: '93.184.216.34', detected_protocol: 91, detected_protocol_name: 'TLS', detected_application: 0, detected_application_name: 'Unknown', ...meta },
    ...(counters ? { counters } : {}),
  }
}

export function counters(type: 'flow_stats' | 'flow_purge' | 'flow_dpi_complete', c: Partial<FlowCounters> & { digest: string }, reason?: string): AgentEvent {
  return {
    kind: 'counters', type, offset: 0, interface: 'eth0',
    counters: { local_bytes: 0, local_packets: 0, other_bytes: 0, other_packets: 0, ...c },
    ...(reason ? { reason } : {}),
  }
}

export function status(s: AgentStatus): AgentEvent {
  return { kind: 'status', offset: 0, status: { update_interval: 5, ...s } }
}

export function ifaceStats(name: string, c: InterfaceCounters): AgentEvent {
  return { kind: 'interface_stats', offset: 0, stats: { [name]: c } }
}
