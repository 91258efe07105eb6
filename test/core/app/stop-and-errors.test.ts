import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppCore } from '../../../src-main/core/app/app-core'
import { openStorage } from '../../../src-main/core/storage'
import {
  agentOf, countByType, dbPath, FIXTURES, legacyRecords, localMacs, mentionedDigests, ReplayAgents, RESOURCES, startTestCore,
  stopAfterEach, tempDir, waitFor, waitForRecords, type TestCore,
} from './app-test-helpers'

const HTTP = 'netifyd-4.4/02-http.raw'
const DNS = 'netifyd-4.4/03-dns.raw'
const agents = new ReplayAgents()
let running: TestCore | undefined

stopAfterEach(() => running, agents)

/** A copy of a legacy recording with `garbage` between two frames; returns the file and the garbage's offset. */
function withGarbage(fixture: string, afterFrame: number, garbage: string): { file: string; offset: number } {
  const bytes = readFileSync(join(FIXTURES, fixture))
  let offset = 0
  for (let frame = 0; frame < afterFrame; frame++) {
    const nl = bytes.indexOf(10, offset)
    offset = nl + 1 + (JSON.parse(bytes.subarray(offset, nl).toString()) as { length: number }).length
  }
  const file = join(tempDir(), 'garbage.raw')
  writeFileSync(file, Buffer.concat([bytes.subarray(0, offset), Buffer.from(garbage), bytes.subarray(offset)]))
  return { file, offset }
}

describe('stop()', () => {
  it('closes every socket, writes rollups and alerts to the file, and can be called twice', async () => {
    const live = await agents.start(HTTP, { loop: true, speed: 1 })
    const once = await agents.start('netifyd-4.4/07-risks-ssh-smtp.raw')
    const dataDir = tempDir()
    const clock = { now: 1_800_000_005_000 }
    const core = createAppCore({ dataDir, resourcesDir: RESOURCES, agents: [live.address, once.address], now: () => clock.now, tickMs: 20 })
    await core.start()
    await waitFor(() => live.clients === 1 && core.trayStatus().unread > 0, 'connected, with alerts')
    const alerts = (await core.handlers['snapshot.get']({})).alerts.map((a) => a.id)

    await core.stop()
    await core.stop()
    await waitFor(() => live.clients === 0 && once.clients === 0, 'replay agents without clients')

    const storage = openStorage(dbPath(dataDir), { readOnly: true })
    try {
      const stored = new Set(storage.alerts.list().map((a) => a.id))
      for (const id of alerts) expect(stored, id).toContain(id)
      const usage = storage.usage.query({ from: 0, to: clock.now + 60_000 })
      expect(usage.length).toBeGreaterThan(0)
      const macs = new Set([...localMacs(legacyRecords(HTTP)), ...localMacs(legacyRecords('netifyd-4.4/07-risks-ssh-smtp.raw'))])
      for (const row of usage) expect(macs, row.device).toContain(row.device)
    } finally {
      storage.close()
    }
  })
})

describe('a decode error from one agent', () => {
  it('is listed in that agent\'s recent errors with its offset, and the other agent keeps going', async () => {
    const { file, offset } = withGarbage(HTTP, 10, 'this is not a frame\n')
    const bad = await agents.start(file)
    const good = await agents.start(DNS, { listen: `unix:${join(tempDir(), 'good.sock')}` })
    const badRecords = legacyRecords(HTTP)
    const goodRecords = legacyRecords(DNS)
    const t = (running = await startTestCore({ agents: [bad.address, good.address] }))
    await waitForRecords(t, bad.address, badRecords.length)
    await waitForRecords(t, good.address, goodRecords.length)
    t.core.tick(t.clock.advance(1_000))
    const snap = t.snapshot()

    const errors = agentOf(snap, bad.address)?.decode.recentErrors ?? []
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.every((e) => e.offset === offset && e.agentId === bad.address)).toBe(true)
    expect(errors[0].message).toContain(`at byte ${offset}`)
    expect(agentOf(snap, bad.address)?.decode.records).toEqual(countByType(badRecords))

    const other = agentOf(snap, good.address)
    expect(other?.decode.recentErrors).toEqual([])
    expect(other?.decode.records).toEqual(countByType(goodRecords))
    const digests = (source: string): Set<string> => new Set(snap.flows.filter((f) => f.agentId === source).map((f) => f.digest))
    expect(digests(good.address)).toEqual(mentionedDigests(goodRecords))
    // Frames after the garbage were still read.
    expect(digests(bad.address)).toEqual(mentionedDigests(badRecords))
  })
})
