/**
 * The agent's risk id -> name table (`netifyd --dump-risks`, shipped as resources/risks.txt).
 *
 * Risk ids are the agent's own numbering, not nDPI's enum, so names must come from the agent's
 * table rather than from nDPI documentation.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Parse lines of `  ID: Name`; other lines are ignored. */
export function parseRiskNames(text: string): Map<number, string> {
  const names = new Map<number, string>()
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s*:\s*(.+?)\s*$/.exec(line)
    if (m) names.set(Number(m[1]), m[2])
  }
  return names
}

/**
 * Find resources/risks.txt by walking up from this module (works from src-main/ under tsx and
 * vitest, and from out/main/ after a build). An empty table when absent: names fall back to ids.
 */
export function loadRiskNames(startDir: string = __dirname): Map<number, string> {
  let dir = startDir
  for (let i = 0; i < 8; i++) {
    const file = join(dir, 'resources', 'risks.txt')
    if (existsSync(file)) return parseRiskNames(readFileSync(file, 'utf8'))
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return new Map()
}

/** The name to show for a risk id, even when the table does not know it. */
export function riskName(names: ReadonlyMap<number, string>, id: number): string {
  return names.get(id) ?? `Risk ${id}`
}
