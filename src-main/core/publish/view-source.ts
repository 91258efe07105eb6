/**
 * What the publisher needs from the model: a full projection, a single drain of what changed,
 * and look-ups by key.
 *
 * The model reports changes as keys only (which device, which flow), never as copies of views:
 * the publisher looks the current view up when it builds a batch, so a value that changed ten
 * times between two batches is projected once, and a key that is gone is sent as a removal.
 */
import type {
  AgentView, AlertView, AppSeriesView, ApplicationView, DeviceView, FlowRow, Snapshot, ThroughputPoint,
} from '../../contract/views'

/** A snapshot before the publisher gives it the client's sequence number. */
export type SnapshotBody = Omit<Snapshot, 'seq'>

/** Profiles, settings and the other small, rarely changing parts of the view. */
export type SettingsState = Pick<Snapshot, 'demo' | 'activeProfileId' | 'profiles' | 'settings' | 'notificationsPausedUntil' | 'notices'>

/**
 * What changed since the previous drain. Keyed sections list keys that were added, updated or
 * removed (the publisher tells them apart by looking each key up).
 */
export interface ModelChanges {
  agents?: boolean
  devices?: Iterable<string>
  flows?: Iterable<string>
  applications?: Iterable<number>
  alerts?: Iterable<string>
  /** Points appended to the live throughput ring since the previous drain, oldest first. */
  throughput?: readonly ThroughputPoint[]
  appSeries?: boolean
  /** Profiles, active profile, settings, notification pause or demo flag. */
  settings?: boolean
}

export interface ViewSource {
  snapshot(now: number): SnapshotBody
  /**
   * Changes since the previous call. The publisher is the only caller: it fans each drain out
   * to every attached client, so one window's batches never steal another's changes.
   */
  drainChanges(): ModelChanges
  /** Every agent (they are few, so a change to one resends the list). */
  agents(): AgentView[]
  device(mac: string): DeviceView | undefined
  flowRow(key: string): FlowRow | undefined
  application(id: number): ApplicationView | undefined
  alert(id: string): AlertView | undefined
  appSeries(): AppSeriesView
  settingsState(): SettingsState
}
