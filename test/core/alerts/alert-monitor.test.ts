import { describe, expect, it } from 'vitest'
import { LiveMonitor } from '../../../src-main/core/alerts/live-monitor'
import { riskName } from '../../../src-main/core/alerts/risk-table'
import { fixtureEvents, fixtureRecords, timeOf } from '../model/fixture-events'
import { counters, flow, status } from '../model/events'

const T = 1_800_000_000_000
const HOUR = 3_600_000

describe('alerts from a real recording (netifyd 4.4, risky traffic)', () => {
  const name = 'netifyd-4.4/07-risks-ssh-smtp.raw'
  const live = new LiveMonitor()
  fixtureEvents(name).forEach((e, i) => live.apply('gw', e, timeOf(i)))
  const records = fixtureRecords(name)

  it('raises one risk alert per device, risk and host, counting each flow once', () => {
    const pairs = new Set<string>()
    const hosts = new Set<string>()
    for (const r of records) {
      if (r.type !== 'flow') continue
      const f = r.flow
      const host = f.ssl?.client_sni || f.host_server_name || f.dns_host_name
      for (const id of f.risks?.risks ?? []) {
        pairs.add(`${f.digest}/${id}`)
        if (host) hosts.add(`${f.local_mac}|${id}|${host}`)
      }
    }
    const risks = live.book.all().filter((a) => a.kind === 'risk')
    expect(risks.reduce((n, a) => n + a.count, 0)).toBe(pairs.size)
    const got = new Set(risks.filter((a) => a.host).map((a) => `${a.device}|${a.riskId}|${a.host}`))
    expect(got).toEqual(hosts)
    const tor = risks.find((a) => a.host === 'www.e6r5p57kbafwrxj3plz.com' && a.riskId === 27)
    expect(tor).toMatchObject({ severity: 'critical', riskName: riskName(27) })
  })

  it('raises new-device alerts only for devices first seen after the first full interval', () => {
    const seen = new Set<string>()
    const expected = new Set<string>()
    let statuses = 0
    for (const r of records) {
      if (r.type === 'agent_status') statuses++
      const macs = r.type === 'flow' ? [r.flow.local_mac] : r.type === 'agent_status' && r.devices ? Object.keys(r.devices) : []
      for (const mac of macs) {
        if (!seen.has(mac) && statuses >= 2) expected.add(mac)
        seen.add(mac)
      }
    }
    const got = new Set(live.book.all().filter((a) => a.kind === 'new_device').map((a) => a.device))
    expect(expected.size).toBeGreaterThan(0)
    expect(got).toEqual(expected)
  })
})

describe('learnt behaviour and thresholds', () => {
  it('raises a new application for a device only after its learning period', () => {
    const live = new LiveMonitor({ alerts: { learningHours: 24 } })
    live.apply('gw', flow({ digest: 'a', detected_protocol: 91, detected_protocol_name: 'TLS' }), T)
    live.apply('gw', flow({ digest: 'b', detected_protocol: 5, detected_protocol_name: 'DNS' }), T + 23 * HOUR)
    expect(live.book.all().filter((a) => a.kind === 'new_application')).toEqual([])
    const raised = live.apply('gw', flow({ digest: 'c', detected_protocol: 37, detected_protocol_name: 'BitTorrent' }), T + 25 * HOUR)
    expect(raised.map((r) => r.alert)).toEqual([expect.objectContaining({ kind: 'new_application', application: 'BitTorrent', device: '00:1b:63:00:00:01' })])
    expect(live.apply('gw', flow({ digest: 'd', detected_protocol: 5, detected_protocol_name: 'DNS' }), T + 26 * HOUR)).toEqual([])
  })

  it('raises a traffic alert once per crossing of the threshold', () => {
    const live = new LiveMonitor({ alerts: { trafficThresholdBytes: 1_000_000, trafficWindowMs: 10 * 60_000 } })
    live.apply('gw', flow({ digest: 'a' }), T)
    live.apply('gw', counters('flow_stats', { digest: 'a', local_bytes: 600_000, other_bytes: 300_000 }), T + 1000)
    expect(live.tick(T + 2000)).toEqual([])
    live.apply('gw', counters('flow_stats', { digest: 'a', local_bytes: 200_000, other_bytes: 0 }), T + 60_000)
    expect(live.tick(T + 61_000).map((r) => r.alert.kind)).toEqual(['traffic_threshold'])
    expect(live.tick(T + 62_000)).toEqual([])
    expect(live.tick(T + 20 * 60_000)).toEqual([])
    live.apply('gw', counters('flow_stats', { digest: 'a', local_bytes: 2_000_000, other_bytes: 0 }), T + 21 * 60_000)
    expect(live.tick(T + 21 * 60_000 + 1000).map((r) => r.alert)).toEqual([expect.objectContaining({ kind: 'traffic_threshold', count: 2 })])
  })

  it('raises agent down, stalled and dropping alerts', () => {
    const live = new LiveMonitor()
    const conn = (status: 'connected' | 'stalled' | 'disconnected', t: number) =>
      live.setAgentConnection('gw', 'Gateway', 'tcp://10.0.0.1:7150', { status, since: t, attempt: 0 }, t)
    expect(conn('connected', T)).toEqual([])
    expect(conn('stalled', T + 60_000).map((r) => r.alert.kind)).toEqual(['agent_stalled'])
    expect(conn('disconnected', T + 90_000).map((r) => r.alert)).toEqual([expect.objectContaining({ kind: 'agent_down', severity: 'high', agentId: 'gw' })])
    live.apply('gw', status({ uptime: 10, timestamp: 1 }), T + 100_000)
    live.apply('gw', { kind: 'interface_stats', offset: 0, stats: { eth0: { capture_dropped: 0 } } }, T + 100_000)
    live.apply('gw', status({ uptime: 15, timestamp: 6 }), T + 105_000)
    const raised = live.apply('gw', { kind: 'interface_stats', offset: 0, stats: { eth0: { capture_dropped: 9 } } }, T + 105_000)
    expect(raised.map((r) => r.alert.kind)).toEqual(['capture_drops'])
  })

  it('reports alert changes alongside model changes in one drain', () => {
    const live = new LiveMonitor()
    live.apply('gw', status({ uptime: 1 }), T)
    live.apply('gw', status({ uptime: 6 }), T + 5000)
    live.drainChanges()
    const raised = live.apply('gw', flow({ digest: 'r', risks: { risks: [37], ndpi_risk_score: 100 } }), T + 6000)
    const changes = live.drainChanges()
    expect([...changes.alerts].sort()).toEqual(raised.map((r) => r.alert.id).sort())
    expect(changes.flows.has('gw/r')).toBe(true)
    expect(live.alert(raised[0].alert.id)).toMatchObject({ kind: 'new_device' })
  })
})
