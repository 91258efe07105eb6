/**
 * Small builders for the contract's view objects, so a test states only the fields it is about.
 */
import type {
  AgentView, AlertView, ApplicationView, DeviceView, FlowRow, ProfileView, SettingsView, Snapshot,
} from '@contract/views'
import { sampleSettings } from '../contract/sample-views'

export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)

export function makeSettings(over: Partial<SettingsView> = {}): SettingsView {
  return { ...sampleSettings(), ...over }
}

export function makeDevice(mac: string, over: Partial<DeviceView> = {}): DeviceView {
  return {
    mac, localAdmin: false, ips: [], agents: ['a1'], firstSeen: T0 - 3_600_000, lastSeen: T0,
    bytesSent: 0, bytesReceived: 0, rateOut: 0, rateIn: 0, activeFlows: 0, applications: [], riskCount: 0,
    ...over,
  }
}

export function makeFlow(key: string, over: Partial<FlowRow> = {}): FlowRow {
  const [agentId, digest] = key.split('/')
  return {
    key, agentId, digest, protocol: 'TLS', application: 'netify.unknown', risks: [], riskScore: 0,
    bytesOut: 0, bytesIn: 0, totalBytes: 0, rateOut: 0, rateIn: 0, ...over,
  }
}

export function makeApplication(id: number, name: string, over: Partial<ApplicationView> = {}): ApplicationView {
  return { id, name, rate: 0, bytes: 0, flows: 0, devices: 0, spark: [], ...over }
}

export function makeAlert(id: string, over: Partial<AlertView> = {}): AlertView {
  return {
    id, kind: 'risk', severity: 'medium', state: 'new', title: `Alert ${id}`, explanation: '',
    count: 1, firstSeen: T0, lastSeen: T0, ...over,
  }
}

export function makeAgent(id: string, over: Partial<AgentView> = {}): AgentView {
  return {
    id, label: id, source: 'tcp://127.0.0.1:7150', updateInterval: 15,
    connection: { status: 'connected', since: T0 - 60_000, attempt: 0 },
    cpuHistory: [], rssHistory: [], interfaces: [], blindSpots: [],
    decode: { records: {}, invalid: 0, unknownTypes: 0, unknownFields: {}, recentErrors: [] },
    ...over,
  }
}

export function makeProfile(id: string, over: Partial<ProfileView> = {}): ProfileView {
  return { id, name: `Profile ${id}`, agents: [{ label: 'router', source: 'tcp://192.168.1.1:7150', enabled: true }], ...over }
}

export function makeSnapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 1, at: T0, demo: false, profiles: [], settings: makeSettings(), agents: [], devices: [], flows: [],
    applications: [], alerts: [], throughput: [], appSeries: { t: [], series: [] },
    ...over,
  }
}
