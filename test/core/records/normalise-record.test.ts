import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../../src-main/core/records/agent-event'
import { normaliseRecord } from '../../../src-main/core/records/normalise-record'
import { fixture, legacyPayloads } from '../decode/recordings'

function normalise(record: unknown, offset = 100): { events: AgentEvent[]; unknown: string[] } {
  const unknown: string[] = []
  return { events: normaliseRecord(record, offset, (n) => unknown.push(n)).events, unknown }
}

const records44 = legacyPayloads(fixture('netifyd-4.4/01-tls-https.raw')).map((p) => p.record)
const records50 = legacyPayloads(fixture('netifyd-5.0/legacy.bin')).map((p) => p.record)
const docs = (name: string): Array<Record<string, unknown>> =>
  JSON.parse(fixture(`docs-v5-examples/netify-telemetry-${name}.examples.json`).toString()) as Array<Record<string, unknown>>

describe('4.x agent_status', () => {
  const full = records44.find((r) => r.type === 'agent_status' && r.stats && r.devices) as Record<string, any>

  it('splits interfaces, devices and stats into their own events after the status, at the same offset', () => {
    const { events } = normalise(full, 7)
    expect(events.map((e) => e.kind)).toEqual(['status', 'interfaces', 'endpoints', 'interface_stats'])
    expect(events.every((e) => e.offset === 7)).toBe(true)
    const [status, ifaces, endpoints, stats] = events as any[]
    expect(status.status.uptime).toBe(full.uptime)
    expect(status.status).not.toHaveProperty('devices')
    expect(endpoints.endpoints).toEqual(full.devices)
    const name = Object.keys(full.interfaces)[0]
    expect(ifaces.interfaces[name].role).toBe(String(full.interfaces[name].role).toUpperCase())
    expect(stats.stats[name].tcp_seq_errors).toBe(full.stats[name].tcp_seq_error)
    expect(stats.stats[name].pcap_recv).toBe(full.stats[name].pcap_recv)
    expect(stats.stats[name]).not.toHaveProperty('tcp_seq_error')
  })

  it('devices: null yields no endpoints event', () => {
    const { events } = normalise({ ...full, devices: null })
    expect(events.map((e) => e.kind)).toEqual(['status', 'interfaces', 'interface_stats'])
  })
})

describe('flows', () => {
  it('5.x flow_dpi_update carries metadata and counters', () => {
    const raw = records50.find((r) => r.type === 'flow_dpi_update') as Record<string, any>
    const [event] = normalise(raw).events as any[]
    expect(event).toMatchObject({ kind: 'flow', type: 'flow_dpi_update', interface: raw.interface, internal: raw.internal })
    expect(event.flow.digest).toBe(raw.flow.digest)
    expect(event.flow.host_server_name).toBe(raw.flow.host_server_name)
    expect(event.counters).toMatchObject({ digest: raw.flow.digest, local_bytes: raw.flow.local_bytes, total_packets: raw.flow.total_packets })
    expect(event.flow).not.toHaveProperty('local_bytes')
  })

  it('flow_purge keeps its reason; stats and dpi_complete become counters', () => {
    for (const type of ['flow_purge', 'flow_stats', 'flow_dpi_complete']) {
      const raw = records50.find((r) => r.type === type) as Record<string, any>
      const [event] = normalise(raw).events as any[]
      expect(event).toMatchObject({ kind: 'counters', type, counters: { digest: raw.flow.digest, other_bytes: raw.flow.other_bytes } })
      expect(event.reason).toBe(raw.reason)
    }
  })

  it('json_version 1.8 ssl.client / ssl.server become client_sni / server_cn', () => {
    const raw = records44.find((r) => r.type === 'flow' && (r.flow as any).ssl?.client_sni) as Record<string, any>
    const { client_sni, server_cn, ...ssl } = raw.flow.ssl
    const old = { ...raw, flow: { ...raw.flow, ssl: { ...ssl, client: client_sni, server: server_cn ?? 'cn.example' } } }
    const { events, unknown } = normalise(old)
    const flow = (events[0] as any).flow
    expect(flow.ssl.client_sni).toBe(client_sni)
    expect(flow.ssl.server_cn).toBe(server_cn ?? 'cn.example')
    expect(unknown).toEqual([])
  })

  it('omitted risk lists default to []; ssdp header maps stay string pairs', () => {
    const raw = records44.find((r) => r.type === 'flow') as Record<string, any>
    const { events } = normalise({ ...raw, flow: { ...raw.flow, risks: { ndpi_risk_score: 0 }, ssdp: { 'user-agent': 'TV/1.0', st: 'upnp:rootdevice' } } })
    expect((events[0] as any).flow.risks.risks).toEqual([])
    expect((events[0] as any).flow.ssdp).toEqual({ 'user-agent': 'TV/1.0', st: 'upnp:rootdevice' })
    const v5 = normalise({ ...raw, flow: { ...raw.flow, ssdp: { user_agent: 'TV/2.0' } } })
    expect((v5.events[0] as any).flow.ssdp).toEqual({ user_agent: 'TV/2.0' })
  })

  it('4.x dns_host_name ending in a lone backslash is kept as text', () => {
    const utf8 = legacyPayloads(fixture('netifyd-4.4/10-utf8.raw')).map((p) => p.record)
    const raw = utf8.find((r) => String((r.flow as any)?.dns_host_name ?? '').endsWith('\\')) as Record<string, any>
    expect((normalise(raw).events[0] as any).flow.dns_host_name).toBe(raw.flow.dns_host_name)
  })

  it('unknown flow fields are counted and kept in extra (5.x documentation example)', () => {
    const [flowDoc] = docs('flow')
    const { events, unknown } = normalise(flowDoc)
    const flow = (events[0] as any).flow
    expect(flow.extra.conntrack).toEqual((flowDoc.flow as any).conntrack)
    expect(flow.extra.digest_prev).toEqual((flowDoc.flow as any).digest_prev)
    expect(flow.extra['ssl.encrypted_ch_version']).toBe('0xfe0d')
    expect(flow.ssl.client_ja4).toBe((flowDoc.flow as any).ssl.client_ja4)
    expect(unknown).toContain('flow.flow.digest_prev')
    expect(unknown).toContain('flow.flow.ssl.encrypted_ch_version')
    expect(unknown).not.toContain('flow.flow.conntrack')
  })
})

