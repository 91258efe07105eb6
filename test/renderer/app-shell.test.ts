// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { useAppShell } from './app-shell-mount'
import { createFakeBridge } from './fake-bridge'
import { settle } from './mount-helpers'
import { makeAgent, makeAlert, makeDevice, makeSettings, makeSnapshot, T0 } from './view-factories'

const startApp = useAppShell()

async function goTo(hash: string): Promise<void> {
  window.location.hash = hash
  window.dispatchEvent(new HashChangeEvent('hashchange'))
  await settle()
}

const snapshot = () =>
  makeSnapshot({
    demo: true,
    settings: makeSettings({ theme: 'dark' }),
    devices: [makeDevice('aa:bb:cc:00:00:01', { alias: 'NAS', rateIn: 5000 }), makeDevice('aa:bb:cc:00:00:02', { rateIn: 10 })],
    alerts: [
      makeAlert('1', { severity: 'high' }),
      makeAlert('2', { severity: 'high', state: 'acknowledged' }),
      makeAlert('3', { severity: 'critical', state: 'muted' }),
      makeAlert('4', { severity: 'low', state: 'snoozed', snoozedUntil: Date.now() + 3_600_000 }),
    ],
    agents: [makeAgent('a1', {
      label: 'Edge router',
      blindSpots: [{ kind: 'capture_drops', agentId: 'a1', interface: 'eth0', start: T0, detail: '1200 packets dropped' }],
    })],
  })

describe('app shell', () => {
  it('shows the overview with the demo banner, unread badge, severity counts, top devices and health', async () => {
    const app = await startApp(createFakeBridge({ snapshot: snapshot() }))
    expect(app.get('nav[aria-label="Main"]').findAll('a').map((a) => a.text().replace(/\s+/g, ' ').trim())).toEqual([
      'Overview', 'Devices', 'Applications', 'Flows', 'Alerts 1 unread', 'Agents & profiles', 'History', 'Settings',
    ])
    expect(app.text()).toContain('Showing the embedded demo agent')
    expect(app.get('a[aria-current="page"]').text()).toBe('Overview')
    const counts = Object.fromEntries(app.findAll('.severity-list a').map((a) => [a.text().split(/\s+/)[1], Number(a.text().split(/\s+/)[0])]))
    expect(counts).toEqual({ critical: 0, high: 2, medium: 0, low: 0, info: 0 })
    expect(app.findAll('tbody th[scope="row"]').map((t) => t.text())).toEqual(['NAS', 'aa:bb:cc:00:00:02'])
    expect(app.text()).toContain('Capture drops on eth0')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it('with the "system" theme follows the OS preference, live', async () => {
    const listeners: Array<(e: { matches: boolean }) => void> = []
    const original = window.matchMedia
    window.matchMedia = ((query: string) => ({
      matches: true, media: query,
      addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.push(l),
      removeEventListener: () => undefined,
    })) as unknown as typeof window.matchMedia
    try {
      await startApp(createFakeBridge({ snapshot: { ...snapshot(), settings: makeSettings({ theme: 'system' }) } }))
      expect(document.documentElement.dataset.theme).toBe('dark')
      for (const l of listeners) l({ matches: false })
      await settle()
      expect(document.documentElement.dataset.theme).toBe('light')
    } finally {
      window.matchMedia = original
    }
  })

  it('shows the core’s notices (a database moved aside) until dismissed, as text', async () => {
    const notice = 'The database was corrupt and was moved aside to /tmp/x.corrupt-1 <b>bold?</b>'
    const app = await startApp(createFakeBridge({ snapshot: { ...snapshot(), notices: [notice] } }))
    const banner = app.findAll('[role="status"]').find((b) => b.text().includes('moved aside'))!
    expect(banner.text()).toContain(notice)
    expect(banner.find('b').exists()).toBe(false)
    await banner.get('button').trigger('click')
    expect(app.text()).not.toContain('moved aside')
  })

  it('follows the hash and navigate pushes to linkable views', async () => {
    const bridge = createFakeBridge({ snapshot: snapshot() })
    const app = await startApp(bridge)
    await goTo('#/devices')
    expect(app.get('h1').text()).toBe('Devices')
    await goTo('#/devices/aa%3Abb%3Acc%3A00%3A00%3A01')
    expect(app.get('h1').text()).toBe('NAS')
    bridge.emit('navigate', { view: 'settings' })
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await settle()
    expect(app.get('h1').text()).toBe('Settings')
    expect(app.get('a[aria-current="page"]').text()).toBe('Settings')
  })
})
