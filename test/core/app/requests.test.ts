import { afterEach, describe, expect, it } from 'vitest'
import type { AlertView, SettingsView } from '../../../src-main/contract/views'
import type { ReplayAgent } from '../../../src-main/core/replay/replay-agent'
import {
  deviceBytes, legacyRecords, localMacs, ReplayAgents, RequestFailed, startTestCore, T0, tempDir, waitForPassEnd, type FakeClock,
  type TestCore,
} from './app-test-helpers'

const RISKS = 'netifyd-4.4/07-risks-ssh-smtp.raw'
const records = legacyRecords(RISKS)
const agents = new ReplayAgents()
const cores: TestCore[] = []

afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()))
  await agents.closeAll()
})

/** A core watching `agent`, after one full pass of its recording (then disconnected, so no second pass). */
async function coreAfterOnePass(agent: ReplayAgent, dataDir = tempDir(), clock?: FakeClock): Promise<TestCore> {
  const t = await startTestCore({ dataDir, clock, agents: [agent.address] })
  cores.push(t)
  await waitForPassEnd(t, agent.address, records.length)
  await t.request('agents.disconnectAll', {})
  t.core.tick(t.clock.now)
  return t
}

async function restart(t: TestCore, agent: ReplayAgent): Promise<TestCore> {
  await t.stop()
  return coreAfterOnePass(agent, t.dataDir, t.clock)
}

const unread = (t: TestCore): number => t.core.trayStatus().unread
const states = (alerts: AlertView[]): Record<string, string> => Object.fromEntries(alerts.map((a) => [a.id, `${a.state}:${a.snoozedUntil ?? ''}`]))

describe('requests through the dispatcher', () => {
  it('device.rename shows the alias at once and keeps it after a restart', async () => {
    const agent = await agents.start(RISKS)
    let t = await coreAfterOnePass(agent)
    const mac = [...localMacs(records)].sort()[0]
    const alias = '  <img src=x onerror=alert(1)> kitchen TV '
    expect(await t.request('device.rename', { mac: mac.toUpperCase(), alias })).toEqual({ ok: true })
    expect(t.snapshot().devices.find((d) => d.mac === mac)?.alias).toBe(alias.trim())

    t = await restart(t, agent)
    expect(t.snapshot().devices.find((d) => d.mac === mac)?.alias).toBe(alias.trim())
    await t.request('device.rename', { mac, alias: ' ' })
    t = await restart(t, agent)
    expect(t.snapshot().devices.find((d) => d.mac === mac)?.alias).toBeUndefined()

    const refused = await t.request('device.rename', { mac: 'not-a-mac', alias: 'x' }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/mac: expected a MAC address/) })
  })

  it('acknowledge, mute, snooze and mark-all-read lower the unread count, and the states survive a restart', async () => {
    const agent = await agents.start(RISKS)
    let t = await coreAfterOnePass(agent)
    const fresh = t.snapshot().alerts.filter((a) => a.state === 'new')
    expect(fresh.length).toBeGreaterThan(5)
    expect(unread(t)).toBe(fresh.length)

    const risky = fresh.filter((a) => a.kind === 'risk')
    expect(await t.request('alert.acknowledge', { ids: [risky[0].id] })).toEqual({ changed: 1 })
    expect(unread(t)).toBe(fresh.length - 1)

    const riskId = risky[1].riskId!
    const matching = risky.filter((a) => a.riskId === riskId && a.id !== risky[0].id).length
    expect(await t.request('alert.mute', { rule: { riskId } })).toEqual({ changed: risky.filter((a) => a.riskId === riskId).length })
    expect(unread(t)).toBe(fresh.length - 1 - matching)

    const target = t.snapshot().alerts.find((a) => a.state === 'new' && a.kind === 'risk')!
    const until = t.clock.now + 3_600_000
    expect(await t.request('alert.snooze', { ids: [target.id], until })).toEqual({ changed: 1 })
    const left = fresh.length - 2 - matching
    expect(unread(t)).toBe(left)
    expect(await t.request('alert.markAllRead', {})).toEqual({ changed: left })
    expect(unread(t)).toBe(0)
    const before = states(t.snapshot().alerts)

    // Same agent after a restart: the same alerts fire again, and stay read, muted or snoozed.
    t = await restart(t, agent)
    expect(states(t.snapshot().alerts)).toEqual(before)
    expect(unread(t)).toBe(0)

    // Past the snooze, the snoozed alert is unread again when it fires again.
    t.clock.now = until + 1
    t = await restart(t, agent)
    expect(unread(t)).toBe(1)
    expect(t.snapshot().alerts.filter((a) => a.state === 'new').map((a) => a.id)).toEqual([target.id])
  })

  it('settings.update applies and persists; an invalid setting is refused naming the field', async () => {
    let t = await startTestCore()
    cores.push(t)
    const next: SettingsView = {
      ...t.snapshot().settings, theme: 'dark', retentionDays: 7, learningHours: 2, trafficThresholdBytes: 5_000_000,
      notifications: { minSeverity: 'high', ratePerMinute: 2, quietHours: { start: '22:00', end: '07:00' }, disabledKinds: ['new_device'] },
    }
    expect(await t.request('settings.update', { settings: next })).toEqual(next)
    expect(t.snapshot().settings).toEqual(next)
    await t.stop()
    t = await startTestCore({ dataDir: t.dataDir })
    cores.push(t)
    expect(t.snapshot().settings).toEqual(next)

    const bad = await t.request('settings.update', { settings: { ...next, retentionDays: 0 } }).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(RequestFailed)
    expect(bad).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('settings.retentionDays') })
    expect(t.snapshot().settings).toEqual(next)
  })

  it('history.query returns the current minute at once, and the same bytes once it is stored', async () => {
    const agent = await agents.start(RISKS)
    const t = await coreAfterOnePass(agent)
    await agent.close()
    const range = { from: T0 - 60_000, to: T0 + 120_000 }
    const expected = deviceBytes(records)
    const expectDeviceBytes = (rows: Array<{ device: string; bytesSent: number; bytesReceived: number }>) => {
      for (const [mac, bytes] of expected) {
        const mine = rows.filter((r) => r.device === mac)
        expect(mine.reduce((s, r) => s + r.bytesSent, 0), mac).toBe(bytes.sent)
        expect(mine.reduce((s, r) => s + r.bytesReceived, 0), mac).toBe(bytes.received)
      }
    }
    t.core.tick(t.clock.advance(20_000))
    const live = await t.request('history.query', range)
    expect(new Set(live.map((r) => r.t))).toEqual(new Set([T0]))
    expectDeviceBytes(live)

    t.core.tick(T0 + 60_000)
    const rows = await t.request('history.query', range)
    expect(rows).toEqual(live)
    const [mac] = expected.keys()
    const one = await t.request('history.query', { ...range, device: mac })
    expect(one.length).toBeGreaterThan(0)
    expect(one.every((r) => r.device === mac)).toBe(true)
  })

  it('history.query counts minutes queued for the database but not yet written, once', async () => {
    const agent = await agents.start(RISKS)
    const t = await coreAfterOnePass(agent)
    await agent.close()
    const range = { from: T0 - 60_000, to: T0 + 120_000 }
    const before = await t.request('history.query', range)
    const now = t.clock.advance(60_000)
    t.core.storage.writer.addUsage(t.core.live.model.takeCompletedMinutes(now), now)
    expect(t.core.storage.writer.pending).toBeGreaterThan(0)
    expect(t.core.live.model.minuteRollups()).toEqual([])
    expect(await t.request('history.query', range)).toEqual(before)
    expect(before.length).toBeGreaterThan(0)
  })
})
