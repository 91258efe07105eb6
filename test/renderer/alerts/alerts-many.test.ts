// @vitest-environment happy-dom
/**
 * 5,000 alerts (as many as the core keeps): the table renders only a window of rows, yet
 * filtering, "select all" with bulk actions, and navigating to one alert cover every alert.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import type { AlertView, Severity } from '@contract/views'
import AlertsView from '../../../src-renderer/src/views/AlertsView.vue'
import { useUiStore } from '../../../src-renderer/src/stores/ui'
import type { FakeBridge } from '../fake-bridge'
import { startSyncedStores } from '../mount-helpers'
import { T0, makeAlert, makeSnapshot } from '../view-factories'

const COUNT = 5_000
const FAR = 'alert-4990'
/** Alert i was last seen i seconds before T0, so the newest-first order is the index order. */
const alerts: AlertView[] = Array.from({ length: COUNT }, (_, i) =>
  makeAlert(`alert-${i}`, {
    lastSeen: T0 - i * 1000,
    state: i % 3 === 0 ? 'acknowledged' : 'new',
    severity: (`alert-${i}` === FAR ? 'critical' : 'low') as Severity,
  }),
)

let pinia: Pinia
let bridge: FakeBridge
let wrapper: VueWrapper | undefined
let stopSync: (() => void) | undefined

beforeEach(async () => {
  ;({ pinia, bridge, stop: stopSync } = await startSyncedStores(makeSnapshot({ seq: 1, alerts })))
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  stopSync?.()
})

async function mountView(): Promise<VueWrapper> {
  wrapper = mount(AlertsView, { props: { now: () => T0 }, global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}
const renderedIds = (w: VueWrapper): string[] => w.findAll('tbody tr[data-alert-id]').map((r) => r.attributes('data-alert-id')!)

describe('a table of 5,000 alerts', () => {
  it('renders only the rows in view, newest first', async () => {
    const w = await mountView()
    const ids = renderedIds(w)
    expect(ids.length).toBeGreaterThan(3)
    expect(ids.length).toBeLessThan(200)
    expect(ids.slice(0, 3)).toEqual(['alert-0', 'alert-1', 'alert-2'])
    expect(w.get('table').attributes('aria-rowcount')).toBe(String(COUNT + 1))
    expect(w.findAll('tbody tr.spacer')).toHaveLength(1)
  })

  it('filters all 5,000, finding an alert far down the list', async () => {
    const w = await mountView()
    expect(renderedIds(w)).not.toContain(FAR)
    await w.get('select[name="severity-filter"]').setValue('critical')
    expect(renderedIds(w)).toEqual([FAR])
  })

  it('"select all" then "Acknowledge selected" sends every matched alert, rendered or not', async () => {
    bridge.handle('alert.acknowledge', (p) => ({ changed: p.ids.length }))
    const w = await mountView()
    await w.get('select[name="state-filter"]').setValue('new')
    const unread = alerts.filter((a) => a.state === 'new').map((a) => a.id)
    await w.get('thead input[type="checkbox"]').setValue(true)
    expect(w.get('.bulk-actions').text()).toContain(`${unread.length} selected`)
    await w.get('button.ack-selected').trigger('click')
    await flushPromises()
    const [sent] = bridge.sent('alert.acknowledge')
    expect(sent.ids).toHaveLength(unread.length)
    expect(new Set(sent.ids)).toEqual(new Set(unread))
    expect(w.get('.alerts-message').text()).toBe(`Acknowledged ${unread.length} alerts.`)
  })

  it('scrolls to, highlights and focuses an alert far down the list when navigated to', async () => {
    const w = await mountView()
    const scroller = w.get('.alerts-scroll').element as HTMLElement
    // happy-dom has no layout: give the scroller the extent a browser would (every row's height).
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => COUNT * 200 })
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => window.innerHeight })
    expect(scroller.scrollTop).toBe(0)
    useUiStore().route = { view: 'alerts', param: FAR }
    await flushPromises()
    // The virtualiser moved the scroller to the alert; the browser then reports the scroll.
    expect(scroller.scrollTop).toBeGreaterThan(4000 * 40)
    scroller.dispatchEvent(new Event('scroll'))
    await flushPromises()
    const row = w.get(`tbody tr[data-alert-id="${FAR}"]`)
    expect(row.attributes('aria-current')).toBe('true')
    expect(row.attributes('aria-rowindex')).toBe(String(4990 + 2))
    expect(document.activeElement).toBe(row.element)
    expect(renderedIds(w).length).toBeLessThan(200)
    expect(renderedIds(w)).not.toContain('alert-0')
  })
})
