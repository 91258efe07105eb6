// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { FlowDetail, FlowRow } from '@contract/views'
import FlowsView from '../../../src-renderer/src/views/FlowsView.vue'
import { useFlowsStore } from '../../../src-renderer/src/stores/flows'
import { useDevicesStore } from '../../../src-renderer/src/stores/devices'
import { setBridge } from '../../../src-renderer/src/bridge'
import { createFakeBridge, type FakeBridge } from '../fake-bridge'
import { makeDevice } from '../view-factories'
import { loadFixtureFlows, toFlowRow } from './fixture-flows'

const N = 100_000
const base = loadFixtureFlows().map((f) => toFlowRow(f, true))
/** 100k rows cycled from the recordings, each with its own key and byte count. */
const bigTable: FlowRow[] = Array.from({ length: N }, (_, i) => {
  const r = base[i % base.length]
  return { ...r, key: `${r.agentId}/${r.digest}-${i}`, digest: `${r.digest}-${i}`, totalBytes: i * 7 % 100_003 }
})

let pinia: Pinia
let bridge: FakeBridge
let wrapper: VueWrapper | undefined

function mountView(): VueWrapper {
  wrapper = mount(FlowsView, { global: { plugins: [pinia] }, attachTo: document.body })
  return wrapper
}
const bodyRows = (w: VueWrapper) => w.findAll('.flow-body [role="row"]')
const cellTexts = (w: VueWrapper, column: string) => w.findAll(`.flow-body [data-column="${column}"]`).map((c) => c.text())
const countText = (w: VueWrapper) => w.find('[data-test="flow-count"]').text()

