import { describe, expect, it } from 'vitest'
import { createStreamSummary } from '../../../src-main/core/summary/stream-summary'
import type { AgentEvent, FlowMetadata } from '../../../src-main/core/records/agent-event'

const flow = (offset: number, f: FlowMetadata, type: 'flow' | 'flow_dpi_update' = 'flow'): AgentEvent => ({ kind: 'flow', type, flow: f, offset })
const counters = (offset: number, digest: string, total: number | undefined, type: 'flow_stats' | 'flow_purge' | 'flow_dpi_complete' = 'flow_stats'): AgentEvent =>
  ({ kind: 'counters', type, offset, counters: { digest, local_bytes: 1, local_packets: 1, other_bytes: 1, other_packets: 1, total_bytes: total } })

describe('createStreamSummary', () => {
  it('counts a 4.x agent_status once, whichever of its split events comes first', () => {
    const s = createStreamSummary()
    s.add('a', { kind: 'interfaces', interfaces: {}, offset: 10 })
    s.add('a', { kind: 'status', status: {}, offset: 10 })
    s.add('a', { kind: 'endpoints', endpoints: {}, offset: 10 })
    s.add('a', { kind: 'interface_stats', stats: {}, offset: 10 })
    s.add('a', { kind: 'interfaces', interfaces: {}, offset: 99 })
    expect(s.result().records).toEqual({ agent_status: 1, interfaces: 1 })
  })

  it('counts unknown and invalid records under the type the agent gave them', () => {
    const s = createStreamSummary()
    s.add('a', { kind: 'unknown', type: 'flow_intel', record: {}, offset: 0 })
    s.add('a', { kind: 'invalid', type: 'flow', path: 'flow.local_port', message: 'expected number', offset: 5 })
    const r = s.result()
    expect(r.records).toEqual({ flow_intel: 1, flow: 1 })
    expect(r.invalid).toBe(1)
    expect(r.flows).toBe(0)
  })

  it('keys flows by source and digest, and counts digests without metadata as unattributed', () => {
    const s = createStreamSummary()
    s.add('a', flow(0, { digest: 'd1', local_mac: 'AA:BB:CC:00:00:01', local_ip: '10.0.0.2' }))
    s.add('b', flow(0, { digest: 'd1', local_mac: 'aa:bb:cc:00:00:01', local_ip: '10.0.0.3' }))
    s.add('a', counters(1, 'd1', 500))
    s.add('b', counters(1, 'd1', 700))
    s.add('a', counters(2, 'orphan', 9000, 'flow_purge'))
    const r = s.result()
    expect(r.flows).toBe(2)
    expect(r.unattributed).toBe(1)
    expect(r.devices).toEqual([{ mac: 'aa:bb:cc:00:00:01', ips: ['10.0.0.2', '10.0.0.3'], flows: 2, bytes: 1200 }])
  })

  it("uses each flow's latest application, its last total_bytes, and every risk it ever carried", () => {
    const s = createStreamSummary((id) => new Map([[16, 'Known Protocol on Non-standard Port']]).get(id) ?? `Risk ${id}`)
    s.add('a', counters(0, 'd1', 100))
    s.add('a', flow(1, { digest: 'd1', detected_application: 0, detected_application_name: 'Unknown', risks: { risks: [16] } }))
    s.add('a', flow(2, { digest: 'd1', detected_application: 142, detected_application_name: 'WhatsApp', risks: { risks: [3] } }, 'flow_dpi_update'))
    s.add('a', counters(3, 'd1', 4000, 'flow_purge'))
    s.add('a', counters(4, 'd1', undefined, 'flow_dpi_complete'))
    s.add('a', flow(5, { digest: 'd2', detected_application: 142, detected_application_name: 'WhatsApp' }))
    const r = s.result()
    expect(r.applications).toEqual([{ id: 142, name: 'WhatsApp', flows: 2, bytes: 4000 }])
    expect(r.risks).toEqual([
      { id: 3, name: 'Risk 3', flows: 1 },
      { id: 16, name: 'Known Protocol on Non-standard Port', flows: 1 },
    ])
  })

  it('sorts devices and applications by bytes, then by key', () => {
    const s = createStreamSummary()
    const macs = ['00:00:00:00:00:03', '00:00:00:00:00:01', '00:00:00:00:00:02']
    macs.forEach((mac, i) => {
      s.add('a', flow(i * 2, { digest: mac, local_mac: mac, detected_application: 10 - i }))
      s.add('a', counters(i * 2 + 1, mac, i === 0 ? 5 : 50))
    })
    const r = s.result()
    expect(r.devices.map((d) => d.mac)).toEqual(['00:00:00:00:00:01', '00:00:00:00:00:02', '00:00:00:00:00:03'])
    expect(r.applications.map((a) => a.id)).toEqual([8, 9, 10])
  })

  it('keeps decoder errors with their source and offset, bounded', () => {
    const s = createStreamSummary()
    for (let i = 0; i < 1005; i++) s.addError('f.raw', { offset: i, message: 'bad' })
    const r = s.result()
    expect(r.errors[3]).toEqual({ source: 'f.raw', offset: 3, message: 'bad' })
    expect(r.errors).toHaveLength(1000)
    expect(r.errorsDropped).toBe(5)
  })
})
