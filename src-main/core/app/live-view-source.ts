/**
 * Adapts the live monitor (model + alert book) and the app's settings state to the publisher's
 * `ViewSource`: key sets become the publisher's lists, and views are looked up at batch time so a
 * value that changed many times between two batches is projected once.
 */
import type { LiveMonitor } from '../alerts/live-monitor'
import type { ModelChanges, SettingsState, SnapshotBody, ViewSource } from '../publish/view-source'

export interface LiveViewSourceDeps {
  live: LiveMonitor
  settingsState(): SettingsState
  /** True once since the last drain when profiles, settings, pause or demo changed. */
  takeSettingsChanged(): boolean
  /** Alerts added or changed since the last drain, for the database. */
  alertsChanged(ids: string[]): void
  now(): number
}

export function createLiveViewSource(deps: LiveViewSourceDeps): ViewSource {
  const { live, now } = deps
  return {
    snapshot(at: number): SnapshotBody {
      const model = live.model
      return {
        at,
        ...deps.settingsState(),
        agents: model.agents(),
        devices: model.devices(),
        flows: model.flows(),
        applications: model.applications(at),
        alerts: live.alerts(),
        throughput: model.throughput(at),
        appSeries: model.appSeries(at),
      }
    },
    drainChanges(): ModelChanges {
      const c = live.drainChanges()
      const settings = deps.takeSettingsChanged()
      if (c.alerts.size > 0) deps.alertsChanged([...c.alerts])
      return {
        agents: c.agents.size > 0,
        devices: [...c.devices, ...c.devicesRemoved],
        flows: [...c.flows, ...c.flowsRemoved],
        applications: [...c.applications, ...c.applicationsRemoved],
        alerts: [...c.alerts, ...c.alertsRemoved],
        throughput: c.throughput,
        // The app series is sampled at completed buckets, as the throughput points are.
        appSeries: c.throughput.length > 0,
        settings,
      }
    },
    agents: () => live.model.agents(),
    device: (mac) => live.model.device(mac),
    flowRow: (key) => live.model.flow(key),
    application: (id) => live.model.application(id, now()),
    alert: (id) => live.alert(id),
    appSeries: () => live.model.appSeries(now()),
    settingsState: () => deps.settingsState(),
  }
}
