/**
 * The agent's risk table (`resources/risks.txt`, the agent's own id -> name numbering, which is
 * not nDPI's enum) with a plain-language explanation per id.
 *
 * Read once, on first use. A missing or unreadable table degrades to "risk N" names rather than
 * failing the model.
 */
import { readFileSync } from 'node:fs'
import type { RiskDetail } from '../../contract/views'
import { resourcePath } from '../resources-path'
import { RISK_EXPLANATIONS } from './risk-explanations'

let names: Map<number, string> | undefined

/** Parse the `  N: Name` lines of `netifyd --dump-risks`. */
export function parseRiskTable(text: string): Map<number, string> {
  const out = new Map<number, string>()
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s*:\s*(.+?)\s*$/.exec(line)
    if (m) out.set(Number(m[1]), m[2])
  }
  return out
}

function table(): Map<number, string> {
  if (names) return names
  try {
    names = parseRiskTable(readFileSync(resourcePath('risks.txt'), 'utf8'))
  } catch {
    names = new Map()
  }
  return names
}

export function riskName(id: number): string {
  return table().get(id) ?? `Risk ${id}`
}

export function riskExplanation(id: number): string {
  return RISK_EXPLANATIONS[id] ?? 'The agent flagged this flow with a risk it did not describe further.'
}

export function riskDetail(id: number): RiskDetail {
  return { id, name: riskName(id), explanation: riskExplanation(id) }
}

/** Every id in the table, for checks that each has an explanation. */
export function riskIds(): number[] {
  return [...table().keys()].sort((a, b) => a - b)
}
