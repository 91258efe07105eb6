import { describe, expect, it } from 'vitest'
import { fixtureRecords } from '../core/model/fixture-events'
import { runCli } from './cli-process'

describe('netify-monitor alerts', () => {
  it('prints one JSON array of deduplicated alerts with the risks the recording carries', async () => {
    const name = 'netifyd-4.4/07-risks-ssh-smtp.raw'
    const result = await runCli(['alerts', `test/fixtures/${name}`, '--json'])
    expect(result.code).toBe(0)
    const alerts = JSON.parse(result.stdout) as Array<Record<string, unknown>>
    const pairs = new Set<string>()
    for (const r of fixtureRecords(name)) if (r.type === 'flow') for (const id of r.flow.risks?.risks ?? []) pairs.add(`${r.flow.digest}/${id}`)
    const risks = alerts.filter((a) => a.kind === 'risk')
    expect(risks.reduce((n, a) => n + (a.count as number), 0)).toBe(pairs.size)
    expect(Object.keys(alerts[0]).sort()).toEqual(['application', 'count', 'device', 'first_seen', 'host', 'kind', 'last_seen', 'risk_id', 'risk_name', 'severity'])
    const keys = alerts.map((a) => `${a.kind}|${a.device}|${a.risk_id}|${a.host ?? a.application}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('refuses to run without a source', async () => {
    const result = await runCli(['alerts'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/SOURCE/)
  })
})
