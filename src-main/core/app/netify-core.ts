/**
 * The assembled core: connections feed the live monitor (model + alerts), a once-a-second tick
 * moves time forward (rates, rollups to SQLite, the notification policy, the tray state), and a
 * publisher sends each UI client its snapshot and coalesced deltas. Electron's shell and web mode
 * both drive this same object. Plain Node: no electron import.
 */
import type { AgentConnectionError } from '../agent/agent-connection'
import { LiveMonitor } from '../alerts/live-monitor'
import type { AlertRecord, RaisedAlert } from '../alerts/alert-book'
import type { MuteRule } from '../alerts/mute-rules'
import { decideNotifications, initialPolicyState, type PolicyState } from '../alerts/notification-policy'
import { startPublisherLoop, type PublisherLoop } from '../publish'
import type { SettingsState, ViewSource } from '../publish/view-source'
import type { AgentEvent } from '../records/agent-event'
import { openStorage, type Storage } from '../storage'
import type { Snapshot, SettingsView } from '../../contract/views'
import { AgentManager, type ManagedAgent } from './agent-manager'
import type { CoreNotification, TrayStatus } from './app-core-types'
import { createLiveViewSource } from './live-view-source'
import { ProfileController } from './profile-controller'
import { deriveTrayStatus } from './tray-status'

export interface NetifyCoreOptions {
  /** The SQLite file (created if missing; a corrupt one is moved aside). */
  dbPath: string
  resourcesDir: string
  now?: () => number
  log?: (message: string) => void
  /** Minutes to add to UTC for local time at `now` (quiet hours). */
  utcOffsetMinutes?: (now: number) => number
  demoSpeed?: number
}

const HOUR_MS = 3_600_000

export class NetifyCore {
  readonly storage: Storage
  readonly live: LiveMonitor
  readonly agents: AgentManager
  readonly profiles: ProfileController
  readonly publisher: PublisherLoop
  /** The model as the UI sees it; the publisher is the only one that drains its changes. */
  private readonly views: ViewSource
  readonly now: () => number
  private settings: SettingsView
  private pausedUntil?: number
  private settingsChanged = true
  private policy: PolicyState
  private raised: AlertRecord[] = []
  private readonly notifyListeners = new Set<(n: CoreNotification) => void>()
  private readonly trayListeners = new Set<(s: TrayStatus) => void>()
  private readonly decodedBytes = new Map<string, number>()
  private lastTray?: string
  private lastPrune = 0
  private readonly notices: string[] = []
  private readonly log: (message: string) => void

  constructor(private readonly options: NetifyCoreOptions) {
    this.now = options.now ?? Date.now
    this.log = options.log ?? (() => undefined)
    this.storage = openStorage(options.dbPath, { now: this.now, log: this.log })
    this.settings = this.storage.settings.get()
    this.live = new LiveMonitor({
      model: { flowLimits: { activeCap: this.settings.flowTableCap } },
      alerts: { learningHours: this.settings.learningHours, trafficThresholdBytes: this.settings.trafficThresholdBytes },
    })
    this.policy = initialPolicyState(this.now(), this.settings.notifications)
    this.agents = new AgentManager({
      event: (id, e) => this.onEvent(id, e),
      state: (agent, state) => this.collect(this.live.setAgentConnection(agent.id, agent.label, agent.source, state, this.now())),
      error: (id, e) => this.onError(id, e),
      removed: (id) => this.live.model.removeAgent(id, this.now()),
    }, this.now)
    this.profiles = new ProfileController({
      storage: this.storage, agents: this.agents, resourcesDir: options.resourcesDir,
      changed: () => { this.settingsChanged = true }, notice: (m) => this.notice(m), log: this.log, demoSpeed: options.demoSpeed,
      now: this.now,
    })
    for (const n of this.storage.notices) this.notices.push(n)
    this.restorePersisted()
    this.views = createLiveViewSource({
      live: this.live,
      settingsState: () => this.settingsState(),
      takeSettingsChanged: () => this.takeSettingsChanged(),
      alertsChanged: (ids) => this.persistAlerts(ids),
      now: this.now,
    })
    this.publisher = startPublisherLoop({
      source: this.views,
      now: this.now,
      onSendError: (e) => this.log(`a UI client failed: ${e instanceof Error ? e.message : String(e)}`),
    })
  }

  settingsState(): SettingsState {
    return {
      demo: this.profiles.isDemo,
      activeProfileId: this.profiles.activeProfileId,
      profiles: this.profiles.list(),
      settings: this.settings,
      notificationsPausedUntil: this.pausedUntil,
      notices: this.notices.slice(),
    }
  }

  /** A message for the user (shown in the UI's banner until dismissed), also logged. */
  notice(message: string): void {
    this.notices.push(message)
    if (this.notices.length > 20) this.notices.shift()
    this.settingsChanged = true
    this.log(message)
  }

  /** A snapshot for a caller with no client session (sequence 0). */
  snapshot(): Snapshot {
    const at = this.now()
    return { seq: 0, ...this.views.snapshot(at) }
  }

  renameDevice(mac: string, alias: string): void {
    this.storage.aliases.set(mac.toLowerCase(), alias)
    this.live.model.setAlias(mac, alias.trim())
  }

  alertAction(act: () => number): { changed: number } {
    const changed = act()
    this.emitTray(true)
    return { changed }
  }

