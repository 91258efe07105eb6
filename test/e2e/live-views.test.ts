/**
 * Every view of the built UI in Chromium, fed by two replay agents serving real 4.4 and 5.0
 * recordings over TCP through `netify-monitor web`: live data shows up where a user looks for
 * it, the flow filter narrows the table, a rename is persisted by the core, an acknowledged
 * alert leaves the unread count. Screenshots go to test-results/screenshots/.
 */
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from './harness'
import { openApp, screenshot, showView, texts, watchConsole, type ConsoleLog } from './page-helpers'
import { agentVersionOf, applicationsOf, flowsOf, macsOf, readLegacyRecords } from './recordings'

const V44 = 'netifyd-4.4/07-risks-ssh-smtp.raw'
const V50 = 'netifyd-5.0/legacy.bin'
const records44 = readLegacyRecords(V44)
const records50 = readLegacyRecords(V50)
const allMacs = new Set([...macsOf(records44), ...macsOf(records50)])
/** The UI drops the agent's `netify.` namespace from application names. */
const shortName = (name: string): string => name.replace(/^netify\./, '')
const POLL = { timeout: 15_000, interval: 200 }

let stack: Stack
let page: Page
let log: ConsoleLog

beforeAll(async () => {
  stack = await startStack({ agents: [[V44], [V50]] })
  page = await stack.newPage()
  log = watchConsole(page)
  await openApp(page, stack.url)
})
afterAll(async () => {
  await stack?.close()
})
afterEach(() => {
  expect(log.errors, 'console errors in the page').toEqual([])
})

const macsShown = (selector: string): Promise<string[]> =>
  texts(page, selector).then((all) => all.map((t) => t.match(/[0-9a-f]{2}(:[0-9a-f]{2}){5}/)?.[0]).filter((m): m is string => !!m))

