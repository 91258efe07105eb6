// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { startSync, type SyncTargets } from '../../../src-renderer/src/stores/sync'
import { createKeyedList } from '../../../src-renderer/src/stores/keyed-list'
import { useAgentsStore } from '../../../src-renderer/src/stores/agents'
import { useApplicationsStore } from '../../../src-renderer/src/stores/applications'
import { useDevicesStore } from '../../../src-renderer/src/stores/devices'
import { useProfilesStore } from '../../../src-renderer/src/stores/profiles'
import { useSettingsStore } from '../../../src-renderer/src/stores/settings'
import { useTrafficStore } from '../../../src-renderer/src/stores/traffic'
import { useUiStore } from '../../../src-renderer/src/stores/ui'
import type { AlertView, FlowRow } from '@contract/views'
import type { ConnectionListener } from '../../../src-renderer/src/bridge/connection-state'
import { createFakeBridge } from '../fake-bridge'
import { makeAgent, makeAlert, makeApplication, makeDevice, makeFlow, makeSettings, makeSnapshot, T0 } from '../view-factories'

const flush = () => new Promise((r) => setTimeout(r, 0))

function targets() {
  const flows = createKeyedList<FlowRow, string>((f) => f.key)
  const alerts = createKeyedList<AlertView, string>((a) => a.id)
  const t: SyncTargets = {
    agents: useAgentsStore(), devices: useDevicesStore(), flows, applications: useApplicationsStore(), alerts,
    profiles: useProfilesStore(), settings: useSettingsStore(), traffic: useTrafficStore(), ui: useUiStore(),
  }
  return { t, flows, alerts }
}

const A = 'aa:bb:cc:00:00:01'
const B = 'aa:bb:cc:00:00:02'

