/**
 * Which raised alerts become desktop notifications: a pure function of its state, the alerts
 * just raised, the time and the user's settings, so every rule is testable on a fake clock.
 *
 * - Only unread (`new`) alerts notify: muted, snoozed and acknowledged ones never do.
 * - Below `minSeverity`, or of a kind in `disabledKinds`: never notified.
 * - While paused (`pausedUntil`): dropped silently (the user asked for silence).
 * - During quiet hours, or when the token bucket (`ratePerMinute` tokens, refilled continuously)
 *   is empty: held back. Held alerts come out as ONE digest notification as soon as a token is
 *   available outside quiet hours, so a burst costs the user two notifications at most.
 *   Call it on every tick (with no alerts) so the digest goes out when tokens return.
 */
import type { CoreNotification } from '../app/app-core-types'
import type { NotificationPolicySettings, Severity } from '../../contract/views'
import type { AlertRecord } from './alert-book'
import { maxSeverity, severityRank } from './severity'

export interface PolicyState {
  tokens: number
  refilledAt: number
  held: { count: number; severity: Severity; titles: string[] }
}

export interface PolicyContext extends NotificationPolicySettings {
  pausedUntil?: number
  /** Minutes to add to UTC for local time (UTC+2 -> 120; the opposite of Date#getTimezoneOffset). */
  utcOffsetMinutes: number
}

/** What the policy needs of an alert (an `AlertRecord` or an `AlertView` both fit). */
export type NotifiableAlert = Pick<AlertRecord, 'id' | 'kind' | 'severity' | 'state' | 'title' | 'explanation'>

const HELD_TITLES = 3

export function initialPolicyState(now: number, settings: Pick<NotificationPolicySettings, 'ratePerMinute'>): PolicyState {
  return { tokens: Math.max(1, settings.ratePerMinute), refilledAt: now, held: { count: 0, severity: 'info', titles: [] } }
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number)
  return h * 60 + m
}

/** Inside quiet hours at `now`? Start == end means no quiet hours; start > end wraps midnight. */
export function inQuietHours(now: number, quiet: { start: string; end: string } | undefined, utcOffsetMinutes: number): boolean {
  if (!quiet) return false
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return false
  const local = (((Math.floor(now / 60_000) + utcOffsetMinutes) % 1440) + 1440) % 1440
  return start < end ? local >= start && local < end : local >= start || local < end
}

function refill(state: PolicyState, now: number, rate: number): PolicyState {
  const capacity = Math.max(1, rate)
  const elapsed = Math.max(0, now - state.refilledAt)
  return { ...state, tokens: Math.min(capacity, state.tokens + (elapsed / 60_000) * capacity), refilledAt: now }
}

function eligible(a: NotifiableAlert, ctx: PolicyContext): boolean {
  return a.state === 'new' && severityRank(a.severity) >= severityRank(ctx.minSeverity) && !ctx.disabledKinds.includes(a.kind)
}

function hold(held: PolicyState['held'], a: NotifiableAlert): PolicyState['held'] {
  return {
    count: held.count + 1,
    severity: maxSeverity(held.severity, a.severity),
    titles: held.titles.length < HELD_TITLES ? [...held.titles, a.title] : held.titles,
  }
}

function digest(held: PolicyState['held'], now: number): CoreNotification {
  const more = held.count - held.titles.length
  return {
    id: `digest-${now}`, kind: 'digest', severity: held.severity, title: `${held.count} more alert${held.count === 1 ? '' : 's'}`,
    body: held.titles.join('\n') + (more > 0 ? `\n...and ${more} more` : ''),
  }
}

export function decideNotifications(state: PolicyState, alertsRaised: NotifiableAlert[], now: number, ctx: PolicyContext): { notify: CoreNotification[]; state: PolicyState } {
  const candidates = alertsRaised.filter((a) => eligible(a, ctx))
  if (ctx.pausedUntil !== undefined && now < ctx.pausedUntil) return { notify: [], state: refill(state, now, ctx.ratePerMinute) }
  let next = refill(state, now, ctx.ratePerMinute)
  const notify: CoreNotification[] = []
  const quiet = inQuietHours(now, ctx.quietHours, ctx.utcOffsetMinutes)
  if (!quiet && next.held.count > 0 && next.tokens >= 1) {
    notify.push(digest(next.held, now))
    next = { ...next, tokens: next.tokens - 1, held: { count: 0, severity: 'info', titles: [] } }
  }
  for (const a of candidates) {
    if (!quiet && next.tokens >= 1 && next.held.count === 0) {
      notify.push({ id: a.id, alertId: a.id, kind: a.kind, severity: a.severity, title: a.title, body: a.explanation })
      next = { ...next, tokens: next.tokens - 1 }
    } else {
      next = { ...next, held: hold(next.held, a) }
    }
  }
  return { notify, state: next }
}
