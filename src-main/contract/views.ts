/**
 * What the renderer sees of the model: plain, JSON-safe view objects.
 *
 * The core projects its model onto these types; both bridges (Electron IPC and WebSocket) carry
 * them unchanged, so the renderer never depends on core internals. Times are epoch milliseconds,
 * byte rates are bytes per second.
 */

export type ConnectionStatus = 'connecting' | 'connected' | 'stalled' | 'disconnected' | 'stopped'

export interface ConnectionStateView {
  status: ConnectionStatus
  /** When the connection entered this status. */
  since: number
  /** The last error message (socket error, reset before any byte, refused frame...). */
  lastError?: string
  /** Consecutive failed attempts since the last good connection. */
  attempt: number
  /** When the next reconnect attempt is due (status `disconnected`). */
  nextRetryAt?: number
}

export interface DecodeErrorView {
  agentId: string
  offset: number
  message: string
  at: number
}

export interface DecodeStatsView {
  /** Count per record type, unknown types included. */
  records: Record<string, number>
  invalid: number
  unknownTypes: number
  /** Count per unknown field name (`type.field`), so new agent fields stay visible. */
  unknownFields: Record<string, number>
  /** The most recent errors and invalid records, newest last (bounded). */
  recentErrors: DecodeErrorView[]
}

export type BlindSpotKind = 'capture_drops' | 'queue_drops' | 'flow_drops' | 'stalled' | 'disconnected' | 'restart'

/** A period during which the agent's view of the network was incomplete. */
export interface BlindSpotView {
  kind: BlindSpotKind
  agentId: string
  interface?: string
  start: number
  /** Absent while the blind spot is still open. */
  end?: number
  detail: string
}

export interface InterfaceView {
  agentId: string
  name: string
  role?: string
  mac?: string
  addrs: string[]
  state?: number
  captureType?: string
  /** Wire bytes per second over the last interval. */
  wireRate: number
  /** Packets (raw) per second over the last interval. */
  packetRate: number
  captureDropped: number
  queueDropped: number
  flowDropped: number
}

export interface AgentView {
  id: string
  label: string
  source: string
  connection: ConnectionStateView
  version?: string
  build?: string
  jsonVersion?: number
  uptime?: number
  updateInterval: number
  /** CPU % of one core summed over user+system, from the status deltas. */
  cpuPercent?: number
  rssKb?: number
  flowCount?: number
  /** Recent samples for sparklines, oldest first (bounded). */
  cpuHistory: number[]
  rssHistory: number[]
  interfaces: InterfaceView[]
  blindSpots: BlindSpotView[]
  decode: DecodeStatsView
  lastStatusAt?: number
}

export interface DeviceView {
  /** Lowercase MAC: the device's identity across agents. */
  mac: string
  alias?: string
  vendor?: string
  /** Locally administered (often randomised) MAC. */
  localAdmin: boolean
  ips: string[]
  agents: string[]
  firstSeen: number
  lastSeen: number
  /** Bytes this device sent (local side) and received (other side), summed from interval deltas. */
  bytesSent: number
  bytesReceived: number
  rateOut: number
  rateIn: number
  activeFlows: number
  applications: string[]
  riskCount: number
}

/** One row of the flow table: compact; `flow.detail` returns every field. */
export interface FlowRow {
  /** `${agentId}/${digest}` */
  key: string
  agentId: string
  digest: string
  iface?: string
  ipVersion?: number
  ipProtocol?: number
  localMac?: string
  localIp?: string
  localPort?: number
  otherIp?: string
  otherPort?: number
  otherType?: string
  /** true: the local side spoke first (outbound). */
  localOrigin?: boolean
  protocolId?: number
  protocol: string
  applicationId?: number
  application: string
  /** SNI, host_server_name or DNS name, whichever the agent found. */
  host?: string
  risks: number[]
  riskScore: number
  bytesOut: number
  bytesIn: number
  totalBytes: number
  rateOut: number
  rateIn: number
  firstSeen?: number
  lastSeen?: number
  /** Set once purged: `closed`, `expired`, `terminated`... */
  closedReason?: string
  closedAt?: number
}

export interface RiskDetail {
  id: number
  name: string
  explanation: string
}