describe('every view shows the recordings live', () => {
  it('overview: top devices from both recordings, alert counts, both charts', async () => {
    await showView(page, '#/overview', 'Overview')
    const first44 = flowsOf(records44)[0].local_mac!
    await expect.poll(() => macsShown('main table tbody th'), POLL).toContain(first44)
    for (const mac of await macsShown('main table tbody th')) expect(allMacs).toContain(mac)
    expect(await page.locator('main figure canvas').count()).toBeGreaterThanOrEqual(2)
    await expect.poll(() => page.locator('main figcaption').first().textContent(), POLL).toMatch(/Now: in \d/)
    await screenshot(page, 'overview')
  })

  it('devices: every device listed was in a recording; a device page shows its address', async () => {
    await showView(page, '#/devices', 'Devices')
    const first50 = flowsOf(records50)[0]
    await expect.poll(() => macsShown('main table tbody th'), POLL).toContain(first50.local_mac)
    const shown = await macsShown('main table tbody th')
    for (const mac of shown) expect(allMacs).toContain(mac)
    await screenshot(page, 'devices')

    const flow44 = flowsOf(records44)[0]
    await page.locator(`main a[href="#/devices/${encodeURIComponent(flow44.local_mac!)}"]`).click()
    await page.locator('main h1').filter({ hasText: flow44.local_mac! }).waitFor()
    await expect.poll(() => page.locator('#endpoint-heading + dl').textContent(), POLL).toContain(String(flow44.local_ip))
    await expect.poll(() => page.locator('#device-flows-heading').textContent(), POLL).toMatch(/Flows \([1-9]/)
    await screenshot(page, 'device-page')
  })

  it('applications: applications named in each recording are ranked; an application page opens', async () => {
    await showView(page, '#/applications', 'Applications')
    const names = (): Promise<string[]> => texts(page, 'main table tbody th a')
    for (const recordApps of [applicationsOf(records44), applicationsOf(records50)]) {
      await expect.poll(async () => (await names()).some((n) => recordApps.map(shortName).includes(n)), POLL).toBe(true)
    }
    await screenshot(page, 'applications')

    const name = (await names()).find((n) => applicationsOf(records50).map(shortName).includes(n))!
    await page.locator('main table tbody th a', { hasText: name }).first().click()
    await page.locator('main h1').filter({ hasText: name }).waitFor()
    await expect(page.locator('main').textContent()).resolves.toMatch(/\d+ flows · \d+ devices/)
    await screenshot(page, 'application-page')
  })

  it('flows: rows from the recordings, and a row opens its detail drawer', async () => {
    await showView(page, '#/flows', 'Flows')
    const localIps = new Map<string, Set<string>>()
    for (const f of flowsOf([...records44, ...records50])) {
      const host = String(f.host_server_name)
      localIps.set(host, new Set([...(localIps.get(host) ?? []), String(f.local_ip)]))
    }
    await page.getByLabel('Filter flows').fill('host:*.*')
    const hostCells = page.locator('[role="gridcell"][data-column="host"]')
    await expect.poll(() => hostCells.count(), POLL).toBeGreaterThan(0)
    for (const host of await texts(page, '[role="gridcell"][data-column="host"]')) expect(localIps.has(host), `host "${host}"`).toBe(true)
    await screenshot(page, 'flows')

    // Rows move as the data changes, so the drawer is checked against whichever flow it opened.
    await hostCells.first().click()
    const drawer = page.locator('.flow-drawer')
    await drawer.locator('.detail-section').first().waitFor()
    const host = (await drawer.locator('h2').textContent())!.split(' · ').pop()!.trim()
    expect(localIps.has(host), `drawer host "${host}"`).toBe(true)
    const direction = (await drawer.locator('[data-test="direction"]').textContent())!
    expect([...localIps.get(host)!].some((ip) => direction.includes(`local ${ip}`)), direction).toBe(true)
    await screenshot(page, 'flow-drawer')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
  })

  it('alerts: risks of the recordings raised on their devices, and the unread badge matches', async () => {
    await showView(page, '#/alerts', 'Alerts')
    await expect.poll(() => page.locator('main tbody tr').count(), POLL).toBeGreaterThan(0)
    for (const mac of await macsShown('main tbody td[data-test="device"]')) expect(allMacs).toContain(mac)
    const summary = async (): Promise<number> => Number((await page.locator('[data-test="unread"]').textContent())!.match(/\d+/)![0])
    await expect.poll(async () => (await unreadBadge()) - (await summary()), POLL).toBe(0)
    expect(await unreadBadge()).toBeGreaterThan(0)
    const actions = await page.locator('main tbody tr').first().getByRole('button', { name: 'Mute…' }).boundingBox()
    expect(actions!.x + actions!.width, 'row actions fit in the window').toBeLessThanOrEqual(page.viewportSize()!.width)
    await screenshot(page, 'alerts')
  })

  it('agents: both agents connected, with the version each recording announces', async () => {
    await showView(page, '#/agents', 'Agents')
    const cards = page.locator('article.agent')
    await expect.poll(() => cards.count(), POLL).toBe(2)
    for (const [i, records] of [records44, records50].entries()) {
      const card = cards.filter({ has: page.locator('h3', { hasText: stack.agentSources[i] }) })
      await expect.poll(() => card.locator('p[role="status"]').textContent(), POLL).toMatch(/^Connected/)
      await expect.poll(() => card.locator('dl.facts').textContent(), POLL).toContain(agentVersionOf(records))
    }
    expect(agentVersionOf(records44)).toBe('4.4.0')
    expect(agentVersionOf(records50)).toBe('5.0.7')
    await screenshot(page, 'agents')
  })

  it('settings: the stored settings load into the form', async () => {
    await showView(page, '#/settings', 'Settings')
    await expect.poll(() => page.getByLabel('Retention (days)').inputValue(), POLL).toMatch(/^\d+$/)
    await screenshot(page, 'settings')
  })
})

describe('using the views', () => {
  it('a flow filter shows only matching rows, and a bad expression shows a parse error', async () => {
    await showView(page, '#/flows', 'Flows')
    const filter = page.getByLabel('Filter flows')
    const count = page.locator('[data-test="flow-count"]')
    await filter.fill('risk>=100')
    await expect.poll(async () => (await count.textContent())!.trim(), POLL).toMatch(/^[1-9][\d,]* of [\d,]+ flows$/)
    const [shownCount, total] = (await count.textContent())!.match(/[\d,]+/g)!.map((n) => Number(n.replace(/,/g, '')))
    expect(shownCount).toBeLessThan(total)
    const risks = (await texts(page, '[role="gridcell"][data-column="risk"]')).map(Number)
    expect(risks.length).toBeGreaterThan(0)
    for (const risk of risks) expect(risk).toBeGreaterThanOrEqual(100)

    await filter.fill('proto:DNS')
    await expect.poll(() => texts(page, '[role="gridcell"][data-column="protocol"]'), POLL)
      .toSatisfy((protocols: string[]) => protocols.length > 0 && protocols.every((p) => p.toLowerCase().includes('dns')))

    await filter.fill('risk>=')
    await expect.poll(() => page.locator('#flow-filter-status').textContent(), POLL).toMatch(/showing the last valid filter/)
    expect(await filter.getAttribute('aria-invalid')).toBe('true')
    await filter.fill('')
    await expect.poll(() => page.locator('#flow-filter-status').textContent()).toBe('')
  })

  it('a device alias shows in the list and survives a reload (the core stored it)', async () => {
    const mac = flowsOf(records44)[0].local_mac!
    const alias = 'E2E lab router'
    await showView(page, `#/devices/${encodeURIComponent(mac)}`, mac)
    await page.getByRole('button', { name: 'Rename' }).click()
    await page.getByLabel('Alias').fill(alias)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('main h1', { hasText: alias }).waitFor()

    const listed = async (): Promise<boolean> => {
      await showView(page, '#/devices', 'Devices')
      const row = page.locator('main tbody tr', { has: page.locator(`a[href="#/devices/${encodeURIComponent(mac)}"]`) })
      return (await row.locator('th').textContent())!.includes(alias)
    }
    await expect.poll(listed, POLL).toBe(true)
    await page.reload()
    await openApp(page, stack.url, '#/devices')
    await expect.poll(listed, POLL).toBe(true)
  })

  it('acknowledging an alert takes one off the unread badge and shows it acknowledged', async () => {
    await wholeRecordingsSeen()
    await showView(page, '#/alerts', 'Alerts')
    await page.getByRole('combobox', { name: 'State' }).selectOption('new')
    const row = page.locator('main tbody tr').first()
    await row.waitFor()
    const id = (await row.getAttribute('data-alert-id'))!
    const before = await unreadBadge()
    expect(before).toBeGreaterThan(0)
    // Rows re-sort as alerts fire again: click the button of the alert whose id was read.
    await page.locator(`main tbody tr[data-alert-id="${id}"]`).getByRole('button', { name: 'Acknowledge' }).click()
    await expect.poll(() => unreadBadge(), POLL).toBe(before - 1)
    await page.getByRole('combobox', { name: 'State' }).selectOption('all')
    await expect.poll(() => page.locator(`main tbody tr[data-alert-id="${id}"] [data-test="state"]`).textContent(), POLL).toBe('acknowledged')
    expect(await unreadBadge()).toBe(before - 1)
  })
})

describe('after a restart', () => {
  it('history: the rollups the core stored in SQLite list devices of the recordings', async () => {
    // Rollups are written per finished minute, and all of them when the core stops: a restart
    // makes them readable without waiting for a minute to end.
    await page.context().close()
    const url = await stack.restartWeb()
    page = await stack.newPage()
    log = watchConsole(page)
    await openApp(page, url, '#/history')
    await showView(page, '#/history', 'History')
    await expect.poll(() => macsShown('main table tbody th'), POLL).not.toEqual([])
    for (const mac of await macsShown('main table tbody th')) expect(allMacs).toContain(mac)
    expect(await page.locator('main p[role="status"]').textContent()).toMatch(/[1-9]\d* rollup rows/)
    await screenshot(page, 'history')
  })
})

async function unreadBadge(): Promise<number> {
  const badge = page.locator('nav a[href="#/alerts"] .badge')
  if ((await badge.count()) === 0) return 0
  return Number((await badge.textContent())!.match(/\d+/)![0])
}

/**
 * Alerts are deduplicated on what they are about, so once each agent's records of a full pass
 * have been decoded no new alert appears and the unread count only moves when the user acts.
 * The agents view counts decoded records; the recordings say how many a pass holds.
 */
async function wholeRecordingsSeen(): Promise<void> {
  await showView(page, '#/agents', 'Agents')
  for (const [i, records] of [records44, records50].entries()) {
    const chips = page.locator('article.agent', { has: page.locator('h3', { hasText: stack.agentSources[i] }) }).locator('.chip')
    const decoded = async (): Promise<number> =>
      (await chips.allTextContents()).reduce((n, t) => n + Number(t.trim().match(/(\d+)$/)?.[1] ?? 0), 0)
    await expect.poll(decoded, { timeout: 25_000, interval: 250 }).toBeGreaterThanOrEqual(records.length)
  }
}
