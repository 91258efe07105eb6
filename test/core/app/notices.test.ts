import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dbPath, startTestCore, stopAfterEach, tempDir, type TestCore } from './app-test-helpers'

let running: TestCore | undefined
stopAfterEach(() => running)

describe('messages about the app’s own files reach the UI', () => {
  it('a corrupt database is moved aside, the UI is told where, and a fresh one works', async () => {
    const dataDir = tempDir()
    writeFileSync(dbPath(dataDir), Buffer.from('this is not an SQLite database at all, just some text'.repeat(100)))
    const t = running = await startTestCore({ dataDir, demo: true })
    const moved = readdirSync(dataDir).filter((f) => f.includes('.corrupt-'))
    expect(moved.length).toBeGreaterThan(0)
    const notices = t.snapshot().notices ?? []
    expect(notices.some((n) => moved.some((f) => n.includes(f)))).toBe(true)
    await t.request('device.rename', { mac: '00:11:22:33:44:55', alias: 'kept' })
    expect(t.core.storage.aliases.get('00:11:22:33:44:55')).toBe('kept')
    expect(existsSync(dbPath(dataDir))).toBe(true)
  })

  it('a healthy database gives no notice', async () => {
    const t = running = await startTestCore({ demo: true })
    expect(t.snapshot().notices ?? []).toEqual([])
  })
})
