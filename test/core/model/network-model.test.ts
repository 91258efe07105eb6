import { describe, expect, it } from 'vitest'
import { NetworkModel } from '../../../src-main/core/model/network-model'
import { counters, flow, ifaceStats, status } from './events'

const T = 1_800_000_000_000
const MAC = '00:1b:63:00:00:01'

describe('one device seen by two agents', () => {
  it('is one device listing both agents, with both agents\' bytes', () => {
    const model = new NetworkModel()
    model.apply('gw', flow({ digest: 'aaa', local_mac: MAC.toUpperCase(), local_ip: '192.168.1.10' }), T)
    model.apply('ap', flow({ digest: 'bbb', local_mac: MAC, local_ip: 'fe80::1' }), T + 1)
    model.apply('gw', counters('flow_stats', { digest: 'aaa', local_bytes: 100, other_bytes: 1000, total_bytes: 1100 }), T + 2)
    model.apply('ap', counters('flow_stats', { digest: 'bbb', local_bytes: 7, other_bytes: 70, total_bytes: 77 }), T + 3)
    const devices = model.devices()
    expect(devices).toHaveLength(1)
    expect(devices[0]).toMatchObject({ mac: MAC, agents: ['ap', 'gw'], bytesSent: 107, bytesReceived: 1070, activeFlows: 2 })
    expect(devices[0].ips.sort()).toEqual(['192.168.1.10', 'fe80::1'])
    expect(devices[0].vendor).toBe('Apple, Inc.')
    expect(model.flows().map((f) => f.key).sort()).toEqual(['ap/bbb', 'gw/aaa'])
  })
})

describe('counters', () => {
  it('counts a 5.x interval once across dpi_update, dpi_complete and flow_stats', () => {
    const model = new NetworkModel()
    model.apply('a', flow({ digest: 'd' }), T)
    model.apply('a', flow({ digest: 'd' }, 'flow_dpi_update', { digest: 'd', local_bytes: 30, local_packets: 1, other_bytes: 300, other_packets: 1, total_bytes: 330 }), T + 1)
    model.apply('a', counters('flow_dpi_complete', { digest: 'd', local_bytes: 30, other_bytes: 300, total_bytes: 330 }), T + 2)
    model.apply('a', counters('flow_stats', { digest: 'd', local_bytes: 50, other_bytes: 500, total_bytes: 550 }), T + 3)
    model.apply('a', counters('flow_stats', { digest: 'd', local_bytes: 5, other_bytes: 50, total_bytes: 605 }), T + 4)
    model.apply('a', counters('flow_purge', { digest: 'd', local_bytes: 0, other_bytes: 0, total_bytes: 605 }, 'closed'), T + 5)
    expect(model.device(MAC)).toMatchObject({ bytesSent: 55, bytesReceived: 550, activeFlows: 0 })
    expect(model.flow('a/d')).toMatchObject({ bytesOut: 55, bytesIn: 550, totalBytes: 605, closedReason: 'closed' })
  })

  it('counts stats for a flow that began before connecting as unattributed', () => {
    const model = new NetworkModel()
    model.apply('a', counters('flow_stats', { digest: 'old', local_bytes: 4, other_bytes: 6, total_bytes: 999 }), T)
    expect(model.unattributed('a')).toEqual({ out: 4, in: 6 })
    expect(model.devices()).toHaveLength(0)
    expect(model.flow('a/old')?.totalBytes).toBe(999)
  })

  it('updates a flow in place on detection_updated without counting again', () => {
    const model = new NetworkModel()
    model.apply('a', flow({ digest: 'd' }), T)
    model.apply('a', counters('flow_stats', { digest: 'd', local_bytes: 10, other_bytes: 20, total_bytes: 30 }), T + 1)
    model.apply('a', flow({ digest: 'd', detection_updated: true, detected_application: 119, detected_application_name: 'netify.facebook', ssl: { client_sni: 'www.facebook.com' } }), T + 2)
    expect(model.flows()).toHaveLength(1)
    expect(model.flow('a/d')).toMatchObject({ application: 'netify.facebook', host: 'www.facebook.com', bytesOut: 10, bytesIn: 20 })
    expect(model.device(MAC)?.applications).toEqual(['TLS', 'netify.facebook'])
  })
})