/** Every field the records carried for one flow, for the detail drawer. */
export interface FlowDetail {
  row: FlowRow
  risks: RiskDetail[]
  /** The decoded flow metadata, netifyd field names kept (TLS, HTTP, DNS, SSH, mDNS, DHCP...). */
  metadata: Record<string, unknown>
  /** Latest counters as received. */
  counters?: Record<string, unknown>
}

export interface ApplicationView {
  id: number
  name: string
  /** Bytes per second over the latest interval. */
  rate: number
  /** Bytes over the live window (15 min). */
  bytes: number
  flows: number
  devices: number
  /** Rate samples across the live window, oldest first, for sparklines. */
  spark: number[]
}

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical'
export type AlertKind = 'risk' | 'new_device' | 'new_application' | 'traffic_threshold' | 'agent_down' | 'agent_stalled' | 'capture_drops'
export type AlertState = 'new' | 'acknowledged' | 'muted' | 'snoozed'

export interface AlertView {
  id: string
  kind: AlertKind
  severity: Severity
  state: AlertState
  snoozedUntil?: number
  title: string
  explanation: string
  agentId?: string
  device?: string
  deviceName?: string
  application?: string
  host?: string
  riskId?: number
  riskName?: string
  count: number
  firstSeen: number
  lastSeen: number
}

/** One bucket of the live throughput ring. */
export interface ThroughputPoint {
  t: number
  in: number
  out: number
}

/** Per-application rate series over the live window, aligned on `t`. */
export interface AppSeriesView {
  t: number[]
  series: Array<{ id: number; name: string; values: number[] }>
}

export interface AgentProfileEntry {
  label: string
  /** `tcp://host:port` or `unix:/path` */
  source: string
  updateIntervalHint?: number
  enabled: boolean
}

export interface ProfileView {
  id: string
  name: string
  agents: AgentProfileEntry[]
  /**
   * Set on profiles the app makes rather than stores: the embedded demo agents (recordings on
   * temporary ports, so neither editable nor worth copying) and the agents given on the command
   * line (copy them to keep them).
   */
  builtIn?: 'demo' | 'command-line'
}

export interface NotificationPolicySettings {
  minSeverity: Severity
  ratePerMinute: number
  quietHours?: { start: string; end: string }
  disabledKinds: AlertKind[]
}

export interface SettingsView {
  theme: 'system' | 'light' | 'dark'
  closeToTray: boolean
  retentionDays: number
  flowTableCap: number
  learningHours: number
  trafficThresholdBytes?: number
  notifications: NotificationPolicySettings
}

export interface Snapshot {
  seq: number
  at: number
  demo: boolean
  activeProfileId?: string
  profiles: ProfileView[]
  settings: SettingsView
  notificationsPausedUntil?: number
  /** Messages about the app's own files (a corrupt database moved aside...) and profiles, newest last. */
  notices?: string[]
  agents: AgentView[]
  devices: DeviceView[]
  flows: FlowRow[]
  applications: ApplicationView[]
  alerts: AlertView[]
  throughput: ThroughputPoint[]
  appSeries: AppSeriesView
}

export interface Upserts<T, K> {
  upsert: T[]
  remove: K[]
}

/**
 * Changes since the previous batch. Sections are present only when something in them changed,
 * so a batch's size follows what changed, not how many flows exist.
 */
export interface DeltaBatch {
  seq: number
  at: number
  agents?: AgentView[]
  devices?: Upserts<DeviceView, string>
  flows?: Upserts<FlowRow, string>
  applications?: Upserts<ApplicationView, number>
  alerts?: Upserts<AlertView, string>
  /** Points appended to the throughput ring (the renderer trims to the window). */
  throughput?: ThroughputPoint[]
  appSeries?: AppSeriesView
  profiles?: ProfileView[]
  activeProfileId?: string
  settings?: SettingsView
  notificationsPausedUntil?: number | null
  demo?: boolean
  notices?: string[]
}

export type AppView = 'overview' | 'devices' | 'applications' | 'flows' | 'alerts' | 'agents' | 'history' | 'settings'

/** Asks the UI to show something (a notification was clicked). */
export interface NavigateRequest {
  view: AppView
  alertId?: string
  device?: string
}

export interface HistoryRow {
  /** Minute bucket start. */
  t: number
  device: string
  application: string
  bytesSent: number
  bytesReceived: number
}
