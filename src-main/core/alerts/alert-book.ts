/**
 * Every alert raised, deduplicated on its key (agent, device, risk or kind, application or
 * host), with its count, first/last seen and the user's decision about it.
 *
 * States: `new` (unread), `acknowledged` (seen; stays acknowledged when it fires again, only the
 * count grows), `muted` (a mute rule matches; never notifies), `snoozed` until a time (when it
 * fires again after that time it is `new` again). Ids are derived from the key, so they are the
 * same after a restart and persisted state lines up with fresh alerts. Bounded: past the cap the
 * least recently seen alert is dropped.
 */
import { createHash } from 'node:crypto'
import type { AlertView } from '../../contract/views'
import { type MuteRule, ruleMatches, sameRule } from './mute-rules'
import { maxSeverity } from './severity'

/**
 * An alert as the book keeps it: the view the UI gets, without the device's display name (looked
 * up when projecting, so a rename shows at once), plus the dedup key it was raised under.
 */
export interface AlertRecord extends Omit<AlertView, 'deviceName'> {
  key: string
}

export type AlertInput = Omit<AlertRecord, 'id' | 'key' | 'state' | 'snoozedUntil' | 'count' | 'firstSeen' | 'lastSeen'>

/** One raise: the alert after it, and whether it is (again) unread, i.e. worth notifying. */
export interface RaisedAlert {
  alert: AlertRecord
  fresh: boolean
}

/** Plain data for storage: alerts (with their states) and mute rules. */
export interface AlertBookState {
  alerts: AlertRecord[]
  muteRules: MuteRule[]
}

export function alertKey(a: Pick<AlertInput, 'kind' | 'agentId' | 'device' | 'riskId' | 'application' | 'host'>): string {
  return [a.kind, a.agentId ?? '', a.device ?? '', a.riskId ?? '', a.host ?? a.application ?? ''].join('|')
}

function idOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 16)
}

export class AlertBook {
  private readonly alerts = new Map<string, AlertRecord>()
  private rules: MuteRule[] = []
  private changed = new Set<string>()
  private removed = new Set<string>()

  constructor(private readonly cap = 5_000) {}

  raise(input: AlertInput, at: number): RaisedAlert {
    const key = alertKey(input)
    const id = idOf(key)
    let alert = this.alerts.get(id)
    let fresh = false
    if (!alert) {
      alert = { ...input, id, key, state: this.isMuted(input) ? 'muted' : 'new', count: 1, firstSeen: at, lastSeen: at }
      fresh = alert.state === 'new'
    } else {
      this.alerts.delete(id)
      alert.count++
      alert.lastSeen = Math.max(alert.lastSeen, at)
      alert.severity = maxSeverity(alert.severity, input.severity)
      if (alert.state === 'snoozed' && at >= (alert.snoozedUntil ?? 0)) {
        alert.state = 'new'
        alert.snoozedUntil = undefined
        fresh = true
      }
    }
    this.alerts.set(id, alert)
    this.changed.add(id)
    this.enforceCap()
    return { alert, fresh }
  }

  get(id: string): AlertRecord | undefined {
    return this.alerts.get(id)
  }

  all(): AlertRecord[] {
    return [...this.alerts.values()]
  }

  acknowledge(ids: string[]): number {
    return this.update(ids, (a) => a.state === 'new' || a.state === 'snoozed', (a) => {
      a.state = 'acknowledged'
      a.snoozedUntil = undefined
    })
  }

  markAllRead(): number {
    return this.acknowledge([...this.alerts.values()].filter((a) => a.state === 'new').map((a) => a.id))
  }

  snooze(ids: string[], until: number): number {
    return this.update(ids, (a) => a.state !== 'muted', (a) => {
      a.state = 'snoozed'
      a.snoozedUntil = until
    })
  }

  /** Add a mute rule; alerts it matches become muted. Returns how many changed. */
  mute(rule: MuteRule): number {
    if (!this.rules.some((r) => sameRule(r, rule))) this.rules.push({ ...rule })
    if (this.rules.length > 1_000) this.rules.shift()
    const ids = [...this.alerts.values()].filter((a) => a.state !== 'muted' && ruleMatches(rule, a)).map((a) => a.id)
    return this.update(ids, () => true, (a) => {
      a.state = 'muted'
      a.snoozedUntil = undefined
    })
  }

  muteRules(): MuteRule[] {
    return this.rules.map((r) => ({ ...r }))
  }

  unreadCount(): number {
    let n = 0
    for (const a of this.alerts.values()) if (a.state === 'new') n++
    return n
  }

  view(a: AlertRecord, deviceName?: (mac: string) => string | undefined): AlertView {
    const { key: _key, ...rest } = a
    const name = a.device && deviceName ? deviceName(a.device) : undefined
    return { ...rest, ...(name !== undefined ? { deviceName: name } : {}) }
  }

  views(deviceName?: (mac: string) => string | undefined): AlertView[] {
    return [...this.alerts.values()].map((a) => this.view(a, deviceName))
  }

  /** Ids changed and removed since the last drain. */
  drainChanges(): { changed: Set<string>; removed: Set<string> } {
    const out = { changed: this.changed, removed: this.removed }
    this.changed = new Set()
    this.removed = new Set()
    return out
  }

  exportState(): AlertBookState {
    return { alerts: this.all().map((a) => ({ ...a })), muteRules: this.muteRules() }
  }

  /** Restore persisted alerts and rules (merged over what is there; the stored copy wins). */
  importState(state: AlertBookState): void {
    for (const r of state.muteRules ?? []) if (!this.rules.some((x) => sameRule(x, r))) this.rules.push({ ...r })
    const sorted = [...(state.alerts ?? [])].sort((a, b) => a.lastSeen - b.lastSeen)
    for (const a of sorted) {
      const key = a.key ?? alertKey(a)
      const id = idOf(key)
      this.alerts.delete(id)
      this.alerts.set(id, { ...a, id, key })
      this.changed.add(id)
    }
    this.enforceCap()
  }

  private isMuted(t: AlertInput): boolean {
    return this.rules.some((r) => ruleMatches(r, t))
  }

  private update(ids: string[], when: (a: AlertRecord) => boolean, change: (a: AlertRecord) => void): number {
    let n = 0
    for (const id of new Set(ids)) {
      const a = this.alerts.get(id)
      if (!a || !when(a)) continue
      change(a)
      this.changed.add(id)
      n++
    }
    return n
  }

  private enforceCap(): void {
    while (this.alerts.size > this.cap) {
      const oldest = this.alerts.keys().next().value as string
      this.alerts.delete(oldest)
      this.changed.delete(oldest)
      this.removed.add(oldest)
    }
  }
}
