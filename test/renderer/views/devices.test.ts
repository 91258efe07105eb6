// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import DevicesView from '../../../src-renderer/src/views/DevicesView.vue'
import { mountWithStores, settle } from '../mount-helpers'
import { makeDevice, makeFlow, makeAlert, makeSnapshot } from '../view-factories'

const LAPTOP = 'aa:bb:cc:00:00:01'
const PHONE = 'aa:bb:cc:00:00:02'
const TV = 'aa:bb:cc:00:00:03'

function snapshot() {
  return makeSnapshot({
    devices: [
      makeDevice(LAPTOP, { alias: 'Work laptop', vendor: 'Dell Inc.', ips: ['192.168.1.10'] }),
      makeDevice(PHONE, { vendor: 'Apple, Inc.', ips: ['192.168.1.20', 'fe80::1'] }),
      makeDevice(TV, { vendor: 'Samsung', ips: ['192.168.1.30'], alias: '<img src=x onerror=alert(1)>' }),
    ],
    flows: [
      makeFlow('a1/f1', { localMac: PHONE, application: 'netify.youtube', host: 'www.youtube.com', totalBytes: 5000 }),
      makeFlow('a1/f2', { localMac: LAPTOP, application: 'netify.zoom', host: 'zoom.us', totalBytes: 100 }),
    ],
    alerts: [makeAlert('al1', { device: PHONE, title: 'Risky TLS' })],
  })
}

function rowNames(wrapper: ReturnType<typeof mountWithStores>['wrapper']): string[] {
  return wrapper.findAll('tbody th[scope="row"] a').map((a) => a.text())
}

describe('devices list', () => {
  it('exports the devices the search matches as CSV, one row per device', async () => {
    const blobs: Blob[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'))
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const { wrapper } = mountWithStores(DevicesView, snapshot())
    await wrapper.get('input[type="search"]').setValue('192.168.1')
    await wrapper.findAll('button').find((b) => b.text() === 'Export CSV')!.trigger('click')
    const lines = (await blobs[0].text()).trim().split(/\r?\n/)
    expect(lines).toHaveLength(1 + 3)
    expect(lines.slice(1).some((l) => l.includes(PHONE))).toBe(true)
    // A hostile alias is a cell, not a formula or markup that runs.
    expect(lines.slice(1).some((l) => l.includes('<img src=x onerror=alert(1)>'))).toBe(true)
    create.mockRestore(), revoke.mockRestore(), click.mockRestore()
  })

  it('filters by every search term across alias, vendor and addresses', async () => {
    const { wrapper } = mountWithStores(DevicesView, snapshot())
    expect(rowNames(wrapper)).toHaveLength(3)
    const search = wrapper.get('input[type="search"]')
    await search.setValue('apple')
    expect(rowNames(wrapper)).toEqual([PHONE])
    await search.setValue('192.168.1 laptop')
    expect(rowNames(wrapper)).toEqual(['Work laptop'])
    await search.setValue('nothing-like-this')
    expect(rowNames(wrapper)).toEqual([])
    expect(wrapper.text()).toContain('0 of 3 devices')
  })

  it('renders a hostile alias as text, never as markup', () => {
    const { wrapper } = mountWithStores(DevicesView, snapshot())
    expect(wrapper.find('img').exists()).toBe(false)
    expect(rowNames(wrapper)).toContain('<img src=x onerror=alert(1)>')
  })
})

describe('device page', () => {
  it('shows the device, its flows and alerts, and asks history for its last hour', async () => {
    const { wrapper, bridge } = mountWithStores(DevicesView, snapshot(), { props: { param: PHONE } })
    await settle()
    expect(wrapper.get('h1').text()).toBe(PHONE)
    expect(wrapper.text()).toContain('fe80::1')
    expect(wrapper.text()).toContain('www.youtube.com')
    expect(wrapper.text()).not.toContain('zoom.us')
    expect(wrapper.text()).toContain('Risky TLS')
    const [q] = bridge.sent('history.query')
    expect(q.device).toBe(PHONE)
    expect(q.to - q.from).toBe(3_600_000)
  })

  it('renames inline: sends device.rename with the trimmed alias', async () => {
    const { wrapper, bridge } = mountWithStores(DevicesView, snapshot(), { props: { param: PHONE } })
    const rename = wrapper.findAll('button').find((b) => b.text() === 'Rename')
    await rename!.trigger('click')
    const input = wrapper.get('input[maxlength="100"]')
    await input.setValue('  Anna’s phone ')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(bridge.sent('device.rename')).toEqual([{ mac: PHONE, alias: 'Anna’s phone' }])
    expect(wrapper.find('input[maxlength="100"]').exists()).toBe(false)
  })

  it('shows the core’s error when a rename fails and keeps the form open', async () => {
    const { wrapper, bridge } = mountWithStores(DevicesView, snapshot(), { props: { param: PHONE } })
    bridge.handle('device.rename', () => {
      throw new Error('The device store is read-only')
    })
    await wrapper.findAll('button').find((b) => b.text() === 'Rename')!.trigger('click')
    await wrapper.get('input[maxlength="100"]').setValue('x')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toBe('The device store is read-only')
    expect(wrapper.find('input[maxlength="100"]').exists()).toBe(true)
  })
})