describe('agent restart and counter resets', () => {
  it('opens a restart blind spot when uptime goes backwards and closes the old run\'s flows', () => {
    const model = new NetworkModel()
    model.apply('a', status({ uptime: 100, timestamp: 1000 }), T)
    model.apply('a', flow({ digest: 'd' }), T + 1000)
    model.apply('a', status({ uptime: 105, timestamp: 1005 }), T + 5000)
    model.apply('a', status({ uptime: 3, timestamp: 1030 }), T + 30_000)
    const spots = model.agentView('a')?.blindSpots ?? []
    expect(spots).toEqual([expect.objectContaining({ kind: 'restart', start: T + 5000, end: T + 30_000 })])
    expect(model.flow('a/d')?.closedReason).toBe('agent_restart')
    expect(model.device(MAC)?.activeFlows).toBe(0)
  })

  it('never reports a negative interface rate when counters go back to zero', () => {
    const model = new NetworkModel()
    model.apply('a', status({ uptime: 10, timestamp: 1000 }), T)
    model.apply('a', ifaceStats('eth0', { wire_bytes: 50_000, raw: 500 }), T)
    model.apply('a', status({ uptime: 15, timestamp: 1005 }), T + 5000)
    model.apply('a', ifaceStats('eth0', { wire_bytes: 60_000, raw: 600 }), T + 5000)
    expect(model.agentView('a')?.interfaces[0]).toMatchObject({ wireRate: 2000, packetRate: 20 })
    model.apply('a', status({ uptime: 20, timestamp: 1010 }), T + 10_000)
    model.apply('a', ifaceStats('eth0', { wire_bytes: 1_000, raw: 10 }), T + 10_000)
    expect(model.agentView('a')?.interfaces[0]).toMatchObject({ wireRate: 0, packetRate: 0 })
    model.apply('a', status({ uptime: 25, timestamp: 1015 }), T + 15_000)
    model.apply('a', ifaceStats('eth0', { wire_bytes: 6_000, raw: 60 }), T + 15_000)
    expect(model.agentView('a')?.interfaces[0]).toMatchObject({ wireRate: 1000, packetRate: 10 })
  })

  it('opens a capture-drop blind spot while drops grow and closes it on a clean interval', () => {
    const model = new NetworkModel()
    model.apply('a', status({ uptime: 10, timestamp: 1000 }), T)
    model.apply('a', ifaceStats('eth0', { capture_dropped: 0 }), T)
    model.apply('a', status({ uptime: 15, timestamp: 1005 }), T + 5000)
    model.apply('a', ifaceStats('eth0', { capture_dropped: 42 }), T + 5000)
    const open = model.agentView('a')?.blindSpots ?? []
    expect(open).toEqual([expect.objectContaining({ kind: 'capture_drops', interface: 'eth0', start: T })])
    expect(open[0].end).toBeUndefined()
    model.apply('a', status({ uptime: 20, timestamp: 1010 }), T + 10_000)
    model.apply('a', ifaceStats('eth0', { capture_dropped: 42 }), T + 10_000)
    expect(model.agentView('a')?.blindSpots[0]).toMatchObject({ kind: 'capture_drops', end: T + 10_000 })
    expect(model.agentView('a')?.interfaces[0].captureDropped).toBe(42)
  })

  it('marks a disconnection as a blind spot from loss to reconnection', () => {
    const model = new NetworkModel()
    model.setAgentConnection('a', 'Gateway', 'tcp://10.0.0.1:7150', { status: 'connected', since: T, attempt: 0 }, T)
    model.setAgentConnection('a', 'Gateway', 'tcp://10.0.0.1:7150', { status: 'disconnected', since: T + 100, attempt: 1, lastError: 'connection reset' }, T + 100)
    model.setAgentConnection('a', 'Gateway', 'tcp://10.0.0.1:7150', { status: 'connected', since: T + 900, attempt: 0 }, T + 900)
    expect(model.agentView('a')?.blindSpots).toEqual([expect.objectContaining({ kind: 'disconnected', start: T + 100, end: T + 900 })])
    expect(model.agentView('a')).toMatchObject({ label: 'Gateway', source: 'tcp://10.0.0.1:7150' })
  })
})

