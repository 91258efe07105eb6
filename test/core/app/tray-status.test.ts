import { describe, expect, it } from 'vitest'
import type { AgentView, ConnectionStateView } from '../../../src-main/contract/views'
import type { TrayStatus } from '../../../src-main/core/app/app-core-types'
import { deriveTrayStatus, sameTrayShape, type TrayInputs } from '../../../src-main/core/app/tray-status'
import { ReplayAgents, startTestCore, stopAfterEach, waitFor, type TestCore } from './app-test-helpers'

function agent(id: string, connection: Partial<ConnectionStateView>): AgentView {
  return {
    id, label: id, source: `tcp://10.0.0.${id.length}:7150`, connection: { status: 'connected', since: 0, attempt: 0, ...connection },
    updateInterval: 15, cpuHistory: [], rssHistory: [], interfaces: [], blindSpots: [],
    decode: { records: {}, invalid: 0, unknownTypes: 0, unknownFields: {}, recentErrors: [] },
  }
}

function inputs(agents: AgentView[], unread = 0, extra: Partial<TrayInputs> = {}): TrayInputs {
  return { agents, unread, profiles: [{ id: 'home', name: 'Home', agents: [] }], activeProfileId: 'home', ...extra }
}

describe('deriveTrayStatus', () => {
  it('is idle with no agent, or only stopped ones', () => {
    expect(deriveTrayStatus(inputs([])).state).toBe('idle')
    const stopped = deriveTrayStatus(inputs([agent('a', { status: 'stopped' })], 3))
    expect(stopped).toMatchObject({ state: 'idle', agentsTotal: 0, agentsUp: 0, unread: 3 })
  })

  it('is quiet while every agent delivers and nothing is unread, unread otherwise', () => {
    expect(deriveTrayStatus(inputs([agent('a', {}), agent('b', {})]))).toMatchObject({ state: 'quiet', agentsUp: 2, agentsTotal: 2 })
    expect(deriveTrayStatus(inputs([agent('a', {})], 4))).toMatchObject({ state: 'unread', unread: 4 })
    // A first connection attempt in progress is not an outage.
    expect(deriveTrayStatus(inputs([agent('a', { status: 'connecting', attempt: 0 })])).state).toBe('quiet')
  })

  it('is down when any agent is disconnected, stalled or failing to connect, unread alerts or not', () => {
    for (const connection of [{ status: 'disconnected' }, { status: 'stalled' }, { status: 'connecting', attempt: 2 }] as const) {
      const status = deriveTrayStatus(inputs([agent('a', {}), agent('b', connection)], 5))
      expect(status, connection.status).toMatchObject({ state: 'down', agentsUp: 1, agentsTotal: 2, unread: 5 })
    }
  })

  it('carries the latest rates, the profiles and the pause for the menu', () => {
    const status = deriveTrayStatus(inputs([agent('a', {})], 0, { latest: { t: 1, in: 300, out: 20 }, notificationsPausedUntil: 99 }))
    expect(status).toEqual<TrayStatus>({
      state: 'quiet', unread: 0, agentsUp: 1, agentsTotal: 1, rateIn: 300, rateOut: 20, activeProfileId: 'home',
      profiles: [{ id: 'home', name: 'Home' }], notificationsPausedUntil: 99,
    })
  })

  it('sameTrayShape ignores rates but not state, counts, profiles or pause', () => {
    const base = deriveTrayStatus(inputs([agent('a', {})]))
    expect(sameTrayShape(base, { ...base, rateIn: 5, rateOut: 7 })).toBe(true)
    expect(sameTrayShape(base, { ...base, unread: 1, state: 'unread' })).toBe(false)
    expect(sameTrayShape(base, { ...base, profiles: [] })).toBe(false)
    expect(sameTrayShape(base, { ...base, notificationsPausedUntil: 5 })).toBe(false)
  })
})

describe('tray status of the live core', () => {
  const agents = new ReplayAgents()
  let running: TestCore | undefined

  stopAfterEach(() => running, agents)

  it('goes down when an agent\'s replay agent closes, and tells its listeners', async () => {
    const a = await agents.start('netifyd-4.4/02-http.raw', { loop: true, speed: 1 })
    const b = await agents.start('netifyd-4.4/03-dns.raw', { loop: true, speed: 1 })
    const t = (running = await startTestCore({ agents: [a.address, b.address] }))
    const seen: TrayStatus[] = []
    t.core.onTrayStatus((s) => seen.push(s))
    await waitFor(() => t.core.trayStatus().agentsUp === 2, 'both agents up')
    t.core.tick(t.clock.advance(1_000))
    expect(['quiet', 'unread']).toContain(t.core.trayStatus().state)

    await a.close()
    await waitFor(() => t.core.trayStatus().state === 'down', 'tray down')
    t.core.tick(t.clock.advance(1_000))
    expect(seen.at(-1)).toMatchObject({ state: 'down', agentsUp: 1, agentsTotal: 2 })
    expect(t.snapshot().alerts.some((x) => x.kind === 'agent_down' && x.agentId === a.address)).toBe(true)
  })
})
