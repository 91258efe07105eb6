import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { riskDetail, riskIds, riskName } from '../../../src-main/core/alerts/risk-table'
import { RISK_EXPLANATIONS } from '../../../src-main/core/alerts/risk-explanations'
import { severityFromScore } from '../../../src-main/core/alerts/severity'
import { resourcePath } from '../../../src-main/core/resources-path'

const lines = readFileSync(join(__dirname, '..', '..', '..', 'resources', 'risks.txt'), 'utf8').split('\n').filter((l) => l.includes(':'))

describe('risk table', () => {
  it('finds resources/ from the source tree', () => {
    expect(resourcePath('risks.txt')).toBe(join(__dirname, '..', '..', '..', 'resources', 'risks.txt'))
  })

  it('uses the agent\'s own numbering from risks.txt', () => {
    expect(riskIds()).toHaveLength(lines.length)
    for (const line of lines) {
      const [id, name] = line.split(':').map((s) => s.trim())
      expect(riskName(Number(id))).toBe(name)
    }
  })

  it('explains every risk id in the table in plain language', () => {
    for (const id of riskIds()) expect(RISK_EXPLANATIONS[id], `risk ${id}`).toMatch(/\w{3,}.*\./)
    expect(riskDetail(30)).toMatchObject({ id: 30, name: 'TLS Certificate Expired' })
  })

  it('bands nDPI risk scores into severities by nDPI\'s per-risk classes', () => {
    expect([0, 9, 10, 49, 50, 60, 99, 100, 199, 200, 210].map(severityFromScore)).toEqual([
      'info', 'info', 'low', 'low', 'medium', 'medium', 'medium', 'high', 'high', 'critical', 'critical',
    ])
  })
})
