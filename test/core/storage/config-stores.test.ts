import { describe, expect, test } from 'vitest'
import type { AlertView, ProfileView, SettingsView } from '../../../src-main/contract/views'
import { DEFAULT_SETTINGS } from '../../../src-main/core/storage/default-settings'
import { StorageInputError } from '../../../src-main/core/storage/validation'
import { open, T0, useTempDatabase } from './storage-test-helpers'

const temp = useTempDatabase()

const home: ProfileView = {
  id: 'home',
  name: 'Home network',
  agents: [
    { label: 'router', source: 'tcp://192.168.1.1:7150', updateIntervalHint: 15, enabled: true },
    { label: 'nas', source: 'unix:/var/run/netifyd/netifyd.sock', enabled: false },
  ],
}
const office: ProfileView = { id: 'office', name: 'Office', agents: [{ label: 'gw', source: 'tcp://10.0.0.1:7150', enabled: true }] }

describe('profiles', () => {
  test('survive a restart in order, with the active choice', () => {
    const s = open(temp.path)
    s.profiles.save(home)
    s.profiles.save(office)
    s.profiles.setActive('office')
    s.close()
    const again = open(temp.path)
    expect(again.profiles.list()).toEqual([home, office])
    expect(again.profiles.getActive()).toBe('office')
    expect(again.notices).toEqual([])
    again.close()
  })

  test('saving an existing id replaces it in place; delete clears the active choice', () => {
    const s = open(temp.path)
    s.profiles.save(home)
    s.profiles.save(office)
    s.profiles.save({ ...home, name: 'Home (renamed)' })
    expect(s.profiles.list().map((p) => p.name)).toEqual(['Home (renamed)', 'Office'])
    s.profiles.setActive('home')
    expect(s.profiles.delete('home')).toBe(true)
    expect(s.profiles.delete('home')).toBe(false)
    expect(s.profiles.getActive()).toBeUndefined()
    expect(s.profiles.list()).toEqual([office])
    s.close()
  })

  test('duplicate makes a copy with a new id and name, twice without collision', () => {
    const s = open(temp.path)
    s.profiles.save(home)
    const first = s.profiles.duplicate('home')
    const second = s.profiles.duplicate('home')
    expect(first).toEqual({ ...home, id: 'home-copy', name: 'Home network (copy)' })
    expect(second.id).toBe('home-copy-2')
    expect(s.profiles.list().map((p) => p.id)).toEqual(['home', 'home-copy', 'home-copy-2'])
    expect(() => s.profiles.duplicate('nope')).toThrow(/No profile with id "nope"/)
    s.close()
  })

  test('an invalid profile is refused with the bad field named, and nothing changes', () => {
    const s = open(temp.path)
    s.profiles.save(home)
    const bad = { ...home, agents: [{ label: 'x', source: 'http://example.com', enabled: true }] }
    expect(() => s.profiles.save(bad)).toThrow(StorageInputError)
    expect(() => s.profiles.save(bad)).toThrow(/agents\[0\]\.source: expected tcp:\/\/host:port or unix:\/path/)
    expect(() => s.profiles.setActive('missing')).toThrow(/No profile/)
    expect(s.profiles.list()).toEqual([home])
    s.close()
  })
})

