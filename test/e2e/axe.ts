/**
 * axe-core in the real page: contrast, names, roles and landmarks checked on the layout Chromium
 * actually rendered (happy-dom cannot judge contrast).
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { REPO } from './harness'

const AXE = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js')

interface AxeNode {
  target: unknown[]
  html: string
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact?: string
  help: string
  nodes: AxeNode[]
}

/** Every violation on the page, one readable line per element (rule, impact, element, why). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document)
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }))
  })
  return violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}): ${v.help}\n    at ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, ' ').slice(0, 300)}`))
}
