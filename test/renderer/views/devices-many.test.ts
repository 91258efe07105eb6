// @vitest-environment happy-dom
/**
 * A network of 20,000 devices: the list renders only a window of rows, yet the count, search,
 * scrolling and export cover every device.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import type { DeviceView } from '@contract/views'
import DevicesView from '../../../src-renderer/src/views/DevicesView.vue'
import { mountWithStores } from '../mount-helpers'
import { makeDevice, makeSnapshot } from '../view-factories'

const COUNT = 20_000
const mac = (i: number): string => `02:00:00:${[(i >> 16) & 255, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`
/** Device i has rate COUNT - i, so the default "current rate" order is the index order. */
const devices: DeviceView[] = Array.from({ length: COUNT }, (_, i) =>
  makeDevice(mac(i), { rateIn: COUNT - i, vendor: i % 20 === 0 ? 'Acme Sensors' : 'Generic', ips: [`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`] }),
)

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
})

function mountList(): VueWrapper {
  wrapper = mountWithStores(DevicesView, makeSnapshot({ devices }), { attachTo: document.body }).wrapper
  return wrapper
}
const renderedMacs = (w: VueWrapper): string[] => w.findAll('tbody th[scope="row"] a').map((a) => a.text())
const status = (w: VueWrapper): string => w.get('[role="status"]').text()

describe('a list of 20,000 devices', () => {
  it('renders only the rows in view, in order, and counts them all', async () => {
    const w = mountList()
    await nextTick()
    const shown = renderedMacs(w)
    expect(shown.length).toBeGreaterThan(5)
    expect(shown.length).toBeLessThan(200)
    expect(shown.slice(0, 3)).toEqual([mac(0), mac(1), mac(2)])
    expect(status(w)).toBe(`${COUNT} of ${COUNT} devices`)
    expect(w.get('table').attributes('aria-rowcount')).toBe(String(COUNT + 1))
    // The rest of the list is stood in for by a spacer, so the scrollbar covers every device.
    const spacer = w.findAll('tbody tr.spacer')
    expect(spacer).toHaveLength(1)
    expect(parseFloat((spacer[0].get('td').element as HTMLElement).style.height)).toBeGreaterThan(COUNT * 10)
  })

  it('renders the rows at the far end once scrolled there', async () => {
    const w = mountList()
    await nextTick()
    const scroller = w.get('.table-scroll').element as HTMLElement
    scroller.scrollTop = 10_000_000
    scroller.dispatchEvent(new Event('scroll'))
    await nextTick()
    const shown = renderedMacs(w)
    expect(shown).toContain(mac(COUNT - 1))
    expect(shown).not.toContain(mac(0))
    expect(shown.length).toBeLessThan(200)
    const last = w.findAll('tbody tr[aria-rowindex]').at(-1)
    expect(last?.attributes('aria-rowindex')).toBe(String(COUNT + 1))
  })

  it('finds a device far down the list by search', async () => {
    const w = mountList()
    await w.get('input[type="search"]').setValue(mac(19_987))
    expect(renderedMacs(w)).toEqual([mac(19_987)])
    expect(status(w)).toBe(`1 of ${COUNT} devices`)
    await w.get('input[type="search"]').setValue(`10.0.${(19_987 >> 8) & 255}.${19_987 & 255}`)
    expect(renderedMacs(w)).toContain(mac(19_987))
  })

  it('exports every device the search matches, not only the rendered rows', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'))
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const w = mountList()
    await w.get('input[type="search"]').setValue('acme')
    const acme = devices.filter((d) => d.vendor === 'Acme Sensors')
    expect(status(w)).toBe(`${acme.length} of ${COUNT} devices`)
    expect(renderedMacs(w).length).toBeLessThan(200)
    await w.findAll('button').find((b) => b.text() === 'Export CSV')!.trigger('click')
    const lines = (await blobs[0].text()).trim().split(/\r?\n/)
    expect(lines).toHaveLength(1 + acme.length)
    expect(lines.some((l) => l.includes(acme.at(-1)!.mac))).toBe(true)
  })
})
