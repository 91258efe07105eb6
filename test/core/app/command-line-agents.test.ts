import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  agentOf, applicationNames, countByType, flowDigests, legacyRecords, localMacs, mentionedDigests, ReplayAgents, riskIds, startTestCore,
  stopAfterEach, tempDir, waitForRecords, type TestCore,
} from './app-test-helpers'

const agents = new ReplayAgents()
let running: TestCore | undefined

stopAfterEach(() => running, agents)

describe('command-line agents (web --agent)', () => {
  it.each(['netifyd-4.4/07-risks-ssh-smtp.raw', 'netifyd-4.4/01-tls-https.raw', 'netifyd-5.0/legacy.bin'])(
    'shows the devices, flows and applications %s holds',
    async (fixture) => {
      const records = legacyRecords(fixture)
      const agent = await agents.start(fixture)
      running = await startTestCore({ agents: [agent.address] })
      await waitForRecords(running, agent.address, records.length)
      await agent.close()
      running.core.tick(running.clock.advance(1_000))
      const snap = running.snapshot()

      expect(snap.demo).toBe(false)
      expect(snap.activeProfileId).toBe('command-line')
      expect(snap.agents.map((a) => a.source)).toEqual([agent.address])
      expect(new Set(snap.devices.map((d) => d.mac))).toEqual(localMacs(records))
      const shown = new Set(snap.flows.map((f) => f.digest))
      for (const digest of flowDigests(records)) expect(shown, digest).toContain(digest)
      const mentioned = mentionedDigests(records)
      for (const digest of shown) expect(mentioned, digest).toContain(digest)
      expect(snap.flows.every((f) => f.key === `${agent.address}/${f.digest}`)).toBe(true)
      // Bytes of flows that began before the recording have no application yet: "Unknown".
      const apps = applicationNames(records)
      if (mentioned.size > flowDigests(records).size) apps.add('Unknown')
      expect(new Set(snap.applications.map((a) => a.name))).toEqual(apps)
      const hello = records.find((r) => r.type === 'agent_hello')
      expect(agentOf(snap, agent.address)?.version).toBe(hello?.agent_version)
      expect(agentOf(snap, agent.address)?.decode.records).toEqual(countByType(records))
      const risky = new Set(snap.alerts.filter((a) => a.kind === 'risk').map((a) => a.riskId))
      expect(risky).toEqual(riskIds(records))
    },
  )

  it('keeps a TCP and a UNIX socket agent apart: each flow belongs to the agent whose recording holds it', async () => {
    const a = await agents.start('netifyd-4.4/02-http.raw')
    const b = await agents.start('netifyd-4.4/03-dns.raw', { listen: `unix:${join(tempDir(), 'agent.sock')}` })
    const recordsA = legacyRecords('netifyd-4.4/02-http.raw')
    const recordsB = legacyRecords('netifyd-4.4/03-dns.raw')
    running = await startTestCore({ agents: [a.address, b.address] })
    await waitForRecords(running, a.address, recordsA.length)
    await waitForRecords(running, b.address, recordsB.length)
    const snap = running.snapshot()
    const digestsOf = (source: string): Set<string> => new Set(snap.flows.filter((f) => f.agentId === source).map((f) => f.digest))
    expect(digestsOf(a.address)).toEqual(mentionedDigests(recordsA))
    expect(digestsOf(b.address)).toEqual(mentionedDigests(recordsB))
    expect(new Set(snap.devices.map((d) => d.mac))).toEqual(new Set([...localMacs(recordsA), ...localMacs(recordsB)]))
  })
})
