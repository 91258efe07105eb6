import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src-main/core/web/web-server'
import { createFakeCore, type FakeCore } from '../../contract/fake-core'

/**
 * A page that, like the renderer, takes the token from its own URL, loads its script through
 * the cookie alone, and opens the bridge socket under the server's Content-Security-Policy.
 */
const PROBE_JS = `
const token = new URLSearchParams(location.search).get('token')
const ws = new WebSocket('ws://' + location.host + '/bridge?token=' + encodeURIComponent(token))
window.bridgeLog = []
ws.onmessage = (event) => {
  const message = JSON.parse(event.data)
  window.bridgeLog.push(message.type + ':' + (message.name || message.id))
  if (message.name === 'snapshot') ws.send(JSON.stringify({ type: 'request', id: 7, name: 'view.visibility', payload: { visible: false } }))
}
ws.onerror = () => window.bridgeLog.push('error')
`

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

let base: string
let core: FakeCore
let server: WebServer
let browser: Browser

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'nm-web-browser-'))
  const root = path.join(base, 'renderer')
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"><script src="/assets/probe.js"></script></head><body></body></html>')
  writeFileSync(path.join(root, 'assets', 'probe.js'), PROBE_JS)
  core = createFakeCore()
  server = await startWebServer({ core, staticDir: root })
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(base, { recursive: true, force: true })
})

describe('web mode in Chromium', () => {
  it('loads the page from the token URL and talks over the bridge under the CSP', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => { if (message.type() === 'error') violations.push(message.text()) })
    await page.goto(server.url)
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { bridgeLog: string[] }).bridgeLog)).toEqual(['push:snapshot', 'response:7'])
    expect(core.sessions[0].visibility).toEqual([false])
    expect(violations).toEqual([])
    await context.close()
  })

  it('shows a refusal, and opens no bridge, without the token', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const sessionsBefore = core.sessions.length
    const response = await page.goto(server.url.replace(/\?token=.*/, ''))
    expect(response?.status()).toBe(401)
    expect(await page.textContent('body')).toContain('access token')
    expect(core.sessions).toHaveLength(sessionsBefore)
    await context.close()
  })
})
