/**
 * A small in-memory model with a single "changed since last drain" set, as the real model
 * offers, for driving the publisher in tests.
 */
import type { ModelChanges, SettingsState, SnapshotBody, ViewSource } from '../../../src-main/core/publish/view-source'
import type {
  AgentView, AlertView, AppSeriesView, ApplicationView, DeviceView, FlowRow, ThroughputPoint,
} from '../../../src-main/contract/views'
import { sampleSettings } from '../../contract/sample-views'

export class FakeViewSource implements ViewSource {
  readonly flows = new Map<string, FlowRow>()
  readonly devices = new Map<string, DeviceView>()
  readonly applications = new Map<number, ApplicationView>()
  readonly alerts = new Map<string, AlertView>()
  agentList: AgentView[] = []
  ring: ThroughputPoint[] = []
  series: AppSeriesView = { t: [], series: [] }
  state: SettingsState = { demo: false, profiles: [], settings: sampleSettings() }
  drains = 0
  private changes = FakeViewSource.noChanges()

  private static noChanges() {
    return {
      agents: false, devices: new Set<string>(), flows: new Set<string>(), applications: new Set<number>(),
      alerts: new Set<string>(), throughput: [] as ThroughputPoint[], appSeries: false, settings: false,
    }
  }

  /** Loads flows without reporting them as changes (the state before a client attaches). */
  seedFlows(rows: FlowRow[]): void {
    for (const row of rows) this.flows.set(row.key, row)
  }

  putFlow(row: FlowRow): void {
    this.flows.set(row.key, row)
    this.changes.flows.add(row.key)
  }

  removeFlow(key: string): void {
    this.flows.delete(key)
    this.changes.flows.add(key)
  }

  putDevice(device: DeviceView): void {
    this.devices.set(device.mac, device)
    this.changes.devices.add(device.mac)
  }

  putApplication(app: ApplicationView): void {
    this.applications.set(app.id, app)
    this.changes.applications.add(app.id)
  }

  putAlert(alert: AlertView): void {
    this.alerts.set(alert.id, alert)
    this.changes.alerts.add(alert.id)
  }

  setAgents(agents: AgentView[]): void {
    this.agentList = agents
    this.changes.agents = true
  }

  appendThroughput(point: ThroughputPoint): void {
    this.ring.push(point)
    this.changes.throughput.push(point)
  }

  updateSettings(patch: Partial<SettingsState>): void {
    this.state = { ...this.state, ...patch }
    this.changes.settings = true
  }

  snapshot(now: number): SnapshotBody {
    return {
      at: now, ...this.state, agents: this.agentList, devices: [...this.devices.values()],
      flows: [...this.flows.values()], applications: [...this.applications.values()],
      alerts: [...this.alerts.values()], throughput: this.ring.slice(), appSeries: this.series,
    }
  }

  drainChanges(): ModelChanges {
    this.drains += 1
    const drained = this.changes
    this.changes = FakeViewSource.noChanges()
    return drained
  }

  agents(): AgentView[] { return this.agentList }
  device(mac: string): DeviceView | undefined { return this.devices.get(mac) }
  flowRow(key: string): FlowRow | undefined { return this.flows.get(key) }
  application(id: number): ApplicationView | undefined { return this.applications.get(id) }
  alert(id: string): AlertView | undefined { return this.alerts.get(id) }
  appSeries(): AppSeriesView { return this.series }
  settingsState(): SettingsState { return this.state }
}