describe('sync', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('asks for a snapshot at start and fills every store from it', async () => {
    const bridge = createFakeBridge({
      snapshot: makeSnapshot({
        seq: 7, demo: true, agents: [makeAgent('a1')], devices: [makeDevice(A), makeDevice(B)],
        flows: [makeFlow('a1/f1')], alerts: [makeAlert('x')], applications: [makeApplication(10, 'netify.google')],
        throughput: [{ t: T0, in: 100, out: 50 }], activeProfileId: 'p1', notificationsPausedUntil: T0 + 1000,
      }),
    })
    const { t, flows, alerts } = targets()
    startSync(bridge, t)
    await flush()
    expect(bridge.sent('snapshot.get')).toHaveLength(1)
    expect(useDevicesStore().devices.map((d) => d.mac)).toEqual([A, B])
    expect(flows.items.value.map((f) => f.key)).toEqual(['a1/f1'])
    expect(alerts.items.value.map((a) => a.id)).toEqual(['x'])
    expect(useAgentsStore().agents[0].id).toBe('a1')
    expect(useApplicationsStore().byId.get(10)?.name).toBe('netify.google')
    expect(useTrafficStore().throughput).toEqual([{ t: T0, in: 100, out: 50 }])
    expect(useProfilesStore().activeProfileId).toBe('p1')
    expect(useSettingsStore().notificationsPausedUntil).toBe(T0 + 1000)
    expect(useUiStore().demo).toBe(true)
  })

  it('applies consecutive deltas: upserts, removals, appended throughput, replaced settings', async () => {
    const bridge = createFakeBridge({ snapshot: makeSnapshot({ seq: 3, devices: [makeDevice(A), makeDevice(B)], throughput: [{ t: T0, in: 1, out: 1 }] }) })
    startSync(bridge, targets().t)
    await flush()
    const devices = useDevicesStore()
    const before = devices.devices
    bridge.emit('delta', {
      seq: 4, at: T0 + 1000,
      devices: { upsert: [makeDevice(A, { alias: 'Laptop', rateIn: 500 })], remove: [B] },
      throughput: [{ t: T0 + 1000, in: 2, out: 3 }],
      settings: makeSettings({ retentionDays: 7 }),
      notificationsPausedUntil: null,
    })
    expect(devices.devices).not.toBe(before)
    expect(devices.devices).toHaveLength(1)
    expect(devices.byMac.get(A)?.alias).toBe('Laptop')
    expect(useTrafficStore().throughput.map((p) => p.t)).toEqual([T0, T0 + 1000])
    expect(useSettingsStore().settings?.retentionDays).toBe(7)
    expect(useSettingsStore().notificationsPausedUntil).toBeUndefined()
    expect(useUiStore().dataAt).toBe(T0 + 1000)
    expect(bridge.sent('snapshot.get')).toHaveLength(1)
  })

  it('replaces the device array once per batch, leaving an untouched store alone', async () => {
    const bridge = createFakeBridge({ snapshot: makeSnapshot({ seq: 1, devices: [makeDevice(A)], applications: [makeApplication(1, 'x')] }) })
    startSync(bridge, targets().t)
    await flush()
    const apps = useApplicationsStore().applications
    const first = useDevicesStore().devices
    bridge.emit('delta', { seq: 2, at: T0, devices: { upsert: [makeDevice(A, { rateIn: 1 }), makeDevice(B)], remove: [] } })
    const second = useDevicesStore().devices
    expect(second).not.toBe(first)
    expect(first.map((d) => d.mac)).toEqual([A])
    expect(second.map((d) => d.mac)).toEqual([A, B])
    expect(useApplicationsStore().applications).toBe(apps)
  })

  it('on a sequence gap asks for a snapshot, then applies held deltas that follow it', async () => {
    const bridge = createFakeBridge({ snapshot: makeSnapshot({ seq: 1, devices: [makeDevice(A)] }) })
    startSync(bridge, targets().t)
    await flush()
    bridge.snapshot = makeSnapshot({ seq: 5, devices: [makeDevice(A, { alias: 'resynced' })] })
    bridge.emit('delta', { seq: 4, at: T0, devices: { upsert: [makeDevice(B)], remove: [] } })
    bridge.emit('delta', { seq: 6, at: T0, devices: { upsert: [makeDevice(B, { alias: 'after' })], remove: [] } })
    expect(useDevicesStore().byMac.has(B)).toBe(false)
    expect(bridge.sent('snapshot.get')).toHaveLength(2)
    await flush()
    const d = useDevicesStore()
    expect(d.byMac.get(A)?.alias).toBe('resynced')
    expect(d.byMac.get(B)?.alias).toBe('after')
  })

  it('ignores a duplicate delta and resets on a new snapshot push (core restarted)', async () => {
    const bridge = createFakeBridge({ snapshot: makeSnapshot({ seq: 10, devices: [] }) })
    startSync(bridge, targets().t)
    await flush()
    bridge.emit('delta', { seq: 11, at: T0, devices: { upsert: [makeDevice(A)], remove: [] } })
    bridge.emit('delta', { seq: 11, at: T0, devices: { upsert: [makeDevice(B)], remove: [] } })
    expect(useDevicesStore().devices.map((x) => x.mac)).toEqual([A])
    bridge.emit('snapshot', makeSnapshot({ seq: 1, devices: [makeDevice(B)] }))
    bridge.emit('delta', { seq: 2, at: T0, devices: { upsert: [], remove: [B] } })
    expect(useDevicesStore().devices).toEqual([])
    expect(bridge.sent('snapshot.get')).toHaveLength(1)
  })

  it('follows navigate pushes into the hash and reports visibility changes', async () => {
    const bridge = createFakeBridge()
    const stop = startSync(bridge, targets().t, { doc: document })
    await flush()
    bridge.emit('navigate', { view: 'devices', device: A })
    expect(window.location.hash).toBe(`#/devices/${encodeURIComponent(A)}`)
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    document.dispatchEvent(new Event('visibilitychange'))
    expect(bridge.sent('view.visibility')).toEqual([{ visible: true }, { visible: false }])
    stop()
    expect(bridge.listenerCount('delta')).toBe(0)
  })

  it('takes a resync after a reconnect even when the new session restarts its sequence', async () => {
    const bridge = createFakeBridge({ snapshot: makeSnapshot({ seq: 50, devices: [makeDevice(A)] }) })
    const listeners: ConnectionListener[] = []
    const connection = { onConnection: (l: ConnectionListener) => (listeners.push(l), () => undefined) }
    startSync(bridge, targets().t, { connection })
    await flush()
    bridge.snapshot = makeSnapshot({ seq: 1, devices: [makeDevice(B)] })
    for (const l of listeners) l({ status: 'closed', retryAt: T0 })
    for (const l of listeners) l({ status: 'connecting' })
    for (const l of listeners) l({ status: 'open' })
    bridge.emit('delta', { seq: 2, at: T0, devices: { upsert: [makeDevice(A, { alias: 'back' })], remove: [] } })
    await flush()
    expect(useDevicesStore().devices.map((d) => [d.mac, d.alias])).toEqual([[B, undefined], [A, 'back']])
  })
})
