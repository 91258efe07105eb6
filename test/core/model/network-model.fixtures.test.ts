import { describe, expect, it } from 'vitest'
import { NetworkModel } from '../../../src-main/core/model/network-model'
import { fixtureEvents, fixtureRecords, type RawRecord, timeOf } from './fixture-events'

/** Replay a fixture into a fresh model as one agent; returns the model and the last time used. */
function replay(name: string, agentId = 'a1'): { model: NetworkModel; end: number } {
  const model = new NetworkModel()
  const events = fixtureEvents(name)
  events.forEach((e, i) => model.apply(agentId, e, timeOf(i)))
  const end = timeOf(events.length)
  model.tick(end)
  return { model, end }
}

/** Group name as the Applications view shows it: the application, else the protocol. */
function groupOf(f: RawRecord): string {
  return f.detected_application && f.detected_application !== 0 ? f.detected_application_name : f.detected_protocol_name
}

/**
 * Plain-parsing expectations: bytes per device, per application group, and unattributed bytes,
 * counting each interval once (flow_stats and flow_purge deltas only).
 */
function expected(records: RawRecord[]) {
  const macOf = new Map<string, string>()
  const groupNow = new Map<string, string>()
  const device = new Map<string, { sent: number; received: number }>()
  const group = new Map<string, number>()
  let unattributed = 0
  for (const r of records) {
    if (r.type === 'flow' || r.type === 'flow_dpi_update') {
      macOf.set(r.flow.digest, r.flow.local_mac)
      groupNow.set(r.flow.digest, groupOf(r.flow))
    }
    if (r.type !== 'flow_stats' && r.type !== 'flow_purge') continue
    const f = r.flow
    const mac = macOf.get(f.digest)
    const bytes = f.local_bytes + f.other_bytes
    if (!mac) unattributed += bytes
    else {
      const d = device.get(mac) ?? { sent: 0, received: 0 }
      d.sent += f.local_bytes
      d.received += f.other_bytes
      device.set(mac, d)
    }
    const g = groupNow.get(f.digest) ?? 'Unknown'
    group.set(g, (group.get(g) ?? 0) + bytes)
  }
  return { device, group, unattributed }
}

describe.each(['netifyd-4.4/01-tls-https.raw', 'netifyd-4.4/07-risks-ssh-smtp.raw', 'netifyd-5.0/legacy.bin'])('model on %s', (name) => {
  const records = fixtureRecords(name)
  const want = expected(records)
  const { model, end } = replay(name)

  it('counts every device\'s bytes sent and received once per interval', () => {
    expect(want.device.size).toBeGreaterThan(0)
    for (const [mac, d] of want.device) {
      const view = model.device(mac)
      expect(view, mac).toBeDefined()
      expect(view?.bytesSent, mac).toBe(d.sent)
      expect(view?.bytesReceived, mac).toBe(d.received)
    }
  })

  it('keeps bytes of flows it never saw begin as unattributed', () => {
    const u = model.unattributed('a1')
    expect(u.out + u.in).toBe(want.unattributed)
  })

  it('sums application usage over the live window by application, else protocol', () => {
    const apps = new Map(model.applications(end).map((a) => [a.name, a.bytes]))
    for (const [g, bytes] of want.group) expect(apps.get(g) ?? 0, g).toBe(bytes)
  })

  it('closes every purged flow with its reason', () => {
    const purged = new Map<string, string>()
    for (const r of records) if (r.type === 'flow_purge') purged.set(r.flow.digest, r.reason)
    for (const [digest, reason] of purged) {
      const row = model.flow(`a1/${digest}`)
      expect(row?.closedReason, digest).toBe(reason)
    }
  })

  it('reports the agent\'s version and last status figures', () => {
    const hello = records.find((r) => r.type === 'agent_hello')
    const statuses = records.filter((r) => r.type === 'agent_status')
    const [prev, last] = statuses.slice(-2)
    const agent = model.agentView('a1')
    expect(agent?.version).toBe(hello?.agent_version)
    expect(agent?.rssKb).toBe(last.maxrss_kb)
    expect(agent?.flowCount).toBe(last.flow_count)
    const cpu = ((last.cpu_user - last.cpu_user_prev + (last.cpu_system - last.cpu_system_prev)) / (last.timestamp - prev.timestamp)) * 100
    expect(agent?.cpuPercent).toBeCloseTo(cpu, 9)
    expect(agent?.cpuHistory.length).toBe(statuses.length - 1)
  })
})

describe('4.4 interfaces and endpoints (inside agent_status)', () => {
  const name = 'netifyd-4.4/01-tls-https.raw'
  const statuses = fixtureRecords(name).filter((r) => r.type === 'agent_status' && r.stats)
  const { model } = replay(name)

  it('computes the wire rate from the last two cumulative samples', () => {
    const [prev, last] = statuses.slice(-2)
    const rate = (last.stats.nfb.wire_bytes - prev.stats.nfb.wire_bytes) / (last.timestamp - prev.timestamp)
    const iface = model.agentView('a1')?.interfaces.find((i) => i.name === 'nfb')
    expect(iface?.role).toBe(last.interfaces.nfb.role)
    expect(iface?.mac).toBe(last.interfaces.nfb.mac)
    expect(iface?.wireRate).toBeCloseTo(rate, 9)
    expect(iface?.packetRate).toBeCloseTo((last.stats.nfb.raw - prev.stats.nfb.raw) / (last.timestamp - prev.timestamp), 9)
  })

  it('lists the IPs the agent reported for each device', () => {
    for (const s of fixtureRecords(name).filter((r) => r.type === 'agent_status' && r.devices)) {
      for (const [mac, ips] of Object.entries(s.devices as Record<string, string[]>)) {
        for (const ip of ips) expect(model.device(mac)?.ips).toContain(ip)
      }
    }
  })
})
