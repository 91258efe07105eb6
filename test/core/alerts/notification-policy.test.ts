import { describe, expect, it } from 'vitest'
import { decideNotifications, inQuietHours, initialPolicyState, type NotifiableAlert, type PolicyContext } from '../../../src-main/core/alerts/notification-policy'

const MIDNIGHT_UTC = Date.UTC(2026, 0, 15)
const at = (hh: number, mm = 0): number => MIDNIGHT_UTC + (hh * 60 + mm) * 60_000
const ctx = (over: Partial<PolicyContext> = {}): PolicyContext => ({ minSeverity: 'low', ratePerMinute: 5, disabledKinds: [], utcOffsetMinutes: 0, ...over })
let n = 0
const alert = (over: Partial<NotifiableAlert> = {}): NotifiableAlert => ({ id: `a${n++}`, kind: 'risk', severity: 'high', state: 'new', title: `alert ${n}`, explanation: 'x', ...over })

describe('decideNotifications', () => {
  it('notifies up to the rate, then sends one digest for the rest once tokens return', () => {
    const now = at(12)
    let state = initialPolicyState(now, { ratePerMinute: 5 })
    const burst = Array.from({ length: 12 }, () => alert())
    const first = decideNotifications(state, burst, now, ctx())
    expect(first.notify.map((x) => x.alertId)).toEqual(burst.slice(0, 5).map((a) => a.id))
    state = first.state
    const soon = decideNotifications(state, [], now + 5_000, ctx())
    expect(soon.notify).toEqual([])
    const later = decideNotifications(soon.state, [], now + 12_000, ctx())
    expect(later.notify).toHaveLength(1)
    expect(later.notify[0]).toMatchObject({ kind: 'digest', title: '7 more alerts', severity: 'high' })
    expect(later.notify[0].alertId).toBeUndefined()
    expect(decideNotifications(later.state, [], now + 13_000, ctx()).notify).toEqual([])
  })

  it('holds alerts during quiet hours that wrap midnight and sends a digest after', () => {
    const quietHours = { start: '22:30', end: '06:15' }
    const state = initialPolicyState(at(23), { ratePerMinute: 5 })
    const night = decideNotifications(state, [alert(), alert()], at(23), ctx({ quietHours }))
    expect(night.notify).toEqual([])
    const early = decideNotifications(night.state, [alert()], at(6, 14) + 86_400_000, ctx({ quietHours }))
    expect(early.notify).toEqual([])
    const morning = decideNotifications(early.state, [], at(6, 15) + 86_400_000, ctx({ quietHours }))
    expect(morning.notify).toEqual([expect.objectContaining({ kind: 'digest', title: '3 more alerts' })])
  })

  it('applies the timezone offset to quiet hours', () => {
    expect(inQuietHours(at(21), { start: '22:00', end: '07:00' }, 0)).toBe(false)
    expect(inQuietHours(at(21), { start: '22:00', end: '07:00' }, 120)).toBe(true)
    expect(inQuietHours(at(5), { start: '22:00', end: '07:00' }, -360)).toBe(true)
    expect(inQuietHours(at(12), { start: '09:00', end: '09:00' }, 0)).toBe(false)
  })

  it('drops alerts below the minimum severity, of a disabled kind, or not unread', () => {
    const state = initialPolicyState(at(12), { ratePerMinute: 5 })
    const keep = alert({ severity: 'medium' })
    const out = decideNotifications(state, [
      alert({ severity: 'low' }), alert({ kind: 'new_device', severity: 'critical' }), keep,
      alert({ state: 'muted' }), alert({ state: 'snoozed' }), alert({ state: 'acknowledged' }),
    ], at(12), ctx({ minSeverity: 'medium', disabledKinds: ['new_device'] }))
    expect(out.notify.map((x) => x.alertId)).toEqual([keep.id])
    expect(out.state.held.count).toBe(0)
  })

  it('stays silent while paused and does not save a digest for afterwards', () => {
    const state = initialPolicyState(at(12), { ratePerMinute: 5 })
    const paused = decideNotifications(state, [alert(), alert()], at(12), ctx({ pausedUntil: at(13) }))
    expect(paused.notify).toEqual([])
    expect(decideNotifications(paused.state, [], at(13), ctx({ pausedUntil: at(13) })).notify).toEqual([])
  })
})
