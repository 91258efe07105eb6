import { describe, expect, it } from 'vitest'
import type { FlowDetail } from '@contract/views'
import { detailSections, directionSentence } from '../../../src-renderer/src/components/flows/flow-detail-sections'
import { loadFixtureFlows, toFlowRow, type FixtureFlow } from './fixture-flows'

const fixtures = loadFixtureFlows()

/** Leaf values of a record, flattened here independently of the code under test. */
function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => leaves(v, out))
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => leaves(v, out))
  else out.push(value)
  return out
}

function detailOf(x: FixtureFlow): FlowDetail {
  return { row: toFlowRow(x), risks: [], metadata: x.flow, counters: { total_packets: 42 } }
}

describe('flow detail groups from the 4.4 recordings', () => {
  it('shows every string the agent sent for every flow somewhere in the drawer', () => {
    for (const x of fixtures) {
      const { digest: _digest, ...rest } = x.flow
      const values = detailSections(detailOf(x)).flatMap((s) => s.items.map((i) => `${i.label} ${i.value}`))
      for (const leaf of leaves(rest).filter((v): v is string => typeof v === 'string')) {
        expect(values.some((v) => v.includes(leaf)), `${x.agentId} ${x.flow.digest}: "${leaf}"`).toBe(true)
      }
    }
  })

  it('puts each protocol sub-record in its own group', () => {
    const titlesFor = (key: string): string[] => {
      const x = fixtures.find((f) => key in f.flow)
      if (!x) throw new Error(`no flow with ${key} in the recordings`)
      return detailSections(detailOf(x)).map((s) => s.title)
    }
    expect(titlesFor('ssl')).toContain('TLS')
    expect(titlesFor('http')).toContain('HTTP')
    expect(titlesFor('ssh')).toContain('SSH')
    expect(titlesFor('dhcp')).toContain('DHCP')
    expect(titlesFor('ssdp')).toContain('SSDP')
    expect(titlesFor('mdns')).toContain('mDNS')
  })

  it('lists risks with their explanations and the agent scores', () => {
    const x = fixtures.find((f) => (f.flow.risks?.risks ?? []).length > 0) as FixtureFlow
    const ids = x.flow.risks?.risks ?? []
    const detail: FlowDetail = { ...detailOf(x), risks: ids.map((id) => ({ id, name: `Risk ${id}`, explanation: `Why ${id} matters` })) }
    const risks = detailSections(detail).find((s) => s.title === 'Risks')
    expect(risks?.items).toContainEqual({ label: 'Risk score', value: String(x.flow.risks?.ndpi_risk_score) })
    for (const id of ids) expect(risks?.items).toContainEqual({ label: `Risk ${id} (${id})`, value: `Why ${id} matters` })
  })

  it('shows fields it does not know under "Other fields"', () => {
    const x = fixtures[0]
    const detail: FlowDetail = { ...detailOf(x), metadata: { ...x.flow, extra: { stun: { mapped: '203.0.113.9:3478' } }, tags: ['iot'] } }
    const other = detailSections(detail).find((s) => s.title === 'Other fields')
    expect(other?.items).toContainEqual({ label: 'stun.mapped', value: '203.0.113.9:3478' })
    expect(other?.items).toContainEqual({ label: 'tags', value: 'iot' })
  })
})

describe('direction in words', () => {
  const x = fixtures.find((f) => f.flow.local_origin === true && f.flow.other_type === 'remote') as FixtureFlow
  const row = toFlowRow(x)

  it('says which side opened the connection', () => {
    const f = x.flow
    expect(directionSentence(row, 'Laptop')).toBe(
      `local ${f.local_ip}:${f.local_port} (Laptop, ${f.local_mac}) opened this connection to remote ${f.other_ip}:${f.other_port}.`,
    )
    expect(directionSentence({ ...row, localOrigin: false, otherType: 'multicast' })).toMatch(/^multicast group .* opened this connection to local /)
    expect(directionSentence({ ...row, localOrigin: undefined })).toMatch(/did not say which side opened it/)
    expect(directionSentence({ ...row, localIp: 'fe80::1', localPort: 5353, localOrigin: true })).toMatch(/^local \[fe80::1\]:5353 /)
  })
})
