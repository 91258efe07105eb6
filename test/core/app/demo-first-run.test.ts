import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Snapshot } from '../../../src-main/contract/views'
import { createAppCore, DATABASE_FILE } from '../../../src-main/core/app/app-core'
import { openStorage } from '../../../src-main/core/storage'
import type { AppCore } from '../../../src-main/core/app/app-core-types'
import { legacyRecords, localMacs, mentionedDigests, RESOURCES, tempDir, waitFor } from './app-test-helpers'

const DEMO = join(RESOURCES, 'demo')
const demoFiles = readdirSync(DEMO).filter((f) => /\.(raw|bin)$/.test(f))
const demoRecords = demoFiles.flatMap((f) => legacyRecords(join(DEMO, f)))

let core: AppCore | undefined

afterEach(async () => {
  await core?.stop()
  core = undefined
})

describe('first run with no profile', () => {
  it('starts the embedded demo agents, connects to them and shows the recordings\' devices and flows', async () => {
    const dataDir = join(tempDir(), 'fresh', 'data')
    core = createAppCore({ dataDir, resourcesDir: RESOURCES, demoSpeed: 20, tickMs: 50 })
    await core.start()
    let snap: Snapshot = await core.handlers['snapshot.get']({})
    expect(snap.demo).toBe(true)
    expect(snap.activeProfileId).toBe('demo')
    expect(snap.agents).toHaveLength(2)
    expect(snap.agents.every((a) => /^tcp:\/\/127\.0\.0\.1:\d+$/.test(a.source))).toBe(true)

    const app = core
    await waitFor(() => app.trayStatus().agentsUp === 2, 'both demo agents connected')
    await waitFor(async () => {
      snap = await app.handlers['snapshot.get']({})
      return snap.devices.length > 0 && snap.flows.length > 0 && snap.agents.every((a) => a.version !== undefined)
    }, 'devices and flows from the demo recordings')

    const macs = localMacs(demoRecords)
    for (const d of snap.devices) expect(macs, d.mac).toContain(d.mac)
    const digests = mentionedDigests(demoRecords)
    for (const f of snap.flows) expect(digests, f.digest).toContain(f.digest)
    const versions = new Set(demoRecords.filter((r) => r.type === 'agent_hello').map((r) => r.agent_version as string))
    expect(new Set(snap.agents.map((a) => a.version))).toEqual(versions)
    // Replayed live: timestamps moved to the present, so flows look current.
    expect(snap.flows.some((f) => f.lastSeen !== undefined && Math.abs(f.lastSeen - Date.now()) < 60_000)).toBe(true)

    // The demo is not a profile of the user's: nothing is stored, so the next start shows it again.
    await core.stop()
    const storage = openStorage(join(dataDir, DATABASE_FILE), { readOnly: true })
    try {
      expect(storage.profiles.list()).toEqual([])
      expect(storage.profiles.getActive()).toBeUndefined()
    } finally {
      storage.close()
    }
  })
})
