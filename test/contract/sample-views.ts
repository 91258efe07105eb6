/**
 * Small, valid view objects for tests that need the contract's shapes without a model.
 */
import type {
  AgentView, AlertView, ApplicationView, DeltaBatch, DeviceView, FlowRow, SettingsView, Snapshot,
} from '../../src-main/contract/views'

export function sampleSettings(): SettingsView {
  return {
    theme: 'system',
    closeToTray: true,
    retentionDays: 30,
    flowTableCap: 50_000,
    learningHours: 24,
    notifications: { minSeverity: 'medium', ratePerMinute: 6, disabledKinds: [] },
  }
}

export function sampleFlowRow(key: string, totalBytes = 0): FlowRow {
  const [agentId, digest] = key.split('/')
  return {
    key, agentId, digest, protocol: 'TLS', application: 'netify.example', risks: [], riskScore: 0,
    bytesOut: totalBytes, bytesIn: 0, totalBytes, rateOut: 0, rateIn: 0,
  }
}

export function sampleDevice(mac: string, bytesSent = 0): DeviceView {
  return {
    mac, localAdmin: false, ips: [], agents: ['agent-1'], firstSeen: 1, lastSeen: 1,
    bytesSent, bytesReceived: 0, rateOut: 0, rateIn: 0, activeFlows: 0, applications: [], riskCount: 0,
  }
}

export function sampleApplication(id: number, rate = 0): ApplicationView {
  return { id, name: `app-${id}`, rate, bytes: 0, flows: 0, devices: 0, spark: [] }
}

export function sampleAlert(id: string): AlertView {
  return {
    id, kind: 'risk', severity: 'high', state: 'new', title: 'Risk', explanation: 'A risky flow',
    count: 1, firstSeen: 1, lastSeen: 1,
  }
}

export function sampleAgent(id: string, flowCount = 0): AgentView {
  return {
    id, label: id, source: 'tcp://127.0.0.1:7150', updateInterval: 15, flowCount,
    connection: { status: 'connected', since: 1, attempt: 0 },
    cpuHistory: [], rssHistory: [], interfaces: [], blindSpots: [],
    decode: { records: {}, invalid: 0, unknownTypes: 0, unknownFields: {}, recentErrors: [] },
  }
}

export function emptySnapshot(seq: number, at = 0): Snapshot {
  return {
    seq, at, demo: false, profiles: [], settings: sampleSettings(), agents: [], devices: [], flows: [],
    applications: [], alerts: [], throughput: [], appSeries: { t: [], series: [] },
  }
}

export function sampleDelta(seq: number): DeltaBatch {
  return { seq, at: 1000 + seq, flows: { upsert: [sampleFlowRow('agent-1/abc', 42)], remove: ['agent-1/gone'] } }
}