beforeEach(() => {
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  bridge = createFakeBridge()
  setBridge(bridge)
  useFlowsStore().replaceAll(bigTable)
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('Flows view with 100k flows', () => {
  it('keeps only the visible rows in the DOM while announcing the full row count', async () => {
    const w = mountView()
    await flushPromises()
    const rendered = bodyRows(w).length
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(200)
    expect(w.find('[role="grid"]').attributes('aria-rowcount')).toBe(String(N + 1))
    expect(countText(w)).toBe(`${N.toLocaleString()} of ${N.toLocaleString()} flows`)
    const indexes = bodyRows(w).map((r) => Number(r.attributes('aria-rowindex')))
    expect(indexes[0]).toBe(2)
  })

  it('filters with an expression, and keeps the last good filter when the next one is invalid', async () => {
    const w = mountView()
    const quic = bigTable.filter((r) => r.protocol.toLowerCase().includes('quic')).length
    expect(quic).toBeGreaterThan(0)
    await w.find('#flow-filter').setValue('proto:QUIC')
    await flushPromises()
    expect(countText(w)).toBe(`${quic.toLocaleString()} of ${N.toLocaleString()} flows`)
    expect(cellTexts(w, 'protocol').every((t) => t === 'QUIC')).toBe(true)

    await w.find('#flow-filter').setValue('proto:QUIC risk>=abc')
    await flushPromises()
    const status = w.find('#flow-filter-status')
    expect(status.attributes('aria-live')).toBe('polite')
    expect(status.text()).toContain('expected a number after "risk>=" at column 18')
    expect(w.find('#flow-filter').attributes('aria-invalid')).toBe('true')
    expect(countText(w)).toBe(`${quic.toLocaleString()} of ${N.toLocaleString()} flows`)
  })

  it('sorts by a column from its header, both ways, and says so with aria-sort', async () => {
    const w = mountView()
    const risks = bigTable.map((r) => r.riskScore)
    const header = w.find('[role="columnheader"][data-column="risk"]')
    await header.find('button').trigger('click')
    await flushPromises()
    expect(header.attributes('aria-sort')).toBe('descending')
    expect(Number(cellTexts(w, 'risk')[0])).toBe(Math.max(...risks))
    await header.find('button').trigger('click')
    await flushPromises()
    expect(header.attributes('aria-sort')).toBe('ascending')
    expect(Number(cellTexts(w, 'risk')[0])).toBe(Math.min(...risks))
  })

  it('hides a column chosen off in the column chooser, and remembers it', async () => {
    const w = mountView()
    await flushPromises()
    expect(cellTexts(w, 'host').length).toBeGreaterThan(0)
    await w.find('input[name="column-host"]').setValue(false)
    await flushPromises()
    expect(w.findAll('[data-column="host"]')).toHaveLength(0)
    expect(w.findAll('[data-column="protocol"]').length).toBeGreaterThan(0)
    w.unmount()
    const again = mountView()
    await flushPromises()
    expect(again.findAll('[data-column="host"]')).toHaveLength(0)
    expect((again.find('input[name="column-host"]').element as HTMLInputElement).checked).toBe(false)
  })

  it('lines header and rows up on one column template whose defaults fit a 1280 px window', async () => {
    const w = mountView()
    await flushPromises()
    const template = (el: Element) => (el as HTMLElement).style.gridTemplateColumns
    const head = template(w.find('.flow-head [role="row"]').element)
    expect(bodyRows(w).every((r) => template(r.element) === head)).toBe(true)
    // 1280 minus the 190 px navigation, the view's 2 × 24 px padding and a 17 px scroll bar.
    const minimums = [...head.matchAll(/(?:minmax\()?(\d+)px/g)].map((m) => Number(m[1]))
    expect(minimums).toHaveLength(w.findAll('.flow-head [role="columnheader"]').length)
    expect(minimums.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1280 - 190 - 48 - 17)
    // A short header keeps its full name as a tooltip; a cut-off cell keeps its whole text.
    expect(w.find('[role="columnheader"][data-column="otherPort"] button').attributes('title')).toBe('Remote port')
    const hosts = w.findAll('.flow-body [data-column="host"]')
    expect(hosts.length).toBeGreaterThan(0)
    for (const host of hosts) expect(host.attributes('title')).toBe(host.text())
  })

  it('matches device: against the alias from the devices store', async () => {
    const mac = base.find((r) => r.localMac)?.localMac ?? ''
    useDevicesStore().replaceAll([makeDevice(mac, { alias: 'Living room TV' })])
    const w = mountView()
    await w.find('#flow-filter').setValue('device:"living room"')
    await flushPromises()
    const expected = bigTable.filter((r) => r.localMac === mac).length
    expect(countText(w)).toBe(`${expected.toLocaleString()} of ${N.toLocaleString()} flows`)
    expect(cellTexts(w, 'device').every((t) => t === 'Living room TV')).toBe(true)
  })
})

describe('flow detail drawer', () => {
  const hostile = '<img src=x onerror=alert(1)>'

  function detailFor(row: FlowRow): FlowDetail {
    return {
      row: { ...row, host: hostile, localOrigin: true },
      risks: [{ id: 15, name: 'Self-signed certificate', explanation: 'The server presented a certificate it signed itself.' }],
      metadata: {
        digest: row.digest,
        local_mac: row.localMac,
        detected_protocol_name: 'HTTP/S',
        ssl: { client_sni: hostile, server_cn: 'www.repstatic.it', issuer_dn: 'C=US, O=DigiCert Inc', version: '0x0303', client_ja3: 'c0ffee', alpn: ['h2', 'http/1.1'] },
        http: { user_agent: 'Mozilla/5.0 <script>x</script>', url: '/index.html' },
        risks: { risks: [15], ndpi_risk_score: 60 },
        extra: { gtp: { teid: 7 } },
      },
      counters: { total_packets: 12 },
    }
  }

  it('opens on click, shows TLS, HTTP and explained risks as text, and closes on Esc', async () => {
    const w = mountView()
    await flushPromises()
    const first = bodyRows(w)[0]
    const key = first.attributes('data-key') ?? ''
    const row = bigTable.find((r) => r.key === key) as FlowRow
    bridge.handle('flow.detail', () => detailFor(row))
    await first.trigger('click')
    await flushPromises()

    expect(bridge.sent('flow.detail')).toEqual([{ key }])
    const drawer = w.find('.flow-drawer[role="dialog"]')
    expect(drawer.exists()).toBe(true)
    const text = drawer.text()
    expect(text).toContain('TLS 1.2 (0x0303)')
    expect(text).toContain('c0ffee')
    expect(text).toContain('h2, http/1.1')
    expect(text).toContain('Mozilla/5.0 <script>x</script>')
    expect(text).toContain('Self-signed certificate (15)')
    expect(text).toContain('The server presented a certificate it signed itself.')
    expect(text).toContain('gtp.teid')
    expect(drawer.find('[data-test="direction"]').text()).toMatch(/^local .* opened this connection to /)
    expect(text).toContain(hostile)
    expect(drawer.find('img').exists()).toBe(false)
    expect(drawer.find('script').exists()).toBe(false)
    expect(drawer.element.contains(document.activeElement)).toBe(true)

    await drawer.trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(w.find('.flow-drawer[role="dialog"]').exists()).toBe(false)
    expect((document.activeElement as HTMLElement | null)?.getAttribute('data-key')).toBe(key)
  })

  it('opens from the keyboard with Enter', async () => {
    const w = mountView()
    await flushPromises()
    const first = bodyRows(w)[0]
    await first.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(bridge.sent('flow.detail')).toEqual([{ key: first.attributes('data-key') }])
    expect(w.find('.flow-drawer[role="dialog"]').text()).toContain('no longer holds this flow')
  })
})
