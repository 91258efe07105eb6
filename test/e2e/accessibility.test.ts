/**
 * Accessibility of the built UI in Chromium with live data from real recordings: axe-core finds
 * no violation on any view (nor in the open flow drawer, filter help and mute dialog), and a
 * keyboard user reaches the navigation and every view's main controls with Tab, always seeing
 * where the focus is.
 */
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axe'
import { startStack, type Stack } from './harness'
import { focused, openApp, showView, watchConsole, type ConsoleLog, type FocusInfo } from './page-helpers'
import { flowsOf, readLegacyRecords } from './recordings'

const V44 = 'netifyd-4.4/07-risks-ssh-smtp.raw'
const V50 = 'netifyd-5.0/legacy.bin'
const MAC = flowsOf(readLegacyRecords(V44))[0].local_mac!
const POLL = { timeout: 15_000, interval: 200 }

let stack: Stack
let page: Page
let log: ConsoleLog

beforeAll(async () => {
  stack = await startStack({ agents: [[V44], [V50]] })
  // axe is injected as a script tag, which the app's own CSP (script-src 'self') would refuse.
  page = await stack.newPage({ bypassCSP: true })
  log = watchConsole(page)
  await openApp(page, stack.url)
  await showView(page, '#/flows', 'Flows')
  await page.locator('[role="row"][data-key]').first().waitFor({ timeout: POLL.timeout })
})
afterAll(async () => {
  await stack?.close()
})
afterEach(() => {
  expect(log.errors, 'console errors in the page').toEqual([])
})

interface ViewCase {
  hash: string
  heading: string | RegExp
  /** Content that must be there before checking (live data, not an empty state). */
  ready: string
  /** Accessible names of controls a keyboard user must reach with Tab. */
  controls: RegExp[]
}

const VIEWS: ViewCase[] = [
  { hash: '#/overview', heading: 'Overview', ready: 'main table tbody tr', controls: [/^\d+ critical$/i, /^[0-9a-f:]{17}$/] },
  { hash: '#/devices', heading: 'Devices', ready: 'main tbody tr', controls: [/^Search devices/, /^Sort by/, /^[0-9a-f:]{17}$/] },
  { hash: `#/devices/${encodeURIComponent(MAC)}`, heading: MAC, ready: '#device-flows-heading', controls: [/All devices/, /^Rename$/, /^Refresh$/] },
  { hash: '#/applications', heading: 'Applications', ready: 'main tbody tr', controls: [/^Search applications/, /^Rank by/, /^HTTP/] },
  { hash: '#/flows', heading: 'Flows', ready: '[role="row"][data-key]', controls: [/^Filter flows$/, /^Filter help$/, /^Columns/, /^Export CSV$/, /^Device/, /flow row/] },
  { hash: '#/alerts', heading: 'Alerts', ready: 'main tbody tr', controls: [/^State/, /^Severity/, /^Mark all read$/, /^Select all shown alerts$/, /^Acknowledge$/, /^Mute…$/] },
  { hash: '#/agents', heading: 'Agents', ready: 'article.agent', controls: [/^Connect all$/, /^Disconnect all$/, /^Reconnect /] },
  { hash: '#/history', heading: 'History', ready: 'main figure canvas', controls: [/^Last hour$/, /^From/, /^To/, /^Show range$/] },
  { hash: '#/settings', heading: 'Settings', ready: 'main form, main fieldset', controls: [/^Pause for 1 hour$/, /^Theme/, /^Retention/] },
]

describe('axe-core finds no violations', () => {
  for (const view of VIEWS) {
    it(view.hash, async () => {
      await showView(page, view.hash, view.heading)
      await page.locator(view.ready).first().waitFor()
      expect(await axeViolations(page), `axe on ${view.hash}`).toEqual([])
    })
  }

  it('the open flow drawer, the filter help and the mute dialog', async () => {
    await showView(page, '#/flows', 'Flows')
    await page.locator('[role="row"][data-key]').first().click()
    await page.locator('.flow-drawer .detail-section').first().waitFor()
    expect(await axeViolations(page), 'axe with the flow drawer open').toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Filter help' }).click()
    await page.locator('.filter-help').waitFor()
    expect(await axeViolations(page), 'axe with the filter help open').toEqual([])

    await showView(page, '#/alerts', 'Alerts')
    await page.getByRole('button', { name: 'Mute…' }).first().click()
    await page.getByRole('dialog').waitFor()
    expect(await axeViolations(page), 'axe with the mute dialog open').toEqual([])
    await page.keyboard.press('Escape')
  })
})

/** The accessible name a user hears, near enough: label text, aria-label, or content. */
async function focusedName(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null)
      ?? el.closest('label')?.textContent ?? (el.getAttribute('role') === 'row' ? 'flow row' : el.textContent)
    return (label ?? '').trim().replace(/\s+/g, ' ')
  })
}

describe('keyboard', () => {
  it('Tab from the page start reaches every navigation link, and Enter on one navigates', async () => {
    await page.reload()
    await openApp(page, stack.url, '#/overview')
    const links: FocusInfo[] = []
    for (let i = 0; i < 12 && links.length < 8; i++) {
      await page.keyboard.press('Tab')
      const f = await focused(page)
      if (f?.inNav) links.push(f)
    }
    expect(links.map((l) => l.href)).toEqual(['#/overview', '#/devices', '#/applications', '#/flows', '#/alerts', '#/agents', '#/history', '#/settings'])
    for (const l of links) expect(l.indicated, `focus visible on ${l.describe}: ${l.outline}`).toBe(true)

    await page.locator('nav a[href="#/applications"]').focus()
    await page.keyboard.press('Enter')
    await page.locator('main h1', { hasText: 'Applications' }).waitFor()
    expect(await page.evaluate(() => location.hash)).toBe('#/applications')
  })

  for (const view of VIEWS) {
    it(`${view.hash}: Tab reaches the main controls, each with a visible focus indicator`, async () => {
      await showView(page, view.hash, view.heading)
      await page.locator(view.ready).first().waitFor()
      await page.evaluate(() => document.getElementById('main-content')!.focus())
      const names: string[] = []
      for (let i = 0; i < 60 && !view.controls.every((c) => names.some((n) => c.test(n))); i++) {
        await page.keyboard.press('Tab')
        const f = await focused(page)
        if (!f || !f.inMain) break
        expect(f.indicated, `focus visible on ${f.describe}: ${f.outline}`).toBe(true)
        names.push(await focusedName())
      }
      for (const control of view.controls) expect(names.some((n) => control.test(n)), `${control} reached by Tab; reached: ${names.join(' | ')}`).toBe(true)
    })
  }
})
