import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AlertView, Severity } from '../../../src-main/contract/views'
import type { TrayStatus } from '../../../src-main/core/app/app-core-types'
import {
  legacyRecords, ReplayAgents, startTestCore, stopAfterEach, tempDir, waitForPassEnd, waitForRecords, type TestCore,
} from './app-test-helpers'

const RISKS = 'netifyd-4.4/07-risks-ssh-smtp.raw'
const records = legacyRecords(RISKS)
const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 }
const agents = new ReplayAgents()
let running: TestCore | undefined

stopAfterEach(() => running, agents)

/** A core that has received one full pass of the risky recording (then stopped reading). */
async function afterRiskyPass(configure?: (t: TestCore) => Promise<void>): Promise<TestCore> {
  const agent = await agents.start(RISKS)
  running = await startTestCore({ agents: [agent.address] })
  await configure?.(running)
  await waitForPassEnd(running, agent.address, records.length)
  await running.request('agents.disconnectAll', {})
  return running
}

const unreadAtLeast = (t: TestCore, min: Severity): AlertView[] =>
  t.snapshot().alerts.filter((a) => a.state === 'new' && RANK[a.severity] >= RANK[min])

describe('notifications from the live core', () => {
  it('shows at most ratePerMinute notifications a minute, then one digest of the rest', async () => {
    const t = await afterRiskyPass()
    const { ratePerMinute, minSeverity } = t.snapshot().settings.notifications
    const eligible = unreadAtLeast(t, minSeverity)
    expect(eligible.length).toBeGreaterThan(ratePerMinute + 1)
    const start = t.clock.now

    t.core.tick(start)
    expect(t.notifications).toHaveLength(ratePerMinute)
    const ids = new Set(eligible.map((a) => a.id))
    for (const n of t.notifications) expect(ids, n.title).toContain(n.alertId)
    t.core.tick(start + 1_000)
    expect(t.notifications).toHaveLength(ratePerMinute)

    for (let s = 2; s < 60; s++) t.core.tick(start + s * 1_000)
    expect(t.notifications).toHaveLength(ratePerMinute + 1)
    const digest = t.notifications[ratePerMinute]
    expect(digest.kind).toBe('digest')
    expect(digest.title).toBe(`${eligible.length - ratePerMinute} more alerts`)
    expect(digest.alertId).toBeUndefined()
  })

  it('keeps notifying and updating the tray when a shell listener throws', async () => {
    const trays: TrayStatus[] = []
    const t = await afterRiskyPass(async (core) => {
      core.core.onTrayStatus(() => {
        throw new Error('tray icon missing')
      })
      core.core.onTrayStatus((s) => trays.push(s))
      core.core.onNotification(() => {
        throw new Error('notification service down')
      })
    })
    expect(() => t.core.tick(t.clock.now)).not.toThrow()
    expect(t.notifications.length).toBe(t.snapshot().settings.notifications.ratePerMinute)
    expect(trays.at(-1)?.unread).toBe(t.snapshot().alerts.filter((a) => a.state === 'new').length)
  })

  it('never notifies below the minimum severity', async () => {
    const t = await afterRiskyPass(async (core) => {
      const settings = core.snapshot().settings
      await core.request('settings.update', { settings: { ...settings, notifications: { ...settings.notifications, minSeverity: 'critical', ratePerMinute: 600 } } })
    })
    // A minute later the token bucket has refilled to the new rate.
    t.core.tick(t.clock.advance(60_000))
    const critical = unreadAtLeast(t, 'critical')
    expect(critical.length).toBeGreaterThan(0)
    expect(t.snapshot().alerts.some((a) => a.severity !== 'critical')).toBe(true)
    expect(t.notifications.map((n) => n.alertId).sort()).toEqual(critical.map((a) => a.id).sort())
    expect(t.notifications.every((n) => n.severity === 'critical')).toBe(true)
  })

  it('notifications.pause silences alerts until the time passes, then notifies again', async () => {
    const first = await agents.start(RISKS)
    const laterSource = `unix:${join(tempDir(), 'later.sock')}`
    const t = (running = await startTestCore({ agents: [first.address, laterSource] }))
    const until = t.clock.now + 10 * 60_000
    expect(await t.request('notifications.pause', { until })).toEqual({ until })
    expect(t.snapshot().notificationsPausedUntil).toBe(until)
    expect(t.core.trayStatus().notificationsPausedUntil).toBe(until)

    await waitForPassEnd(t, first.address, records.length)
    await t.request('agents.disconnectAll', {})
    for (let m = 0; m < 10; m++) t.core.tick(t.clock.advance(59_000))
    expect(unreadAtLeast(t, 'medium').length).toBeGreaterThan(0)
    expect(t.notifications).toEqual([])

    t.clock.now = until
    t.core.tick(until)
    expect(t.snapshot().notificationsPausedUntil).toBeUndefined()
    expect(t.notifications).toEqual([])

    // A second agent (stopped by disconnectAll, failing before) appears after the pause: its alerts notify.
    await agents.start(RISKS, { listen: laterSource })
    await t.request('agent.reconnect', { agentId: laterSource })
    await waitForRecords(t, laterSource, records.length)
    t.core.tick(t.clock.advance(1_000))
    expect(t.notifications.length).toBeGreaterThan(0)
    const later = new Set(t.snapshot().alerts.filter((a) => a.agentId === laterSource).map((a) => a.id))
    for (const n of t.notifications) expect(later).toContain(n.alertId)
  })
})
