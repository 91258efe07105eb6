/**
 * Drives every store from the core's pushes: a snapshot replaces everything, a delta applies on
 * top when its `seq` follows the last one; on a gap the module asks for a fresh snapshot and
 * holds later deltas until it arrives, so the UI never shows a model with a hole in it.
 */
import type { Bridge } from '@contract/contract'
import type {
  AgentView, AlertView, AppSeriesView, ApplicationView, DeltaBatch, DeviceView, FlowRow, ProfileView,
  SettingsView, Snapshot, ThroughputPoint, Upserts,
} from '@contract/views'
import { routeForNavigate, type Route } from '../lib/route'
import type { ObservableConnection } from '../bridge/connection-state'

export interface KeyedTarget<T, K> {
  replaceAll(items: readonly T[]): void
  applyUpserts(u: Upserts<T, K>): void
}

/** What the sync module writes to; the Pinia stores satisfy it (see sync-targets.ts). */
export interface SyncTargets {
  agents: KeyedTarget<AgentView, string>
  devices: KeyedTarget<DeviceView, string>
  flows: KeyedTarget<FlowRow, string>
  applications: KeyedTarget<ApplicationView, number>
  alerts: KeyedTarget<AlertView, string>
  profiles: KeyedTarget<ProfileView, string> & { setActive(id: string | undefined): void }
  settings: { setSettings(s: SettingsView): void; setPausedUntil(until: number | null | undefined): void }
  traffic: {
    replaceThroughput(p: readonly ThroughputPoint[]): void
    appendPoints(p: readonly ThroughputPoint[]): void
    setAppSeries(s: AppSeriesView): void
  }
  ui: { navigate(r: Route): void; noteBatch(at: number, demo: boolean | undefined, notices?: string[]): void }
}

export interface SyncOptions {
  /** The document whose visibility is reported; absent in tests that do not care. */
  doc?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'>
  /** Called when a resync request fails. */
  onError?: (err: unknown) => void
  /** The bridge's connection state, when it can drop (the WebSocket bridge). */
  connection?: ObservableConnection
}

/** Deltas held while a resync is in flight; beyond this the snapshot will cover them anyway. */
const MAX_HELD = 200

export function applySnapshot(t: SyncTargets, s: Snapshot): void {
  t.agents.replaceAll(s.agents)
  t.devices.replaceAll(s.devices)
  t.flows.replaceAll(s.flows)
  t.applications.replaceAll(s.applications)
  t.alerts.replaceAll(s.alerts)
  t.profiles.replaceAll(s.profiles)
  t.profiles.setActive(s.activeProfileId)
  t.settings.setSettings(s.settings)
  t.settings.setPausedUntil(s.notificationsPausedUntil)
  t.traffic.replaceThroughput(s.throughput)
  t.traffic.setAppSeries(s.appSeries)
  t.ui.noteBatch(s.at, s.demo, s.notices)
}

export function applyDelta(t: SyncTargets, d: DeltaBatch): void {
  if (d.agents) t.agents.replaceAll(d.agents)
  if (d.devices) t.devices.applyUpserts(d.devices)
  if (d.flows) t.flows.applyUpserts(d.flows)
  if (d.applications) t.applications.applyUpserts(d.applications)
  if (d.alerts) t.alerts.applyUpserts(d.alerts)
  if (d.profiles) t.profiles.replaceAll(d.profiles)
  if (d.activeProfileId !== undefined) t.profiles.setActive(d.activeProfileId)
  if (d.settings) t.settings.setSettings(d.settings)
  if (d.notificationsPausedUntil !== undefined) t.settings.setPausedUntil(d.notificationsPausedUntil)
  if (d.throughput) t.traffic.appendPoints(d.throughput)
  if (d.appSeries) t.traffic.setAppSeries(d.appSeries)
  t.ui.noteBatch(d.at, d.demo, d.notices)
}

/**
 * Subscribes to the bridge, fetches the first snapshot, reports visibility, and returns the
 * function that stops all of it.
 */
export function startSync(bridge: Bridge, targets: SyncTargets, options: SyncOptions = {}): () => void {
  let lastSeq: number | undefined
  /** Non-zero while a resync is in flight: the number of the request we wait for. */
  let resyncing = 0
  let requests = 0
  let held: DeltaBatch[] = []

  function takeSnapshot(s: Snapshot): void {
    applySnapshot(targets, s)
    lastSeq = s.seq
    resyncing = 0
    const pending = held.sort((a, b) => a.seq - b.seq)
    held = []
    for (const d of pending) onDelta(d)
  }

  function resync(): void {
    if (resyncing) return
    const token = (resyncing = ++requests)
    bridge.request('snapshot.get', {}).then(
      (s) => {
        if (resyncing === token) takeSnapshot(s)
      },
      (err: unknown) => {
        if (resyncing === token) resyncing = 0
        options.onError?.(err)
      },
    )
  }

  function onDelta(d: DeltaBatch): void {
    if (resyncing) {
      held.push(d)
      if (held.length > MAX_HELD) held.shift()
      return
    }
    if (lastSeq !== undefined && d.seq <= lastSeq) return
    if (lastSeq === undefined || d.seq !== lastSeq + 1) {
      held.push(d)
      resync()
      return
    }
    applyDelta(targets, d)
    lastSeq = d.seq
  }

  const reportVisibility = (): void => {
    if (!options.doc) return
    bridge.request('view.visibility', { visible: !options.doc.hidden }).catch(() => undefined)
  }

  const offs = [
    bridge.on('snapshot', takeSnapshot),
    bridge.on('delta', onDelta),
    bridge.on('navigate', (n) => targets.ui.navigate(routeForNavigate(n))),
  ]
  // A connection that comes back is a new session: its sequence may restart, so its deltas
  // must not be taken for stale ones. Fetch a fresh snapshot and report visibility again.
  let wasClosed = false
  if (options.connection) {
    offs.push(options.connection.onConnection((state) => {
      if (state.status === 'closed') wasClosed = true
      if (state.status !== 'open' || !wasClosed) return
      wasClosed = false
      resyncing = 0
      resync()
      reportVisibility()
    }))
  }
  options.doc?.addEventListener('visibilitychange', reportVisibility)
  resync()
  reportVisibility()
  return () => {
    for (const off of offs) off()
    options.doc?.removeEventListener('visibilitychange', reportVisibility)
  }
}
