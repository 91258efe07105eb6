import { describe, expect, it } from 'vitest'
import type { ProfileView } from '../../../src-main/contract/views'
import type { ReplayAgent } from '../../../src-main/core/replay/replay-agent'
import { agentOf, ReplayAgents, RequestFailed, startTestCore, stopAfterEach, waitFor, type TestCore } from './app-test-helpers'

const agents = new ReplayAgents()
let running: TestCore | undefined

stopAfterEach(() => running, agents)

/** A replay agent that keeps its clients connected (looping at real speed). */
function liveAgent(fixture = 'netifyd-4.4/02-http.raw'): Promise<ReplayAgent> {
  return agents.start(fixture, { loop: true, speed: 1 })
}

function profile(id: string, name: string, sources: ReplayAgent[]): ProfileView {
  return { id, name, agents: sources.map((a, i) => ({ label: `${name} agent ${i + 1}`, source: a.address, enabled: true })) }
}

async function start(): Promise<TestCore> {
  running = await startTestCore()
  return running
}

function connected(t: TestCore, a: ReplayAgent): boolean {
  return a.clients === 1 && agentOf(t.snapshot(), a.address)?.connection.status === 'connected'
}

async function waitConnected(t: TestCore, ...list: ReplayAgent[]): Promise<void> {
  await waitFor(() => list.every((a) => connected(t, a)), `connected to ${list.map((a) => a.address).join(', ')}`)
}

async function waitDropped(...list: ReplayAgent[]): Promise<void> {
  await waitFor(() => list.every((a) => a.clients === 0), `clients of ${list.map((a) => a.address).join(', ')} gone`)
}

