// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import ApplicationsView from '../../../src-renderer/src/views/ApplicationsView.vue'
import { mountWithStores } from '../mount-helpers'
import { makeApplication, makeDevice, makeFlow, makeSnapshot } from '../view-factories'

const A = 'aa:bb:cc:00:00:01'
const B = 'aa:bb:cc:00:00:02'

function snapshot() {
  return makeSnapshot({
    devices: [makeDevice(A, { alias: 'Living room TV' }), makeDevice(B)],
    applications: [
      makeApplication(10, 'netify.netflix', { bytes: 9_000_000, rate: 10, spark: [1, 5, 3] }),
      makeApplication(20, 'netify.dns', { bytes: 2_000, rate: 500 }),
    ],
    flows: [
      makeFlow('a1/1', { localMac: A, applicationId: 10, application: 'netify.netflix', protocol: 'TLS', totalBytes: 7000, rateIn: 100 }),
      makeFlow('a1/2', { localMac: A, applicationId: 10, application: 'netify.netflix', protocol: 'QUIC', totalBytes: 1000 }),
      makeFlow('a1/3', { localMac: B, applicationId: 10, application: 'netify.netflix', protocol: 'TLS', totalBytes: 500 }),
      makeFlow('a1/4', { localMac: B, applicationId: 20, application: 'netify.dns', protocol: 'DNS', totalBytes: 80 }),
    ],
  })
}

describe('applications', () => {
  it('ranks by bytes or by current rate, each with a sparkline', async () => {
    const { wrapper } = mountWithStores(ApplicationsView, snapshot())
    const names = () => wrapper.findAll('tbody th[scope="row"]').map((t) => t.text())
    expect(names()).toEqual(['netflix', 'dns'])
    expect(wrapper.findAll('tbody svg polyline')).toHaveLength(1)
    await wrapper.get('select').setValue('rate')
    expect(names()).toEqual(['dns', 'netflix'])
  })

  it('lists the devices and protocols carrying an application, from the flow table', () => {
    const { wrapper } = mountWithStores(ApplicationsView, snapshot(), { props: { param: '10' } })
    const table = (id: string) =>
      wrapper.get(`table[aria-labelledby="${id}"]`).findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()).slice(0, 2))
    expect(table('app-devices-heading')).toEqual([['Living room TV', '2'], [B, '1']])
    expect(table('app-protocols-heading')).toEqual([['TLS', '2'], ['QUIC', '1']])
  })
})

describe('an application page', () => {
  it('opens for an application grouped under its protocol (negative id), not only for numeric ids', () => {
    const snap = makeSnapshot({ applications: [makeApplication(-8, 'HTTP/S', { bytes: 1000 })] })
    const { wrapper } = mountWithStores(ApplicationsView, snap, { props: { param: '-8' } })
    expect(wrapper.get('h1').text()).toBe('HTTP/S')
  })

  it('shows device rates that add up to the application rate shown as now', () => {
    const snap = makeSnapshot({
      devices: [makeDevice(A), makeDevice(B)],
      applications: [makeApplication(10, 'netify.netflix', { rate: 44_000, bytes: 9_000, flows: 3, devices: 2 })],
      flows: [
        makeFlow('a1/1', { localMac: A, applicationId: 10, application: 'netify.netflix', rateIn: 30_000, rateOut: 4_000 }),
        makeFlow('a1/2', { localMac: A, applicationId: 10, application: 'netify.netflix', rateIn: 5_000 }),
        makeFlow('a1/3', { localMac: B, applicationId: 10, application: 'netify.netflix', rateIn: 5_000, closedAt: Date.now() }),
      ],
    })
    const { wrapper } = mountWithStores(ApplicationsView, snap, { props: { param: '10' } })
    const rates = wrapper.get('table[aria-labelledby="app-devices-heading"]').findAll('tbody tr').map((r) => r.findAll('td')[2].text())
    expect(rates).toEqual(['312 kbit/s', '40.0 kbit/s'])
    expect(wrapper.text()).toContain('352 kbit/s now')
    expect(wrapper.text()).toMatch(/3 flows · 2 devices/)
  })
})
