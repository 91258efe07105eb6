/**
 * What a shell (Electron main, or web mode) needs from the assembled core.
 *
 * The core owns connections, model, alerts, storage and publishers; a shell only shows what it
 * is told (window, tray, notifications) and carries messages. Plain Node: no electron import.
 */
import type { PushName, PushTypes, RequestHandlers } from '../../contract/contract'
import type { AlertKind, Severity, Snapshot } from '../../contract/views'

/** The tray's whole world, derived by the core. */
export interface TrayStatus {
  /** `down`: some enabled agent is disconnected or stalled; `unread`: new alerts; `quiet` otherwise. */
  state: 'quiet' | 'unread' | 'down' | 'idle'
  unread: number
  agentsUp: number
  agentsTotal: number
  rateIn: number
  rateOut: number
  activeProfileId?: string
  profiles: Array<{ id: string; name: string }>
  notificationsPausedUntil?: number
}

/** A notification the policy decided to show (one alert, or a digest of held-back ones). */
export interface CoreNotification {
  id: string
  title: string
  body: string
  severity: Severity
  kind: AlertKind | 'digest'
  /** The alert to open on click (absent for a digest: open the alerts view). */
  alertId?: string
}

export type PushSender = <P extends PushName>(name: P, payload: PushTypes[P]) => void

/** One connected UI (a window or a browser tab), with its own update cadence and sequence. */
export interface ClientSession {
  setVisible(visible: boolean): void
  /** Send a full snapshot (on connect, and when the UI reports a sequence gap). */
  resync(): void
  /**
   * A full snapshot for this client, returned rather than pushed (the `snapshot.get` request):
   * it takes the next sequence number, and the deltas that follow continue from it.
   */
  snapshot(): Snapshot
  close(): void
}

export interface AppCore {
  readonly handlers: RequestHandlers
  attachClient(send: PushSender): ClientSession
  onNotification(listener: (n: CoreNotification) => void): () => void
  onTrayStatus(listener: (s: TrayStatus) => void): () => void
  trayStatus(): TrayStatus
  start(): Promise<void>
  /** Close every socket, flush and close the database. */
  stop(): Promise<void>
}
