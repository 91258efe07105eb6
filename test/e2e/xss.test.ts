/**
 * Network strings are hostile. A crafted 4.4 recording carries HTML and script in every string a
 * user sees (hostnames, SNI, certificate names, user agent, URL, DNS name, application and
 * protocol names, the agent's build string, the interface name), served by the replay agent over
 * a real socket. The page runs with its Content-Security-Policy bypassed, so markup that got in
 * would run: nothing may execute, no markup from the network may reach the DOM, and the strings
 * must still be readable as text.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, tempDir, type Stack } from './harness'
import { HOSTILE, HOSTILE_APP_ID, writeHostileRecording, type HostileRecording } from './hostile-recording'
import { openApp, screenshot, showView, watchConsole, type ConsoleLog } from './page-helpers'

const POLL = { timeout: 15_000, interval: 200 }

/** Runs before the app: every element ever added that carries a handler or a hostile source is noted. */
const WATCH_DOM = `
window.__injected = []
new MutationObserver((changes) => {
  for (const change of changes) for (const node of change.addedNodes) {
    if (!(node instanceof Element)) continue
    for (const el of [node, ...node.querySelectorAll('*')]) {
      const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)
      const bad = handlers.length > 0 || el.matches('img[src="x"], iframe[srcdoc], svg animate, a[href^="javascript:" i]')
        || (el.tagName === 'SCRIPT' && (el.textContent || '').includes('__xss'))
      if (bad) window.__injected.push(el.outerHTML.slice(0, 200))
    }
  }
}).observe(document, { childList: true, subtree: true })
`

let stack: Stack
let page: Page
let log: ConsoleLog
let recording: HostileRecording
let removeRecording: () => void
const dialogs: string[] = []

beforeAll(async () => {
  const temp = tempDir()
  removeRecording = temp.remove
  recording = writeHostileRecording(temp.dir)
  stack = await startStack({ agents: [[recording.file]], flags: ['--now', '--speed', '1'] })
  page = await stack.newPage({ bypassCSP: true })
  await page.context().addInitScript(WATCH_DOM)
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  log = watchConsole(page)
  await openApp(page, stack.url)
})
afterAll(async () => {
  await stack?.close()
  removeRecording?.()
})

/** Everything that would show an injection: a set marker, a dialog, markup in the live DOM. */
async function expectNothingExecuted(where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __injected: string[] }
    const live = [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => /^on/i.test(a.name))
      || el.matches('img[src="x"], iframe[srcdoc], svg animate, a[href^="javascript:" i]')).map((el) => el.outerHTML.slice(0, 200))
    return { xss: w.__xss, injected: w.__injected, live }
  })
  expect({ where, ...found, dialogs }).toEqual({ where, xss: undefined, injected: [], live: [], dialogs: [] })
}

/** The visible text of the page, as a user reads it. */
const mainText = (): Promise<string> => page.locator('body').innerText()

/** Moves the mouse over each chart (newest data first) until its tooltip names a hostile series. */
async function hoverCharts(): Promise<string[]> {
  const tips: string[] = []
  for (const canvas of await page.locator('main figure canvas').all()) {
    const box = (await canvas.boundingBox())!
    for (const fraction of [0.98, 0.95, 0.9, 0.8, 0.5]) {
      await page.mouse.move(box.x + box.width * fraction, box.y + box.height * 0.6)
      const tip = await canvas.locator('xpath=ancestor::figure').locator('div').evaluateAll((els) =>
        els.map((e) => (e as HTMLElement).innerText).filter((t) => t.includes('onerror') || t.includes('onbegin')))
      tips.push(...tip)
      if (tip.length > 0) break
    }
  }
  await page.mouse.move(0, 0)
  return tips
}

describe('hostile strings from the network', () => {
  it('overview: nothing runs, including in chart tooltips', async () => {
    await showView(page, '#/overview', 'Overview')
    await expect.poll(() => page.locator('main table tbody th').count(), POLL).toBeGreaterThan(0)
    await expect.poll(() => page.locator('main figcaption').first().textContent(), POLL).toMatch(/Now: in [1-9]/)
    const tips = await hoverCharts()
    await screenshot(page, 'xss-overview')
    await expectNothingExecuted('overview')
    expect(tips.join('\n'), 'a chart tooltip shows the hostile application as text').toContain(HOSTILE.application.replace(/^netify\./, ''))
  })

  it('devices and a device page show hostile hosts and applications as text', async () => {
    await showView(page, '#/devices', 'Devices')
    await expect.poll(() => page.locator('main tbody tr').count(), POLL).toBe(2)
    await expectNothingExecuted('devices')
    await showView(page, `#/devices/${encodeURIComponent(recording.macs[0])}`, recording.macs[0])
    await expect.poll(mainText, POLL).toContain(HOSTILE.sni)
    expect(await mainText()).toContain(HOSTILE.application.replace(/^netify\./, ''))
    await screenshot(page, 'xss-device-page')
    await expectNothingExecuted('device page')
  })

  it('applications and the hostile application page', async () => {
    await showView(page, '#/applications', 'Applications')
    await expect.poll(mainText, POLL).toContain(HOSTILE.application.replace(/^netify\./, ''))
    expect(await mainText()).toContain(HOSTILE.protocol)
    await expectNothingExecuted('applications')
    await showView(page, `#/applications/${HOSTILE_APP_ID}`, 'onerror')
    await screenshot(page, 'xss-application-page')
    await expectNothingExecuted('application page')
  })

  it('flows: the table and the flow drawer show every hostile field as literal text', async () => {
    await showView(page, '#/flows', 'Flows')
    // The host column shows the TLS SNI when there is one.
    const hostCell = page.locator('[role="gridcell"][data-column="host"]').getByText(HOSTILE.sni, { exact: true })
    await expect.poll(() => hostCell.count(), POLL).toBe(1)
    await expectNothingExecuted('flow table')

    await hostCell.click()
    const drawer = page.locator('.flow-drawer')
    await drawer.locator('.detail-section').first().waitFor()
    const text = await drawer.innerText()
    for (const value of [HOSTILE.host, HOSTILE.sni, HOSTILE.serverCn, HOSTILE.issuer, HOSTILE.subject, HOSTILE.url,
      HOSTILE.userAgent, HOSTILE.dnsName, HOSTILE.application]) {
      expect(text, `the drawer shows ${value}`).toContain(value)
    }
    await screenshot(page, 'xss-flow-drawer')
    await expectNothingExecuted('flow drawer')
    await page.keyboard.press('Escape')
  })

  it('alerts, agents, history and settings', async () => {
    await showView(page, '#/alerts', 'Alerts')
    await expect.poll(mainText, POLL).toContain(`(${HOSTILE.sni})`)
    await screenshot(page, 'xss-alerts')
    await expectNothingExecuted('alerts')

    await showView(page, '#/agents', 'Agents')
    await expect.poll(mainText, POLL).toContain(HOSTILE.build)
    await screenshot(page, 'xss-agents')
    await expectNothingExecuted('agents')

    await showView(page, '#/history', 'History')
    await hoverCharts()
    await expectNothingExecuted('history')
    await showView(page, '#/settings', 'Settings')
    await expectNothingExecuted('settings')
    expect(log.errors).toEqual([])
  })
})
