/**
 * One rate definition across views: flows, devices, applications and the throughput "now" are
 * read from the same credited bytes over the same window at the same moment, so the numbers a
 * user sees side by side add up.
 */
import { describe, expect, it } from 'vitest'
import { NetworkModel } from '../../../src-main/core/model/network-model'
import { counters, flow, status } from './events'
import { fixtureEvents, fixtureRecords } from './fixture-events'

/** A bucket boundary (5 s) far from the epoch. */
const T = 1_800_000_000_000
const PHONE = '00:1b:63:00:00:01'
const LAPTOP = '00:1b:63:00:00:02'

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** The figures the Overview, Devices, Applications and an application page show as "now". */
function nowFigures(model: NetworkModel, now: number) {
  const points = model.throughput(now)
  const latest = points[points.length - 1]
  return {
    throughput: latest ? latest.in + latest.out : 0,
    devices: sum(model.devices().map((d) => d.rateIn + d.rateOut)),
    applications: sum(model.applications(now).map((a) => a.rate)),
    flows: sum(model.flows().map((f) => f.rateIn + f.rateOut)),
  }
}

function twoDevices(updateInterval: number): NetworkModel {
  const model = new NetworkModel()
  model.apply('a', status({ uptime: 100, timestamp: 1, update_interval: updateInterval }), T)
  model.apply('a', flow({ digest: 'p', local_mac: PHONE }), T)
  model.apply('a', flow({ digest: 'l', local_mac: LAPTOP }), T)
  return model
}

describe('rates across views', () => {
  it('shows no rate anywhere until the bucket carrying the bytes is complete, then the same rate everywhere', () => {
    const model = twoDevices(5)
    model.tick(T)
    model.apply('a', counters('flow_stats', { digest: 'p', local_bytes: 1000, other_bytes: 9000 }), T + 1000)
    model.apply('a', counters('flow_stats', { digest: 'l', local_bytes: 500, other_bytes: 4500 }), T + 1500)
    model.tick(T + 2000)
    expect(nowFigures(model, T + 2500)).toEqual({ throughput: 0, devices: 0, applications: 0, flows: 0 })
    model.tick(T + 5000)
    const expected = (1000 + 9000 + 500 + 4500) / 5
    expect(nowFigures(model, T + 5200)).toEqual({ throughput: expected, devices: expected, applications: expected, flows: expected })
  })

  it('averages a 15 s agent over its interval in the throughput too, not 3x then zero', () => {
    const model = twoDevices(15)
    model.tick(T)
    model.apply('a', counters('flow_stats', { digest: 'p', local_bytes: 3000, other_bytes: 12_000 }), T + 1000)
    for (const t of [T + 5000, T + 10_000, T + 15_000]) {
      model.tick(t)
      const f = nowFigures(model, t)
      expect(f).toEqual({ throughput: 1000, devices: 1000, applications: 1000, flows: 1000 })
    }
    model.tick(T + 20_000)
    expect(nowFigures(model, T + 20_000)).toEqual({ throughput: 0, devices: 0, applications: 0, flows: 0 })
  })

  it('gives each flow its share, so an application page\'s device rows add up to the application', () => {
    const model = twoDevices(5)
    model.apply('a', counters('flow_stats', { digest: 'p', local_bytes: 100, other_bytes: 900 }), T + 1000)
    model.apply('a', counters('flow_stats', { digest: 'l', local_bytes: 2000, other_bytes: 3000 }), T + 1000)
    model.tick(T + 5000)
    expect(model.flow('a/p')).toMatchObject({ rateOut: 20, rateIn: 180 })
    expect(model.flow('a/l')).toMatchObject({ rateOut: 400, rateIn: 600 })
    expect(model.device(PHONE)).toMatchObject({ rateOut: 20, rateIn: 180 })
    expect(model.applications(T + 5000)).toEqual([expect.objectContaining({ name: 'TLS', rate: 1200 })])
  })

  it('agrees across views at every tick of a real recording', () => {
    const model = new NetworkModel()
    const events = fixtureEvents('netifyd-4.4/01-tls-https.raw')
    let checked = 0
    events.forEach((e, i) => {
      const now = T + i * 700
      model.apply('a', e, now)
      model.tick(now)
      const f = nowFigures(model, now)
      const unattributedRate = f.flows - sum(model.flows().filter((r) => r.localMac && model.device(r.localMac)).map((r) => r.rateIn + r.rateOut))
      expect(f.applications).toBeCloseTo(f.throughput, 6)
      expect(f.flows).toBeCloseTo(f.throughput, 6)
      expect(f.devices + unattributedRate).toBeCloseTo(f.throughput, 6)
      if (f.throughput > 0) checked++
    })
    expect(checked).toBeGreaterThan(3)
  })
})

describe('flows of an application', () => {
  it('counts the flows that carried its bytes in the last 15 minutes, closed ones included', () => {
    const model = twoDevices(5)
    model.apply('a', counters('flow_stats', { digest: 'p', local_bytes: 10, other_bytes: 90 }), T + 1000)
    model.apply('a', counters('flow_purge', { digest: 'p', local_bytes: 1, other_bytes: 9 }, 'closed'), T + 2000)
    model.apply('a', counters('flow_purge', { digest: 'l', local_bytes: 5, other_bytes: 5 }, 'closed'), T + 3000)
    model.tick(T + 5000)
    expect(model.applications(T + 5000)).toEqual([expect.objectContaining({ name: 'TLS', bytes: 120, flows: 2, devices: 2 })])
    model.tick(T + 15 * 60_000 + 5000)
    expect(model.applications(T + 15 * 60_000 + 5000)).toEqual([])
  })

  it('matches the distinct flows of each application in a real recording', () => {
    const records = fixtureRecords('netifyd-4.4/07-risks-ssh-smtp.raw')
    const digests = new Map<string, Set<string>>()
    for (const r of records) {
      if (r.type !== 'flow') continue
      const f = r.flow
      const name = f.detected_application && f.detected_application !== 0 ? f.detected_application_name : f.detected_protocol_name
      for (const set of digests.values()) set.delete(f.digest)
      digests.set(name, (digests.get(name) ?? new Set()).add(f.digest))
    }
    const model = new NetworkModel()
    fixtureEvents('netifyd-4.4/07-risks-ssh-smtp.raw').forEach((e, i) => model.apply('a', e, T + i * 10))
    const now = T + records.length * 10
    model.tick(now)
    const shown = new Map(model.applications(now).map((a) => [a.name, a.flows]))
    for (const [name, set] of digests) if (set.size > 0) expect(shown.get(name), name).toBe(set.size)
  })
})
