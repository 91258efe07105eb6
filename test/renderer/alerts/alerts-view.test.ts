// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import type { AlertView } from '@contract/views'
import AlertsView from '../../../src-renderer/src/views/AlertsView.vue'
import { useAlertsStore } from '../../../src-renderer/src/stores/alerts'
import { useDevicesStore } from '../../../src-renderer/src/stores/devices'
import { useUiStore } from '../../../src-renderer/src/stores/ui'
import type { FakeBridge } from '../fake-bridge'
import { startSyncedStores } from '../mount-helpers'
import { T0, makeAlert, makeDevice, makeSnapshot } from '../view-factories'

const TV = 'aa:bb:cc:dd:ee:01'
const LAPTOP = 'aa:bb:cc:dd:ee:02'
const HOUR = 3_600_000
const NOW = T0 + 5 * 60_000

const alerts: AlertView[] = [
  makeAlert('a1', { severity: 'high', title: 'Self-signed certificate', device: TV, application: 'netify.youtube', host: 'yt3.ggpht.com', riskId: 15, riskName: 'Self-signed certificate', lastSeen: T0 + 3 }),
  makeAlert('a2', { severity: 'critical', title: '<img src=x onerror=alert(1)>', device: LAPTOP, riskId: 15, riskName: 'Self-signed certificate', host: 'evil.example', lastSeen: T0 + 2 }),
  makeAlert('a3', { severity: 'low', state: 'acknowledged', title: 'New device', kind: 'new_device', device: LAPTOP, lastSeen: T0 + 1 }),
  makeAlert('a4', { severity: 'info', state: 'snoozed', snoozedUntil: T0 + HOUR, title: 'Agent stalled', kind: 'agent_stalled', lastSeen: T0 }),
]

let pinia: Pinia
let bridge: FakeBridge
let wrapper: VueWrapper | undefined
let stopSync: (() => void) | undefined

function mountView(props: { alertId?: string } = {}): VueWrapper {
  wrapper = mount(AlertsView, { props: { now: () => NOW, ...props }, global: { plugins: [pinia] }, attachTo: document.body })
  return wrapper
}
const row = (w: VueWrapper, id: string) => w.find(`tr[data-alert-id="${id}"]`)
const shownIds = (w: VueWrapper) => w.findAll('tbody tr').map((r) => r.attributes('data-alert-id'))

beforeEach(async () => {
  ;({ pinia, bridge, stop: stopSync } = await startSyncedStores(makeSnapshot({ seq: 1, alerts, devices: [makeDevice(TV, { alias: 'Living room TV' })] })))
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  stopSync?.()
})

describe('alerts list', () => {
  it('shows severity as icon and word, the device by alias or MAC, and hostile titles as text', async () => {
    const w = mountView()
    await flushPromises()
    expect(shownIds(w)).toEqual(['a1', 'a2', 'a3', 'a4'])
    const sev = row(w, 'a2').find('[data-severity]')
    expect(sev.text()).toContain('Critical')
    expect(sev.find('svg[aria-hidden="true"] path').attributes('d')).not.toBe(row(w, 'a1').find('[data-severity] path').attributes('d'))
    expect(row(w, 'a1').find('[data-test="device"]').text()).toBe(`Living room TV (${TV})`)
    expect(row(w, 'a2').find('[data-test="device"]').text()).toBe(LAPTOP)
    expect(row(w, 'a2').text()).toContain('<img src=x onerror=alert(1)>')
    expect(w.find('img').exists()).toBe(false)
    expect(row(w, 'a4').find('[data-test="state"]').text()).toMatch(/^snoozed until /)
  })

  it('filters by state and by severity', async () => {
    const w = mountView()
    await w.find('select[name="state-filter"]').setValue('new')
    expect(shownIds(w)).toEqual(['a1', 'a2'])
    await w.find('select[name="severity-filter"]').setValue('critical')
    expect(shownIds(w)).toEqual(['a2'])
    await w.find('select[name="state-filter"]').setValue('all')
    await w.find('select[name="severity-filter"]').setValue('low')
    expect(shownIds(w)).toEqual(['a3'])
  })

  it('counts unread alerts from the snapshot and follows deltas', async () => {
    const w = mountView()
    const store = useAlertsStore()
    expect(store.unreadCount).toBe(alerts.filter((a) => a.state === 'new').length)
    expect(w.find('[data-test="unread"]').text()).toBe('2 unread')
    bridge.emit('delta', { seq: 2, at: T0 + 10, alerts: { upsert: [{ ...alerts[0], state: 'acknowledged' }, makeAlert('a5'), makeAlert('a6')], remove: ['a2'] } })
    await flushPromises()
    expect(store.unreadCount).toBe(2)
    expect(store.severityCounts.critical).toBe(0)
    expect(w.find('[data-test="unread"]').text()).toBe('2 unread')
    bridge.emit('delta', { seq: 3, at: T0 + 20, alerts: { upsert: [{ ...makeAlert('a5'), state: 'muted' }], remove: [] } })
    await flushPromises()
    expect(w.find('[data-test="unread"]').text()).toBe('1 unread')
  })
})