describe('other records', () => {
  it('3.x: protocols message and a numeric agent_version', () => {
    expect(normalise({ type: 'agent_hello', agent_version: 3.05, json_version: 1.8 }).events).toEqual([
      { kind: 'hello', agent_version: '3.05', json_version: 1.8, offset: 100 },
    ])
    expect(normalise({ type: 'protocols', protocols: [{ id: 7, tag: 'HTTP' }] }).events).toEqual([
      { kind: 'definitions', protocols: [{ id: 7, tag: 'HTTP' }], applications: [], offset: 100 },
    ])
  })

  it('4.x definitions keep every protocol and application', () => {
    const defs = records44.find((r) => r.type === 'definitions') as Record<string, any>
    const [event] = normalise(defs).events as any[]
    expect(event.protocols.length).toBe(defs.protocols.length)
    expect(event.applications.length).toBe(defs.applications.length)
  })

  it('5.x documentation examples of every modelled type normalise without invalid events', () => {
    const names = ['agent-status', 'endpoints', 'flow', 'flow-purge', 'flow-stats', 'interface-stats', 'interfaces']
    const kinds = names.flatMap((n) => docs(n).flatMap((r) => normalise(r).events.map((e) => e.kind)))
    expect(kinds).not.toContain('invalid')
    expect(kinds).not.toContain('unknown')
    const [ifaces] = normalise(docs('interfaces')[0]).events as any[]
    expect(ifaces.interfaces.eno1.role).toBe('WAN')
    expect(ifaces.interfaces.eno2.addr).toEqual(['192.168.4.44', 'fe80::901:29c0:649b:7efe'])
    const [global] = normalise(docs('interface-stats')[1]).events as any[]
    expect(global).toMatchObject({ kind: 'global_stats', counters: { tcp: 1844, wire_bytes: 1266911 } })
  })

  it('a wrong type deep inside a keyed record names its path', () => {
    expect(normalise({ type: 'endpoints', 'aa:bb:cc:dd:ee:ff': ['10.0.0.1', 5] }).events).toEqual([
      { kind: 'invalid', type: 'endpoints', path: 'aa:bb:cc:dd:ee:ff.1', message: expect.any(String), offset: 100 },
    ])
    expect((normalise({ type: 'agent_status', uptime: 'long' }).events[0] as any).path).toBe('uptime')
  })
})
