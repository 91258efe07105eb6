/**
 * One client's changes not yet sent: sets of keys, so a key touched many times is sent once.
 *
 * Bounded by the model itself (a key appears once however often it changes) plus the churn of
 * one batch interval; throughput points are capped at the live window.
 */
import type { ThroughputPoint } from '../../contract/views'
import type { ModelChanges } from './view-source'

/** A live window of 15 minutes at one point a second, with room to spare. */
export const MAX_PENDING_POINTS = 3600

export interface PendingChanges {
  agents: boolean
  devices: Set<string>
  flows: Set<string>
  applications: Set<number>
  alerts: Set<string>
  throughput: ThroughputPoint[]
  appSeries: boolean
  settings: boolean
}

export function createPendingChanges(): PendingChanges {
  return {
    agents: false,
    devices: new Set(),
    flows: new Set(),
    applications: new Set(),
    alerts: new Set(),
    throughput: [],
    appSeries: false,
    settings: false,
  }
}

function addAll<K>(target: Set<K>, keys: Iterable<K> | undefined): void {
  if (keys === undefined) return
  for (const key of keys) target.add(key)
}

/** Adds one drain of the model to a client's pending changes. */
export function mergeChanges(pending: PendingChanges, changes: ModelChanges): void {
  pending.agents ||= changes.agents === true
  pending.appSeries ||= changes.appSeries === true
  pending.settings ||= changes.settings === true
  addAll(pending.devices, changes.devices)
  addAll(pending.flows, changes.flows)
  addAll(pending.applications, changes.applications)
  addAll(pending.alerts, changes.alerts)
  if (changes.throughput !== undefined && changes.throughput.length > 0) {
    for (const point of changes.throughput) pending.throughput.push(point)
    const excess = pending.throughput.length - MAX_PENDING_POINTS
    if (excess > 0) pending.throughput.splice(0, excess)
  }
}

export function hasPendingChanges(pending: PendingChanges): boolean {
  return pending.agents || pending.appSeries || pending.settings
    || pending.devices.size > 0 || pending.flows.size > 0 || pending.applications.size > 0
    || pending.alerts.size > 0 || pending.throughput.length > 0
}
