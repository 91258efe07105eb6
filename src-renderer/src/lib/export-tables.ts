/**
 * Column sets for exporting flows, devices and alerts. The Flows, Alerts and Devices views hand
 * their current rows and one of these to `downloadRows`; the `*ToCsv` shorthands encode a table.
 */
import type { AlertView, DeviceView, FlowRow } from '@contract/views'
import { isoTime, toCsv, type CsvColumn } from './export-format'

export const FLOW_CSV_COLUMNS: ReadonlyArray<CsvColumn<FlowRow>> = [
  { header: 'agent', value: (f) => f.agentId },
  { header: 'digest', value: (f) => f.digest },
  { header: 'interface', value: (f) => f.iface },
  { header: 'ip_version', value: (f) => f.ipVersion },
  { header: 'ip_protocol', value: (f) => f.ipProtocol },
  { header: 'local_mac', value: (f) => f.localMac },
  { header: 'local_ip', value: (f) => f.localIp },
  { header: 'local_port', value: (f) => f.localPort },
  { header: 'other_ip', value: (f) => f.otherIp },
  { header: 'other_port', value: (f) => f.otherPort },
  { header: 'other_type', value: (f) => f.otherType },
  { header: 'local_origin', value: (f) => f.localOrigin },
  { header: 'protocol', value: (f) => f.protocol },
  { header: 'application', value: (f) => f.application },
  { header: 'host', value: (f) => f.host },
  { header: 'risks', value: (f) => f.risks },
  { header: 'risk_score', value: (f) => f.riskScore },
  { header: 'bytes_out', value: (f) => f.bytesOut },
  { header: 'bytes_in', value: (f) => f.bytesIn },
  { header: 'total_bytes', value: (f) => f.totalBytes },
  { header: 'rate_out', value: (f) => f.rateOut },
  { header: 'rate_in', value: (f) => f.rateIn },
  { header: 'first_seen', value: (f) => isoTime(f.firstSeen) },
  { header: 'last_seen', value: (f) => isoTime(f.lastSeen) },
  { header: 'closed_reason', value: (f) => f.closedReason },
  { header: 'closed_at', value: (f) => isoTime(f.closedAt) },
]

export const DEVICE_CSV_COLUMNS: ReadonlyArray<CsvColumn<DeviceView>> = [
  { header: 'mac', value: (d) => d.mac },
  { header: 'alias', value: (d) => d.alias },
  { header: 'vendor', value: (d) => d.vendor },
  { header: 'locally_administered', value: (d) => d.localAdmin },
  { header: 'ips', value: (d) => d.ips },
  { header: 'agents', value: (d) => d.agents },
  { header: 'first_seen', value: (d) => isoTime(d.firstSeen) },
  { header: 'last_seen', value: (d) => isoTime(d.lastSeen) },
  { header: 'bytes_sent', value: (d) => d.bytesSent },
  { header: 'bytes_received', value: (d) => d.bytesReceived },
  { header: 'rate_out', value: (d) => d.rateOut },
  { header: 'rate_in', value: (d) => d.rateIn },
  { header: 'active_flows', value: (d) => d.activeFlows },
  { header: 'applications', value: (d) => d.applications },
  { header: 'risk_count', value: (d) => d.riskCount },
]

export const ALERT_CSV_COLUMNS: ReadonlyArray<CsvColumn<AlertView>> = [
  { header: 'id', value: (a) => a.id },
  { header: 'kind', value: (a) => a.kind },
  { header: 'severity', value: (a) => a.severity },
  { header: 'state', value: (a) => a.state },
  { header: 'snoozed_until', value: (a) => isoTime(a.snoozedUntil) },
  { header: 'title', value: (a) => a.title },
  { header: 'explanation', value: (a) => a.explanation },
  { header: 'agent', value: (a) => a.agentId },
  { header: 'device', value: (a) => a.device },
  { header: 'device_name', value: (a) => a.deviceName },
  { header: 'application', value: (a) => a.application },
  { header: 'host', value: (a) => a.host },
  { header: 'risk_id', value: (a) => a.riskId },
  { header: 'risk_name', value: (a) => a.riskName },
  { header: 'count', value: (a) => a.count },
  { header: 'first_seen', value: (a) => isoTime(a.firstSeen) },
  { header: 'last_seen', value: (a) => isoTime(a.lastSeen) },
]

export const flowsToCsv = (rows: readonly FlowRow[]): string => toCsv(rows, FLOW_CSV_COLUMNS)
export const devicesToCsv = (devices: readonly DeviceView[]): string => toCsv(devices, DEVICE_CSV_COLUMNS)
export const alertsToCsv = (alerts: readonly AlertView[]): string => toCsv(alerts, ALERT_CSV_COLUMNS)
