/**
 * Test harness for the assembled core: a real NetifyCore on a real SQLite file in a temp dir,
 * driven by a fake clock and the real request dispatcher; real replay agents over recordings
 * from test/fixtures; and the fixtures read back with a few lines of plain JSON parsing, so
 * expectations never come from the code under test.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'
import type { RequestName, RequestPayload, ResponseTypes } from '../../../src-main/contract/contract'
import type { Snapshot } from '../../../src-main/contract/views'
import { createRequestDispatcher } from '../../../src-main/core/bridge'
import { NetifyCore } from '../../../src-main/core/app/netify-core'
import { createRequestHandlers } from '../../../src-main/core/app/request-handlers'
import type { CoreNotification } from '../../../src-main/core/app/app-core-types'
import { startReplayAgent, type ReplayAgent, type ReplayAgentOptions } from '../../../src-main/core/replay/replay-agent'
import { DATABASE_FILE } from '../../../src-main/core/app/app-core'

export const ROOT = resolve(__dirname, '../../..')
export const FIXTURES = join(ROOT, 'test', 'fixtures')
export const RESOURCES = join(ROOT, 'resources')
/** A minute boundary, so rollup minutes are easy to name. */
export const T0 = 1_800_000_000_000

export function tempDir(prefix = 'nm-app-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function dbPath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE)
}

export interface FakeClock {
  now: number
  advance(ms: number): number
}

export function fakeClock(start = T0 + 5_000): FakeClock {
  const clock = {
    now: start,
    advance(ms: number) {
      clock.now += ms
      return clock.now
    },
  }
  return clock
}

/** Polls (no fixed sleeps) until `check` holds; fails naming what it waited for. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export class RequestFailed extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

export interface TestCore {
  core: NetifyCore
  clock: FakeClock
  dataDir: string
  notifications: CoreNotification[]
  /** A request through the real dispatcher; rejects with RequestFailed when refused. */
  request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<ResponseTypes[N]>
  snapshot(): Snapshot
  stop(): Promise<void>
}

export interface TestCoreOptions {
  dataDir?: string
  clock?: FakeClock
  agents?: string[]
  profileName?: string
  demo?: boolean
  demoSpeed?: number
}

/** A started core (`profiles.start`), without the once-a-second timer: tests call `core.tick`. */
export async function startTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDir()
  const clock = options.clock ?? fakeClock()
  const core = new NetifyCore({
    dbPath: dbPath(dataDir), resourcesDir: RESOURCES, now: () => clock.now, demoSpeed: options.demoSpeed ?? 20,
    utcOffsetMinutes: () => 0,
  })
  const dispatcher = createRequestDispatcher(createRequestHandlers(core))
  const notifications: CoreNotification[] = []
  core.onNotification((n) => notifications.push(n))
  try {
    await core.profiles.start({ agents: options.agents, profileName: options.profileName, demo: options.demo })
  } catch (error) {
    await core.stopAll()
    throw error
  }
  let stopped = false
  return {
    core, clock, dataDir, notifications,
    async request(name, payload) {
      const out = await dispatcher.dispatch(name, payload)
      if (!out.ok) throw new RequestFailed(out.error.code, out.error.message)
      return out.result as ResponseTypes[typeof name]
    },
    snapshot: () => core.snapshot(),
    async stop() {
      if (stopped) return
      stopped = true
      await core.stopAll()
    },
  }
}

/** Replay agents started by a test, closed together in `afterEach`. */
export class ReplayAgents {
  private readonly started: ReplayAgent[] = []

  async start(fixture: string | string[], options: Partial<ReplayAgentOptions> = {}): Promise<ReplayAgent> {
    const files = (Array.isArray(fixture) ? fixture : [fixture]).map((f) => (f.startsWith('/') ? f : join(FIXTURES, f)))
    const agent = await startReplayAgent({ files, listen: 'tcp://127.0.0.1:0', speed: 0, ...options })
    this.started.push(agent)
    return agent
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.started.splice(0).map((a) => a.close()))
  }
}

/**
 * Stops the test's core and then its replay agents after every test, so a failing test leaves no
 * connection or timer behind. `core` is read at that moment: tests assign it as they start one.
 */
export function stopAfterEach(core: () => TestCore | undefined, agents?: ReplayAgents): void {
  afterEach(async () => {
    await core()?.stop()
    await agents?.closeAll()
  })
}

export type RawRecord = Record<string, any>

