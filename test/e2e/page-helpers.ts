/**
 * What the e2e tests do with a page: watch its console, move between views by hash, wait for
 * content by polling the DOM, save screenshots, and describe the focused element.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { SCREENSHOT_DIR } from './harness'

export interface ConsoleLog {
  /** Console errors and uncaught exceptions, in order. */
  errors: string[]
  warnings: string[]
}

/** Starts collecting before the first navigation, so load-time errors are caught too. */
export function watchConsole(page: Page): ConsoleLog {
  const log: ConsoleLog = { errors: [], warnings: [] }
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text())
    else if (message.type() === 'warning') log.warnings.push(message.text())
  })
  page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.message}`))
  return log
}

/** Opens the UI and waits until the first snapshot has been rendered. */
export async function openApp(page: Page, url: string, hash = '#/overview'): Promise<void> {
  await page.goto(url.replace(/#.*$/, '') + hash)
  await page.locator('nav[aria-label="Main"]').waitFor()
  await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Waiting for data from the monitor'))
}

/** Goes to a view the way a link does (hash change) and waits for its heading. */
export async function showView(page: Page, hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h
  }, hash)
  await page.locator('main h1').filter({ hasText: heading }).first().waitFor()
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

/** Texts of every match, trimmed. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()))
}

export interface FocusInfo {
  /** `tag#id.class "text"`, to say in a failure which element it was. */
  describe: string
  href?: string
  /** A visible focus indicator: an outline, or a box-shadow, on the element itself. */
  indicated: boolean
  outline: string
  inMain: boolean
  inNav: boolean
}

/** The focused element and whether its focus can be seen (computed style, not class names). */
export async function focused(page: Page): Promise<FocusInfo | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return undefined
    const style = getComputedStyle(el)
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== ''
    const text = (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''
    return {
      describe: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''} "${text}"`,
      href: el.getAttribute('href') ?? undefined,
      indicated: outlined || shadowed,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} / ${style.boxShadow}`,
      inMain: !!el.closest('main'),
      inNav: !!el.closest('nav'),
    }
  })
}