describe('connection profiles', () => {
  it('activating a saved profile leaves the demo and connects both of its agents', async () => {
    const [a, b] = [await liveAgent(), await liveAgent('netifyd-4.4/03-dns.raw')]
    const t = await start()
    expect(t.snapshot().demo).toBe(true)
    await waitFor(() => t.core.trayStatus().agentsUp === 2, 'demo agents connected')

    expect(await t.request('profile.save', { profile: profile('home', 'Home', [a, b]) })).toEqual(profile('home', 'Home', [a, b]))
    await t.request('profile.activate', { id: 'home' })
    await waitConnected(t, a, b)
    const snap = t.snapshot()
    expect(snap.demo).toBe(false)
    expect(snap.activeProfileId).toBe('home')
    expect(snap.agents.map((x) => x.source).sort()).toEqual([a.address, b.address].sort())
    // Leaving the demo is the user's choice, not a lost agent.
    expect(snap.alerts.filter((x) => x.kind === 'agent_down')).toEqual([])
  })

  it('switching profile stops the old connections and connects the new ones', async () => {
    const [a, b, c, d] = [await liveAgent(), await liveAgent(), await liveAgent(), await liveAgent()]
    const t = await start()
    await t.request('profile.save', { profile: profile('one', 'One', [a, b]) })
    await t.request('profile.save', { profile: profile('two', 'Two', [c, d]) })
    await t.request('profile.activate', { id: 'one' })
    await waitConnected(t, a, b)

    await t.request('profile.activate', { id: 'two' })
    await waitDropped(a, b)
    await waitConnected(t, c, d)
    const snap = t.snapshot()
    expect(snap.activeProfileId).toBe('two')
    expect(snap.agents.map((x) => x.source).sort()).toEqual([c.address, d.address].sort())
    expect(snap.alerts.filter((x) => x.kind === 'agent_down')).toEqual([])

    await t.request('profile.activate', { id: 'one' })
    await waitDropped(c, d)
    await waitConnected(t, a, b)
  })

  it('editing the active profile reconnects only the agents that changed', async () => {
    const [a, b, c] = [await liveAgent(), await liveAgent(), await liveAgent()]
    const t = await start()
    await t.request('profile.save', { profile: profile('home', 'Home', [a, b]) })
    await t.request('profile.activate', { id: 'home' })
    await waitConnected(t, a, b)
    const since = agentOf(t.snapshot(), a.address)?.connection.since
    t.clock.advance(60_000)

    const edited = profile('home', 'Home', [a, c])
    await t.request('profile.save', { profile: edited })
    await waitDropped(b)
    await waitConnected(t, a, c)
    const snap = t.snapshot()
    expect(snap.agents.map((x) => x.source).sort()).toEqual([a.address, c.address].sort())
    expect(agentOf(snap, a.address)?.connection.since).toBe(since)
    expect(snap.profiles.find((p) => p.id === 'home')).toEqual(edited)

    await t.request('profile.save', { profile: { ...edited, agents: edited.agents.map((x) => ({ ...x, enabled: x.source !== c.address })) } })
    await waitDropped(c)
    expect(t.snapshot().agents.map((x) => x.source)).toEqual([a.address])
    expect(agentOf(t.snapshot(), a.address)?.connection.since).toBe(since)
  })

  it('deleting the active profile falls back to another profile, then to the demo', async () => {
    const [a, b] = [await liveAgent(), await liveAgent()]
    const t = await start()
    await t.request('profile.save', { profile: profile('one', 'One', [a]) })
    await t.request('profile.save', { profile: profile('two', 'Two', [b]) })
    await t.request('profile.activate', { id: 'two' })
    await waitConnected(t, b)

    await t.request('profile.delete', { id: 'two' })
    await waitDropped(b)
    await waitConnected(t, a)
    expect(t.snapshot().activeProfileId).toBe('one')
    expect(t.snapshot().profiles.map((p) => p.id)).not.toContain('two')

    await t.request('profile.delete', { id: 'one' })
    await waitDropped(a)
    expect(t.snapshot().demo).toBe(true)
    await waitFor(() => t.core.trayStatus().agentsUp === 2, 'demo agents connected again')
    await expect(t.request('profile.delete', { id: 'one' })).rejects.toThrow('no profile with id "one"')
  })

  it('exports a profile as JSON and imports it back; a bad file is refused and imports nothing', async () => {
    const [a, b] = [await liveAgent(), await liveAgent()]
    const t = await start()
    const home = { ...profile('home', 'Home network', [a, b]), agents: [{ ...profile('x', 'x', [a]).agents[0], label: 'Gateway', updateIntervalHint: 15 }] }
    await t.request('profile.save', { profile: home })
    const exported = await t.request('profile.export', { id: 'home' })
    expect(exported.fileName).toBe('home-network.netify-profile.json')
    expect(JSON.parse(exported.json)).toEqual(home)

    await t.request('profile.delete', { id: 'home' })
    expect(await t.request('profile.import', { json: exported.json })).toEqual([home])
    expect(t.snapshot().profiles.filter((p) => p.id === 'home')).toEqual([home])
    expect(await t.request('profile.import', { json: exported.json })).toEqual([home])
    expect(t.snapshot().profiles.filter((p) => p.name === 'Home network')).toHaveLength(1)

    const before = t.snapshot().profiles
    const badSource = JSON.stringify({ ...home, id: 'bad', agents: [{ label: 'x', source: 'http://10.0.0.1/', enabled: true }] })
    await expect(t.request('profile.import', { json: badSource })).rejects.toThrow(/nothing was imported: agents\[0\]\.source: expected tcp:\/\/host:port/)
    await expect(t.request('profile.import', { json: '{"id": "x", "name": ' })).rejects.toThrow(/not valid JSON/)
    await expect(t.request('profile.import', { json: JSON.stringify([home, { id: 'y' }]) })).rejects.toThrow(/\[1\]\.name/)
    expect(t.snapshot().profiles).toEqual(before)
  })

  it('starts on the stored active profile, or on the one named at start-up (web --profile)', async () => {
    const [a, b] = [await liveAgent(), await liveAgent()]
    let t = await start()
    await t.request('profile.save', { profile: profile('one', 'One', [a]) })
    await t.request('profile.save', { profile: profile('two', 'Two', [b]) })
    await t.request('profile.activate', { id: 'two' })
    await t.stop()

    t = running = await startTestCore({ dataDir: t.dataDir })
    expect(t.snapshot()).toMatchObject({ demo: false, activeProfileId: 'two' })
    await waitConnected(t, b)
    await t.stop()
    await waitDropped(b)

    t = running = await startTestCore({ dataDir: t.dataDir, profileName: 'One' })
    expect(t.snapshot().activeProfileId).toBe('one')
    await waitConnected(t, a)
    expect(b.clients).toBe(0)
    await t.stop()
    await expect(startTestCore({ dataDir: t.dataDir, profileName: 'Three' })).rejects.toThrow('no profile named "Three"')
  })

  it('refuses to save over or copy the demo profile, whose ports change at every start', async () => {
    const t = await start()
    const demo = t.snapshot().profiles.find((p) => p.id === 'demo')
    expect(demo?.agents).toHaveLength(2)
    const refused = await t.request('profile.save', { profile: { ...demo!, name: 'Mine' } }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(RequestFailed)
    expect((refused as RequestFailed).message).toMatch(/demo profile cannot be edited or copied: .*temporary ports/)
    expect(t.snapshot().profiles.find((p) => p.id === 'demo')?.name).toBe(demo?.name)

    const copy = await t.request('profile.duplicate', { id: 'demo' }).catch((e: unknown) => e)
    expect(copy).toBeInstanceOf(RequestFailed)
    expect((copy as RequestFailed).message).toMatch(/Create a new profile with your own agents/)
    expect(t.core.storage.profiles.list()).toEqual([])
  })

  it('makes an editable copy of the command-line profile, named by the core\'s clock', async () => {
    const a = await liveAgent()
    const t = running = await startTestCore({ agents: [a.address] })
    const cli = t.snapshot().profiles.find((p) => p.id === 'command-line')
    const copy = await t.request('profile.duplicate', { id: 'command-line' })
    expect(cli?.builtIn).toBe('command-line')
    // The copy is an ordinary stored profile: editable, not marked built in.
    expect(copy).toEqual({ agents: cli?.agents, id: `command-line-copy-${t.clock.now.toString(36)}`, name: `${cli?.name} (copy)` })
    expect(t.core.storage.profiles.get(copy.id)).toEqual(copy)
    const renamed = await t.request('profile.save', { profile: { ...copy, name: 'Mine' } })
    expect(t.snapshot().profiles.find((p) => p.id === copy.id)).toEqual(renamed)
  })
})