describe('alert actions', () => {
  it('acknowledges one alert, or the selection, sending their ids', async () => {
    bridge.handle('alert.acknowledge', (p) => ({ changed: p.ids.length }))
    const w = mountView()
    await row(w, 'a1').find('button').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.acknowledge')).toEqual([{ ids: ['a1'] }])
    expect(w.find('[role="status"]').text()).toBe('Acknowledged 1 alert.')

    await row(w, 'a2').find('input[type="checkbox"]').setValue(true)
    await row(w, 'a3').find('input[type="checkbox"]').setValue(true)
    await w.find('button.ack-selected').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.acknowledge')[1]).toEqual({ ids: ['a2', 'a3'] })
  })

  it('builds a mute rule from the chosen device, risk and host', async () => {
    bridge.handle('alert.mute', () => ({ changed: 3 }))
    const w = mountView()
    await row(w, 'a1').findAll('button').find((b) => b.text() === 'Mute…')?.trigger('click')
    const dialog = w.find('[role="dialog"]')
    expect(dialog.text()).toContain(`device Living room TV (${TV})`)
    expect(dialog.text()).toContain('risk Self-signed certificate')
    expect((dialog.find('input[name="mute-device"]').element as HTMLInputElement).checked).toBe(true)
    await dialog.find('input[name="mute-riskId"]').setValue(true)
    await dialog.find('button.confirm').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.mute')).toEqual([{ rule: { device: TV, riskId: 15 } }])
    expect(w.find('[role="dialog"]').exists()).toBe(false)
    expect(w.find('[role="status"]').text()).toBe('Muted: 3 alerts now silenced.')

    await row(w, 'a1').findAll('button').find((b) => b.text() === 'Mute…')?.trigger('click')
    await w.find('input[name="mute-device"]').setValue(false)
    await w.find('input[name="mute-host"]').setValue(true)
    await w.find('button.confirm').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.mute')[1]).toEqual({ rule: { host: 'yt3.ggpht.com' } })
  })

  it('offers only what a mixed selection shares when muting it', async () => {
    const w = mountView()
    await row(w, 'a1').find('input[type="checkbox"]').setValue(true)
    await row(w, 'a2').find('input[type="checkbox"]').setValue(true)
    await w.find('button.mute-selected').trigger('click')
    const names = w.findAll('[role="dialog"] input[type="checkbox"]').map((i) => i.attributes('name'))
    expect(names).toEqual(['mute-riskId'])
    await w.find('[role="dialog"] button.confirm').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.mute')).toEqual([{ rule: { riskId: 15 } }])
  })

  it('snoozes for the chosen hours from the given clock', async () => {
    const w = mountView()
    const menu = row(w, 'a2').find('.snooze-menu')
    await menu.find('button[aria-haspopup="menu"]').trigger('click')
    await menu.find('[role="menuitem"][data-hours="8"]').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.snooze')).toEqual([{ ids: ['a2'], until: NOW + 8 * HOUR }])

    await row(w, 'a1').find('input[type="checkbox"]').setValue(true)
    await row(w, 'a3').find('input[type="checkbox"]').setValue(true)
    const bulk = w.find('.bulk-actions .snooze-menu')
    await bulk.find('button[aria-haspopup="menu"]').trigger('click')
    await bulk.find('[role="menuitem"][data-hours="1"]').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.snooze')[1]).toEqual({ ids: ['a1', 'a3'], until: NOW + HOUR })
  })

  it('marks all read, and reports a refused request', async () => {
    bridge.handle('alert.markAllRead', () => {
      throw new Error('core is shutting down')
    })
    const w = mountView()
    await w.find('button.mark-all-read').trigger('click')
    await flushPromises()
    expect(bridge.sent('alert.markAllRead')).toEqual([{}])
    expect(w.find('[role="status"]').text()).toBe('Failed: core is shutting down')
  })
})

describe('navigating to an alert', () => {
  it('highlights and focuses the alert named by the route, clearing filters that hide it', async () => {
    const w = mountView()
    await w.find('select[name="state-filter"]').setValue('new')
    useUiStore().route = { view: 'alerts', param: 'a3' }
    await flushPromises()
    expect(shownIds(w)).toContain('a3')
    expect(row(w, 'a3').attributes('aria-current')).toBe('true')
    expect(document.activeElement).toBe(row(w, 'a3').element)
    expect(w.findAll('tr[aria-current]')).toHaveLength(1)
  })

  it('accepts the alert id as a prop', async () => {
    const w = mountView({ alertId: 'a2' })
    await flushPromises()
    expect(row(w, 'a2').classes()).toContain('highlight')
  })

  it('highlights an alert that arrives after the navigation', async () => {
    useUiStore().route = { view: 'alerts', param: 'late' }
    const w = mountView()
    await flushPromises()
    expect(w.findAll('tr[aria-current]')).toHaveLength(0)
    bridge.emit('delta', { seq: 2, at: T0 + 10, alerts: { upsert: [makeAlert('late')], remove: [] } })
    await flushPromises()
    expect(row(w, 'late').attributes('aria-current')).toBe('true')
    expect(useDevicesStore().byMac.get(TV)?.alias).toBe('Living room TV')
  })
})