describe('bounds', () => {
  it('keeps the flow table within its caps, evicting the least recently seen', () => {
    const model = new NetworkModel({ flowLimits: { activeCap: 10, closedCap: 5 } })
    for (let i = 0; i < 100; i++) model.apply('a', flow({ digest: `f${i}` }), T + i)
    expect(model.sizes()).toMatchObject({ activeFlows: 10, evictedActiveFlows: 90 })
    expect(model.flow('a/f99')).toBeDefined()
    expect(model.flow('a/f0')).toBeUndefined()
    expect(model.device(MAC)?.activeFlows).toBe(10)
    for (let i = 90; i < 100; i++) model.apply('a', counters('flow_purge', { digest: `f${i}` }, 'closed'), T + 200 + i)
    expect(model.sizes()).toMatchObject({ activeFlows: 0, closedFlows: 5 })
    expect(model.flows().map((f) => f.digest)).toEqual(['f95', 'f96', 'f97', 'f98', 'f99'])
    const removed = model.drainChanges().flowsRemoved
    expect(removed.has('a/f0')).toBe(true)
    expect(removed.has('a/f90')).toBe(true)
  })
})

describe('changes, rates and rollups', () => {
  it('reports only what changed since the last drain', () => {
    const model = new NetworkModel()
    for (let i = 0; i < 50; i++) model.apply('a', flow({ digest: `f${i}` }), T)
    model.drainChanges()
    model.apply('a', counters('flow_stats', { digest: 'f7', local_bytes: 1, other_bytes: 2 }), T + 1)
    const changes = model.drainChanges()
    expect([...changes.flows]).toEqual(['a/f7'])
    expect([...changes.devices]).toEqual([MAC])
    expect(model.drainChanges().flows.size).toBe(0)
  })

  it('derives rates over the update interval and lets them fall to zero', () => {
    const model = new NetworkModel()
    model.apply('a', status({ uptime: 10, timestamp: 1, update_interval: 5 }), T)
    model.apply('a', flow({ digest: 'd' }), T)
    model.apply('a', counters('flow_stats', { digest: 'd', local_bytes: 5000, other_bytes: 50_000 }), T + 1000)
    model.tick(T + 5000)
    expect(model.device(MAC)).toMatchObject({ rateOut: 1000, rateIn: 10_000 })
    const app = model.applications(T + 5000).find((a) => a.name === 'TLS')
    expect(app).toMatchObject({ rate: 11_000, bytes: 55_000, flows: 1, devices: 1 })
    model.tick(T + 60_000)
    expect(model.device(MAC)).toMatchObject({ rateOut: 0, rateIn: 0 })
  })

  it('rolls bytes up per minute, device and application for storage', () => {
    const model = new NetworkModel()
    model.apply('a', flow({ digest: 'd' }), T)
    model.apply('a', counters('flow_stats', { digest: 'd', local_bytes: 10, other_bytes: 20 }), T + 1000)
    model.apply('a', counters('flow_stats', { digest: 'd', local_bytes: 1, other_bytes: 2 }), T + 61_000)
    const minute = Math.floor((T + 1000) / 60_000) * 60_000
    expect(model.takeCompletedMinutes(T + 61_000)).toEqual([{ t: minute, device: MAC, application: 'TLS', bytesSent: 10, bytesReceived: 20 }])
    expect(model.minuteRollups()).toEqual([{ t: minute + 60_000, device: MAC, application: 'TLS', bytesSent: 1, bytesReceived: 2 }])
  })

  it('flags a locally administered MAC and gives it no vendor; keeps the user\'s alias', () => {
    const model = new NetworkModel()
    model.apply('a', flow({ digest: 'd', local_mac: '02:11:22:33:44:55' }), T)
    model.setAlias('02:11:22:33:44:55', 'Kitchen tablet')
    expect(model.device('02:11:22:33:44:55')).toMatchObject({ localAdmin: true, vendor: undefined, alias: 'Kitchen tablet' })
  })
})

describe('odd input', () => {
  it('skips a record it cannot use and shows it with the agent\'s errors, without throwing', () => {
    const model = new NetworkModel()
    const broken = { kind: 'endpoints', offset: 77, endpoints: null } as unknown as Parameters<NetworkModel['apply']>[1]
    expect(() => model.apply('a', broken, T)).not.toThrow()
    expect(model.agentView('a')?.decode.recentErrors).toEqual([expect.objectContaining({ offset: 77 })])
    model.apply('a', flow({ digest: 'd' }), T + 1)
    expect(model.flows()).toHaveLength(1)
  })
})
