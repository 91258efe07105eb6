/**
 * Turns one client's pending keys into a `DeltaBatch` by looking each key up in the model.
 *
 * A key the model still has is an upsert; a key it no longer has is a removal. Sections with
 * nothing in them are left out, so a batch's size follows what changed.
 */
import type { DeltaBatch, Upserts } from '../../contract/views'
import type { PendingChanges } from './pending-changes'
import type { ViewSource } from './view-source'

function upserts<K, T>(keys: Set<K>, lookup: (key: K) => T | undefined): Upserts<T, K> | undefined {
  if (keys.size === 0) return undefined
  const section: Upserts<T, K> = { upsert: [], remove: [] }
  for (const key of keys) {
    const view = lookup(key)
    if (view === undefined) section.remove.push(key)
    else section.upsert.push(view)
  }
  return section
}

function addSettings(batch: DeltaBatch, source: ViewSource): void {
  const state = source.settingsState()
  batch.demo = state.demo
  batch.profiles = state.profiles
  batch.settings = state.settings
  batch.notificationsPausedUntil = state.notificationsPausedUntil ?? null
  if (state.notices) batch.notices = state.notices
  if (state.activeProfileId !== undefined) batch.activeProfileId = state.activeProfileId
}

/** Builds the batch for `pending`; the caller clears `pending` afterwards. */
export function buildDelta(pending: PendingChanges, source: ViewSource, seq: number, now: number): DeltaBatch {
  const batch: DeltaBatch = { seq, at: now }
  if (pending.agents) batch.agents = source.agents()
  const devices = upserts(pending.devices, (mac) => source.device(mac))
  if (devices) batch.devices = devices
  const flows = upserts(pending.flows, (key) => source.flowRow(key))
  if (flows) batch.flows = flows
  const applications = upserts(pending.applications, (id) => source.application(id))
  if (applications) batch.applications = applications
  const alerts = upserts(pending.alerts, (id) => source.alert(id))
  if (alerts) batch.alerts = alerts
  if (pending.throughput.length > 0) batch.throughput = pending.throughput.slice()
  if (pending.appSeries) batch.appSeries = source.appSeries()
  if (pending.settings) addSettings(batch, source)
  return batch
}