  muteAlerts(rule: MuteRule): { changed: number } {
    this.storage.muteRules.add(rule)
    return this.alertAction(() => this.live.book.mute(rule))
  }

  updateSettings(next: SettingsView): SettingsView {
    this.settings = this.storage.settings.update(next)
    this.live.monitor.setOptions({ learningHours: this.settings.learningHours, trafficThresholdBytes: this.settings.trafficThresholdBytes })
    this.live.model.setFlowCap(this.settings.flowTableCap)
    this.settingsChanged = true
    return this.settings
  }

  pauseNotifications(until: number | null): { until: number | null } {
    this.pausedUntil = until ?? undefined
    this.settingsChanged = true
    this.emitTray(true)
    return { until }
  }

  onNotification(listener: (n: CoreNotification) => void): () => void {
    this.notifyListeners.add(listener)
    return () => this.notifyListeners.delete(listener)
  }

  onTrayStatus(listener: (s: TrayStatus) => void): () => void {
    this.trayListeners.add(listener)
    return () => this.trayListeners.delete(listener)
  }

  trayStatus(): TrayStatus {
    const model = this.live.model
    const points = model.throughput(this.now())
    return deriveTrayStatus({
      agents: model.agents(), unread: this.live.book.unreadCount(), latest: points[points.length - 1],
      profiles: this.profiles.list(), activeProfileId: this.profiles.activeProfileId, notificationsPausedUntil: this.pausedUntil,
    })
  }

  /** Once a second: model upkeep, decoder counts, rollups to disk, notifications, tray. */
  tick(now: number): void {
    this.collect(this.live.tick(now))
    for (const { agent } of this.agents.states()) this.refreshDecodeStats(agent, now)
    const rows = this.live.model.takeCompletedMinutes(now)
    if (rows.length > 0) this.storage.writer.addUsage(rows, now)
    this.storage.writer.flushIfDue(now)
    if (now - this.lastPrune > HOUR_MS) {
      this.lastPrune = now
      this.storage.prune(now)
    }
    if (this.pausedUntil !== undefined && now >= this.pausedUntil) this.pauseNotifications(null)
    this.notify(now)
    this.emitTray(false)
  }

  async stopAll(): Promise<void> {
    this.publisher.stop()
    this.agents.stopAll()
    await this.profiles.stop()
    this.storage.writer.addUsage(this.live.model.minuteRollups(), this.now())
    this.persistAlerts(this.live.book.all().map((a) => a.id))
    this.storage.close()
  }

  private onEvent(agentId: string, event: AgentEvent): void {
    this.collect(this.live.apply(agentId, event, this.now()))
  }

  private onError(agentId: string, error: AgentConnectionError): void {
    if (error.kind === 'socket') return
    const where = error.offset !== undefined ? ` at byte ${error.offset}` : ''
    this.live.model.noteDecodeError(agentId, error.offset ?? 0, `${error.message}${where}`, error.at)
  }

  private collect(raised: RaisedAlert[]): void {
    for (const r of raised) if (r.fresh) this.raised.push(r.alert)
    if (this.raised.length > 1000) this.raised.splice(0, this.raised.length - 1000)
  }

  private notify(now: number): void {
    const offset = this.options.utcOffsetMinutes?.(now) ?? -new Date(now).getTimezoneOffset()
    const decided = decideNotifications(this.policy, this.raised, now, {
      ...this.settings.notifications, pausedUntil: this.pausedUntil, utcOffsetMinutes: offset,
    })
    this.raised = []
    this.policy = decided.state
    for (const n of decided.notify) for (const l of this.notifyListeners) this.safely('a notification listener', () => l(n))
  }

  private emitTray(force: boolean): void {
    const status = this.trayStatus()
    const key = JSON.stringify(status)
    if (!force && key === this.lastTray) return
    this.lastTray = key
    for (const l of this.trayListeners) this.safely('a tray listener', () => l(status))
  }

  /** A shell's listener that throws must not stop the tick (and with it rollups and other listeners). */
  private safely(what: string, call: () => void): void {
    try {
      call()
    } catch (error) {
      this.log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  private refreshDecodeStats(agent: ManagedAgent, now: number): void {
    const stats = this.agents.decoderStats(agent.id)
    if (!stats || this.decodedBytes.get(agent.id) === stats.bytes) return
    this.decodedBytes.set(agent.id, stats.bytes)
    this.live.model.setDecodeStats(agent.id, stats, now)
  }

  private takeSettingsChanged(): boolean {
    const changed = this.settingsChanged
    this.settingsChanged = false
    return changed
  }

  private persistAlerts(ids: Iterable<string>): void {
    const views = [...ids].map((id) => this.live.alert(id)).filter((a) => a !== undefined)
    if (views.length > 0) this.storage.writer.upsertAlerts(views, this.now())
  }

  private restorePersisted(): void {
    for (const { mac, alias } of this.storage.aliases.list()) this.live.model.setAlias(mac, alias)
    const stored = this.storage.alerts.list()
    this.live.book.importState({
      alerts: stored.map((a) => ({ ...a, key: undefined as unknown as string })),
      muteRules: this.storage.muteRules.list().map((r) => r.rule),
    })
    this.live.book.drainChanges()
    const now = this.now()
    const known = this.storage.usage.totals({ from: now - this.settings.retentionDays * 24 * HOUR_MS, to: now + 1 })
    this.live.monitor.markKnownDevices(known.map((t) => t.device))
  }
}
