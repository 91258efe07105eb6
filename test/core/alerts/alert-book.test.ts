import { describe, expect, it } from 'vitest'
import { AlertBook, type AlertInput } from '../../../src-main/core/alerts/alert-book'

const T = 1_800_000_000_000
const risk = (over: Partial<AlertInput> = {}): AlertInput => ({
  kind: 'risk', severity: 'high', agentId: 'gw', device: 'aa:bb:cc:00:00:01', application: 'HTTP/S', host: 'bad.example.com',
  riskId: 30, riskName: 'TLS Certificate Expired', title: 'TLS Certificate Expired', explanation: 'expired', ...over,
})

describe('AlertBook', () => {
  it('deduplicates on agent, device, risk and host, keeping count and first/last seen', () => {
    const book = new AlertBook()
    const a = book.raise(risk({ severity: 'medium' }), T)
    const b = book.raise(risk(), T + 5000)
    book.raise(risk({ host: 'other.example.com' }), T + 6000)
    expect(b.alert.id).toBe(a.alert.id)
    expect(book.all()).toHaveLength(2)
    expect(book.get(a.alert.id)).toMatchObject({ count: 2, firstSeen: T, lastSeen: T + 5000, severity: 'high', state: 'new' })
    expect(book.unreadCount()).toBe(2)
  })

  it('acknowledges by id; an acknowledged alert firing again stays read', () => {
    const book = new AlertBook()
    const { alert } = book.raise(risk(), T)
    expect(book.acknowledge([alert.id, 'no-such-id'])).toBe(1)
    const again = book.raise(risk(), T + 1000)
    expect(again.fresh).toBe(false)
    expect(book.get(alert.id)).toMatchObject({ state: 'acknowledged', count: 2 })
    expect(book.unreadCount()).toBe(0)
  })

  it('mutes existing and future alerts matching a rule (host rules cover sub-domains)', () => {
    const book = new AlertBook()
    const { alert } = book.raise(risk(), T)
    book.raise(risk({ device: 'aa:bb:cc:00:00:02', host: 'fine.org' }), T)
    expect(book.mute({ host: 'example.com' })).toBe(1)
    expect(book.get(alert.id)?.state).toBe('muted')
    const later = book.raise(risk({ device: 'aa:bb:cc:00:00:09', host: 'x.bad.example.com' }), T + 1)
    expect(later).toMatchObject({ fresh: false, alert: { state: 'muted' } })
    expect(book.mute({ device: 'AA:BB:CC:00:00:02', riskId: 31 })).toBe(0)
    expect(book.mute({ device: 'AA:BB:CC:00:00:02', riskId: 30 })).toBe(1)
    expect(book.unreadCount()).toBe(0)
  })

  it('keeps a snoozed alert quiet until the snooze ends, then it is new again when it fires', () => {
    const book = new AlertBook()
    const { alert } = book.raise(risk(), T)
    expect(book.snooze([alert.id], T + 60_000)).toBe(1)
    expect(book.raise(risk(), T + 30_000)).toMatchObject({ fresh: false, alert: { state: 'snoozed', snoozedUntil: T + 60_000 } })
    expect(book.get(alert.id)?.state).toBe('snoozed')
    expect(book.raise(risk(), T + 61_000)).toMatchObject({ fresh: true, alert: { state: 'new', count: 3 } })
    expect(book.get(alert.id)?.snoozedUntil).toBeUndefined()
  })

  it('marks everything read and reports what changed', () => {
    const book = new AlertBook()
    book.raise(risk(), T)
    book.raise(risk({ riskId: 37 }), T)
    book.drainChanges()
    expect(book.markAllRead()).toBe(2)
    expect(book.drainChanges().changed.size).toBe(2)
  })

  it('exports and restores alerts, states and rules with the same ids', () => {
    const book = new AlertBook()
    const { alert } = book.raise(risk(), T)
    book.acknowledge([alert.id])
    book.mute({ application: 'BitTorrent' })
    const restored = new AlertBook()
    restored.importState(JSON.parse(JSON.stringify(book.exportState())))
    expect(restored.get(alert.id)).toMatchObject({ state: 'acknowledged', count: 1 })
    expect(restored.raise(risk({ application: 'BitTorrent', host: undefined }), T).alert.state).toBe('muted')
    expect(restored.raise(risk(), T + 1).alert).toMatchObject({ id: alert.id, count: 2, state: 'acknowledged' })
  })

  it('stays within its cap, dropping the least recently seen alert', () => {
    const book = new AlertBook(3)
    const first = book.raise(risk({ riskId: 1 }), T).alert.id
    for (let i = 2; i <= 5; i++) book.raise(risk({ riskId: i }), T + i)
    expect(book.all()).toHaveLength(3)
    expect(book.get(first)).toBeUndefined()
    expect(book.drainChanges().removed.has(first)).toBe(true)
  })

  it('projects to the view with a device name and without its internal key', () => {
    const book = new AlertBook()
    const { alert } = book.raise(risk(), T)
    const view = book.view(alert, () => 'Laptop')
    expect(view).toMatchObject({ id: alert.id, deviceName: 'Laptop', riskId: 30, count: 1 })
    expect('key' in view).toBe(false)
  })
})