/** Legacy-framed records (`{"length": N}\n` + body), parsed as plain JSON. */
export function legacyRecords(file: string): RawRecord[] {
  const b = readFileSync(file.startsWith('/') ? file : join(FIXTURES, file))
  const records: RawRecord[] = []
  let i = 0
  while (i < b.length) {
    const nl = b.indexOf(10, i)
    const n = (JSON.parse(b.subarray(i, nl).toString()) as { length: number }).length
    records.push(JSON.parse(b.subarray(nl + 1, nl + 1 + n).toString()) as RawRecord)
    i = nl + 1 + n
  }
  return records
}

function usableMac(mac: unknown): mac is string {
  if (typeof mac !== 'string') return false
  const m = mac.toLowerCase()
  return m !== '00:00:00:00:00:00' && (parseInt(m.slice(0, 2), 16) & 1) === 0
}

/** Local MACs: flows' `local_mac` plus the devices 4.x statuses list (group and zero MACs skipped). */
export function localMacs(records: RawRecord[]): Set<string> {
  const macs = new Set<string>()
  for (const r of records) {
    if ((r.type === 'flow' || r.type === 'flow_dpi_update') && usableMac(r.flow.local_mac)) macs.add(r.flow.local_mac.toLowerCase())
    if (r.type === 'agent_status' && r.devices) for (const m of Object.keys(r.devices)) if (usableMac(m)) macs.add(m.toLowerCase())
  }
  return macs
}

/** Application names as the Applications view groups them: the application, else the protocol. */
export function applicationNames(records: RawRecord[]): Set<string> {
  const names = new Set<string>()
  for (const r of records) {
    if (r.type !== 'flow') continue
    const f = r.flow
    names.add(f.detected_application ? f.detected_application_name : f.detected_protocol_name)
  }
  return names
}

/** Digests of flows whose metadata (`flow` record) the recording holds. */
export function flowDigests(records: RawRecord[]): Set<string> {
  return new Set(records.filter((r) => r.type === 'flow').map((r) => r.flow.digest as string))
}

/** Digests any flow record mentions (stats and purges of flows that began before the recording included). */
export function mentionedDigests(records: RawRecord[]): Set<string> {
  return new Set(records.filter((r) => typeof r.flow?.digest === 'string').map((r) => r.flow.digest as string))
}

export function riskIds(records: RawRecord[]): Set<number> {
  const ids = new Set<number>()
  for (const r of records) if (r.type === 'flow') for (const id of r.flow.risks?.risks ?? []) ids.add(id)
  return ids
}

/** Bytes each device sent and received, once per interval (flow_stats and flow_purge deltas). */
export function deviceBytes(records: RawRecord[]): Map<string, { sent: number; received: number }> {
  const macOf = new Map<string, string>()
  const out = new Map<string, { sent: number; received: number }>()
  for (const r of records) {
    if (r.type === 'flow' && usableMac(r.flow.local_mac)) macOf.set(r.flow.digest, r.flow.local_mac.toLowerCase())
    if (r.type !== 'flow_stats' && r.type !== 'flow_purge') continue
    const mac = macOf.get(r.flow.digest)
    if (!mac) continue
    const d = out.get(mac) ?? { sent: 0, received: 0 }
    d.sent += r.flow.local_bytes
    d.received += r.flow.other_bytes
    out.set(mac, d)
  }
  return out
}

export function countByType(records: RawRecord[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of records) counts[r.type] = (counts[r.type] ?? 0) + 1
  return counts
}

export function agentOf(snapshot: Snapshot, source: string) {
  return snapshot.agents.find((a) => a.source === source)
}

/** Waits until the agent's current socket has decoded `count` records (one full pass of its recording). */
export async function waitForRecords(t: TestCore, agentId: string, count: number): Promise<void> {
  const decoded = (): number => Object.values(t.core.agents.decoderStats(agentId)?.records ?? {}).reduce((a, b) => a + b, 0)
  await waitFor(() => decoded() >= count, `${count} records from ${agentId}`)
}

/**
 * One full pass of a non-looping replay agent: every record decoded, then the agent hung up
 * (so its "lost agent" alert is raised, always, before the caller goes on).
 */
export async function waitForPassEnd(t: TestCore, agentId: string, count: number): Promise<void> {
  await waitForRecords(t, agentId, count)
  const status = (): string | undefined => t.core.agents.states().find((s) => s.agent.id === agentId)?.state.status
  await waitFor(() => status() === 'disconnected', `${agentId} to hang up after its recording`)
}
