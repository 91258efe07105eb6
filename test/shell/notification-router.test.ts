import { describe, expect, it } from 'vitest'
import type { CoreNotification } from '../../src-main/core/app/app-core-types'
import type { NavigateRequest } from '../../src-main/contract/views'
import { createNotificationRouter, notificationText, type NotificationLike, type NotificationOptions } from '../../src-main/shell/notification-router'

interface FakeNotification extends NotificationLike {
  options: NotificationOptions
  shown: boolean
  emit(event: 'click' | 'close'): void
}

function setup(pausedUntil?: number) {
  const created: FakeNotification[] = []
  const events: string[] = []
  const navigations: NavigateRequest[] = []
  const route = createNotificationRouter({
    createNotification(options) {
      const listeners: Record<string, Array<() => void>> = {}
      const n: FakeNotification = {
        options, shown: false,
        on(event, l) { (listeners[event] ??= []).push(l) },
        show() { n.shown = true },
        emit(event) { for (const l of listeners[event] ?? []) l() },
      }
      created.push(n)
      return n
    },
    isSupported: () => true,
    focusWindow: () => events.push('focus'),
    navigate: (r) => { events.push('navigate'); navigations.push(r) },
    pausedUntil: () => pausedUntil,
    now: () => 1_000_000,
  })
  return { route, created, events, navigations }
}

const riskAlert: CoreNotification = {
  id: 'n1', title: 'Risky TLS to cdn.example', body: 'Self-signed certificate on 10.0.0.5', severity: 'high', kind: 'risk', alertId: 'alert-42',
}

describe('desktop notifications', () => {
  it('shows the core notification and, on click, focuses the window then opens that alert', () => {
    const t = setup()
    expect(t.route(riskAlert)).toBe(true)
    expect(t.created[0].shown).toBe(true)
    expect(t.created[0].options).toMatchObject({ title: 'Risky TLS to cdn.example', body: 'Self-signed certificate on 10.0.0.5', urgency: 'normal' })
    expect(t.events).toEqual([])
    t.created[0].emit('click')
    expect(t.events).toEqual(['focus', 'navigate'])
    expect(t.navigations).toEqual([{ view: 'alerts', alertId: 'alert-42' }])
  })

  it('opens the alerts view for a digest', () => {
    const t = setup()
    t.route({ id: 'd1', title: '5 more alerts', body: 'Held back by the rate limit', severity: 'medium', kind: 'digest' })
    t.created[0].emit('click')
    expect(t.navigations).toEqual([{ view: 'alerts' }])
  })

  it('shows nothing while notifications are paused, and again once the pause ended', () => {
    expect(setup(2_000_000).route(riskAlert)).toBe(false)
    const ended = setup(999_999)
    expect(ended.route(riskAlert)).toBe(true)
    expect(ended.created).toHaveLength(1)
  })

  it('marks an agent going down as critical and low-severity alerts as quiet', () => {
    const t = setup()
    t.route({ ...riskAlert, kind: 'agent_down', severity: 'medium' })
    t.route({ ...riskAlert, severity: 'low' })
    expect(t.created.map((n) => [n.options.urgency, n.options.silent])).toEqual([['critical', false], ['low', true]])
  })

  it('strips control and direction-override characters from network strings and bounds their length', () => {
    expect(notificationText('evil\u202ecod.exe\u0007\nhost', 100)).toBe('evilcod.exe\nhost')
    const long = notificationText('a'.repeat(500), 120)
    expect(long).toHaveLength(120)
    expect(long.endsWith('…')).toBe(true)
  })
})