describe('aliases and mute rules', () => {
  test('aliases are keyed by lowercase MAC, blank removes, and survive a restart', () => {
    const s = open(temp.path)
    s.aliases.set('AA:BB:CC:00:11:22', '  Living room TV ')
    s.aliases.set('aa:bb:cc:00:11:33', 'Laptop')
    s.aliases.set('aa:bb:cc:00:11:33', 'Work laptop')
    s.aliases.set('02:00:00:00:00:01', 'temp')
    s.aliases.set('02:00:00:00:00:01', '   ')
    expect(() => s.aliases.set('not-a-mac', 'x')).toThrow(/not a MAC address/)
    s.close()
    const again = open(temp.path)
    expect(again.aliases.list()).toEqual([
      { mac: 'aa:bb:cc:00:11:22', alias: 'Living room TV' },
      { mac: 'aa:bb:cc:00:11:33', alias: 'Work laptop' },
    ])
    expect(again.aliases.get('AA:BB:CC:00:11:22')).toBe('Living room TV')
    again.close()
  })

  test('mute rules round-trip, the same rule twice is stored once, remove works', () => {
    const s = open(temp.path)
    const a = s.muteRules.add({ device: 'AA:BB:CC:00:11:22', riskId: 12 })
    const b = s.muteRules.add({ application: 'netify.bittorrent' })
    expect(s.muteRules.add({ riskId: 12, device: 'aa:bb:cc:00:11:22' })).toBe(a)
    expect(() => s.muteRules.add({})).toThrow(/at least one of device, application, riskId, host/)
    s.close()
    const again = open(temp.path)
    expect(again.muteRules.list()).toEqual([
      { id: a, rule: { device: 'aa:bb:cc:00:11:22', riskId: 12 }, created: T0 },
      { id: b, rule: { application: 'netify.bittorrent' }, created: T0 },
    ])
    expect(again.muteRules.remove(a)).toBe(true)
    expect(again.muteRules.list().map((r) => r.id)).toEqual([b])
    again.close()
  })
})

describe('settings', () => {
  test('a first run gets the documented defaults', () => {
    const s = open(temp.path)
    expect(s.settings.get()).toEqual({
      theme: 'system', closeToTray: true, retentionDays: 30, flowTableCap: 100000, learningHours: 24,
      notifications: { minSeverity: 'medium', ratePerMinute: 5, disabledKinds: [] },
    })
    s.close()
  })

  test('updates survive a restart; an invalid update names the field and keeps the old value', () => {
    const s = open(temp.path)
    const next: SettingsView = {
      ...DEFAULT_SETTINGS, theme: 'dark', retentionDays: 7, trafficThresholdBytes: 1_000_000,
      notifications: { minSeverity: 'high', ratePerMinute: 2, disabledKinds: ['new_device'], quietHours: { start: '22:00', end: '07:00' } },
    }
    s.settings.update(next)
    expect(() => s.settings.update({ ...next, retentionDays: 0 })).toThrow(/retentionDays/)
    s.close()
    const again = open(temp.path)
    expect(again.settings.get()).toEqual(next)
    again.close()
  })
})

describe('alerts', () => {
  const risk: AlertView = {
    id: 'risk/agent1/aa:bb:cc:00:11:22/12', kind: 'risk', severity: 'high', state: 'new', title: 'Self-signed certificate',
    explanation: 'The server presented a certificate nobody vouches for.', agentId: 'agent1', device: 'aa:bb:cc:00:11:22',
    application: 'netify.https', host: '<script>alert(1)</script>.example', riskId: 12, riskName: 'TLS self-signed certificate',
    count: 3, firstSeen: T0 - 5000, lastSeen: T0,
  }
  const down: AlertView = {
    id: 'agent_down/agent2', kind: 'agent_down', severity: 'critical', state: 'new', title: 'Agent down',
    explanation: 'No data for 60 s', count: 1, firstSeen: T0 - 1000, lastSeen: T0 - 1000,
  }

  test('every field round-trips (absent optional fields stay absent), newest first', () => {
    const s = open(temp.path)
    s.alerts.upsert([down, risk])
    s.close()
    const again = open(temp.path)
    expect(again.alerts.list()).toEqual([risk, down])
    again.close()
  })

  test('upsert by id replaces; state changes persist, snooze keeps its end time', () => {
    const s = open(temp.path)
    s.alerts.upsert([risk, down])
    s.alerts.upsert([{ ...risk, count: 4, lastSeen: T0 + 1000 }])
    expect(s.alerts.setState([risk.id, 'unknown-id'], 'snoozed', T0 + 3_600_000)).toBe(1)
    expect(s.alerts.setState([down.id], 'acknowledged', T0 + 99)).toBe(1)
    s.close()
    const again = open(temp.path)
    const [r, d] = again.alerts.list()
    expect(r).toMatchObject({ id: risk.id, count: 4, lastSeen: T0 + 1000, state: 'snoozed', snoozedUntil: T0 + 3_600_000 })
    expect(d.state).toBe('acknowledged')
    expect(d.snoozedUntil).toBeUndefined()
    expect(again.alerts.list({ limit: 1 })).toHaveLength(1)
    again.close()
  })
})
