// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import SettingsView from '../../../src-renderer/src/views/SettingsView.vue'
import HistoryView from '../../../src-renderer/src/views/HistoryView.vue'
import { fromDateTimeLocal } from '../../../src-renderer/src/lib/format'
import { mountWithStores, settle } from '../mount-helpers'
import { makeSettings, makeSnapshot } from '../view-factories'

function labelled(wrapper: ReturnType<typeof mountWithStores>['wrapper'], label: string) {
  const l = wrapper.findAll('label').find((x) => x.text().startsWith(label))
  if (!l) throw new Error(`no label ${label}`)
  return l.get('input, select')
}

describe('settings', () => {
  it('refuses out-of-range values without sending, then sends one validated settings.update', async () => {
    const { wrapper, bridge } = mountWithStores(SettingsView, makeSnapshot({ settings: makeSettings() }))
    await labelled(wrapper, 'Retention (days)').setValue('0')
    await wrapper.get('form[aria-label="Settings"]').trigger('submit')
    await settle()
    expect(bridge.sent('settings.update')).toEqual([])
    expect(wrapper.get('[role="alert"]').text()).toContain('Retention (days)')

    await labelled(wrapper, 'Retention (days)').setValue('7')
    await labelled(wrapper, 'Theme').setValue('dark')
    await labelled(wrapper, 'Traffic alert threshold').setValue('250')
    await labelled(wrapper, 'Minimum severity').setValue('high')
    await wrapper.findAll('label').find((l) => l.text() === 'Quiet hours')!.get('input').setValue(true)
    await labelled(wrapper, 'From').setValue('23:30')
    await wrapper.findAll('label').find((l) => l.text() === 'New devices')!.get('input').setValue(false)
    await wrapper.get('form[aria-label="Settings"]').trigger('submit')
    await settle()
    expect(bridge.sent('settings.update')).toEqual([{
      settings: {
        theme: 'dark', closeToTray: true, retentionDays: 7, flowTableCap: 50_000, learningHours: 24, trafficThresholdBytes: 250_000_000,
        notifications: { minSeverity: 'high', ratePerMinute: 6, quietHours: { start: '23:30', end: '07:00' }, disabledKinds: ['new_device'] },
      },
    }])
    expect(wrapper.text()).toContain('Settings saved.')
  })

  it('pauses and resumes notifications', async () => {
    const { wrapper, bridge } = mountWithStores(SettingsView)
    const before = Date.now()
    await wrapper.findAll('button').find((b) => b.text() === 'Pause for 1 hour')!.trigger('click')
    await settle()
    const [p] = bridge.sent('notifications.pause')
    expect(p.until! - before).toBeGreaterThanOrEqual(3_600_000)
    expect(wrapper.text()).toContain('Paused until')
    await wrapper.findAll('button').find((b) => b.text() === 'Resume notifications')!.trigger('click')
    await settle()
    expect(bridge.sent('notifications.pause')[1]).toEqual({ until: null })
    expect(wrapper.text()).toContain('Notifications are on.')
  })
})

describe('history', () => {
  it('queries the last 24 hours first, then the preset or custom range picked', async () => {
    const { wrapper, bridge } = mountWithStores(HistoryView)
    await settle()
    const day = bridge.sent('history.query')[0]
    expect(day.to - day.from).toBe(24 * 3_600_000)
    await wrapper.findAll('button').find((b) => b.text() === 'Last 7 days')!.trigger('click')
    await settle()
    const week = bridge.sent('history.query')[1]
    expect(week.to - week.from).toBe(7 * 24 * 3_600_000)
    expect(week.device).toBeUndefined()

    await labelled(wrapper, 'From').setValue('2025-01-10T08:00')
    await labelled(wrapper, 'To').setValue('2025-01-10T06:00')
    await wrapper.get('form[aria-label="Custom time range"]').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toBe('The end must be after the start.')
    expect(bridge.sent('history.query')).toHaveLength(2)
    await labelled(wrapper, 'To').setValue('2025-01-11T06:00')
    await wrapper.get('form[aria-label="Custom time range"]').trigger('submit')
    await settle()
    expect(bridge.sent('history.query')[2]).toEqual({ from: fromDateTimeLocal('2025-01-10T08:00'), to: fromDateTimeLocal('2025-01-11T06:00') })
  })

  it('totals the rows per device and application', async () => {
    const { wrapper, bridge } = mountWithStores(HistoryView)
    const mac = 'aa:bb:cc:dd:ee:01'
    bridge.handle('history.query', (p) => [
      { t: p.from, device: mac, application: 'netify.youtube', bytesSent: 1000, bytesReceived: 500_000 },
      { t: p.from + 60_000, device: mac, application: 'netify.youtube', bytesSent: 1000, bytesReceived: 500_000 },
      { t: p.from, device: mac, application: 'netify.dns', bytesSent: 10, bytesReceived: 20 },
    ])
    await wrapper.findAll('button').find((b) => b.text() === 'Last hour')!.trigger('click')
    await settle()
    const rows = wrapper.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      [mac, 'youtube', '2.00 KB', '1.00 MB', '1.00 MB'],
      [mac, 'dns', '10 B', '20 B', '30 B'],
    ])
  })
})
