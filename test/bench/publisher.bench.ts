/**
 * The publisher and the model's projections at 100k flows: a `LiveMonitor` holding 100,000 active
 * flows from 2,000 devices over two agents, behind the app's own view source and `PublisherHub`,
 * with one client that serialises every message as the WebSocket bridge does.
 *
 * Prints the snapshot's build time, JSON size and stringify time; then, with N flows getting a
 * `flow_stats` every 250 ms tick (and the model's once-a-second tick, as the app runs it), the
 * median and p95 of `hub.tick` (serialisation included) and the delta's size, so it shows that a
 * batch's cost follows what changed rather than the 100k flows held; an idle tick; settled heap.
 * Ticks that follow a model tick are reported apart: when the rate clock crosses a 5 s bucket, the
 * model tick re-rates every flow credited within the rate window, so one delta in five of those
 * carries the flows changed over the last several seconds, not one tick's (their p95 and max).
 * Time is a fake clock, so the model sees 250 ms between ticks however long a tick takes.
 * Run alone with `node --expose-gc --import tsx test/bench/publisher.bench.ts`.
 */
import { LiveMonitor } from '../../src-main/core/alerts/live-monitor'
import { createLiveViewSource } from '../../src-main/core/app/live-view-source'
import type { PushSender } from '../../src-main/core/app/app-core-types'
import type { PushTypes } from '../../src-main/contract/contract'
import { PublisherHub } from '../../src-main/core/publish/publisher-hub'
import type { SettingsState } from '../../src-main/core/publish/view-source'
import type { AgentEvent } from '../../src-main/core/records/agent-event'
import { defaultSettings } from '../../src-main/core/storage/default-settings'

const FLOWS = 100_000
const DEVICES = 2000
const AGENTS = ['gw', 'ap']
const T0 = 1_800_000_000_000
const TICK_MS = 250
/** Model time between two flows while building the table (100k flows take 100 s). */
const BUILD_STEP_MS = 1
const CHANGED_PER_TICK = [10, 1000, 10_000]
const WARMUP_TICKS = 8
const MEASURED_TICKS = 80

function gc(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

function heapMb(): string {
  gc()
  return (process.memoryUsage().heapUsed / 1048576).toFixed(1)
}

function msSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6
}

function quantile(values: number[], q: number): number {
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

function hex2(n: number): string {
  return (n & 0xff).toString(16).padStart(2, '0')
}

const device = (i: number): number => i % DEVICES
const agentOf = (i: number): string => AGENTS[device(i) % AGENTS.length]
const digestOf = (i: number): string => i.toString(16).padStart(40, '0')

/** A `flow` record shaped like a 5.x detection: TLS to one of 50 applications, 1 in 100 risky. */
function flowEvent(i: number, now: number): AgentEvent {
  const d = device(i)
  const app = i % 50
  return {
    kind: 'flow', type: 'flow', offset: 0, interface: d % 2 ? 'wlan0' : 'eth0', internal: true, flow: {
      digest: digestOf(i), ip_version: 4, ip_protocol: 6, local_mac: `00:1b:63:00:${hex2(d >> 8)}:${hex2(d)}`,
      local_ip: `10.0.${d >> 8}.${d & 0xff}`, other_ip: `93.184.${(i >> 8) & 0xff}.${i & 0xff}`, local_port: 40000 + (i % 20000),
      other_port: 443, other_type: 'remote', local_origin: true, detected_protocol: 91, detected_protocol_name: 'TLS',
      detected_application: app ? 10000 + app : 0, detected_application_name: app ? `netify.app-${app}` : 'Unknown',
      category: { application: 3 + (app % 20), protocol: 5 }, first_seen_at: now, last_seen_at: now,
      host_server_name: `host${i % 5000}.example.com`,
      ssl: { version: '0x0304', cipher_suite: '0x1302', client_sni: `host${i % 5000}.example.com`, alpn: ['h2', 'http/1.1'] },
      risks: i % 100 === 0 ? { risks: [46], ndpi_risk_score: 10 } : undefined,
    },
  }
}

function statsEvent(i: number, now: number, round: number): AgentEvent {
  const out = 200 + ((i + round) % 1800)
  const inb = 9 * out
  return {
    kind: 'counters', type: 'flow_stats', offset: 0, counters: {
      digest: digestOf(i), last_seen_at: now, local_bytes: out, local_packets: 4, other_bytes: inb, other_packets: 9,
      total_bytes: (round + 1) * 10 * out, total_packets: (round + 1) * 13,
    },
  }
}

interface Clock {
  now: number
  /** The next flow to get stats (round robin), and how many times the table has been gone round. */
  cursor: number
  round: number
}

const settingsState = (): SettingsState => ({ demo: false, profiles: [], settings: defaultSettings(), notices: [] })

/** One client's messages, serialised exactly as the WebSocket bridge serialises a push. */
class SerialisingClient {
  messages = 0
  lastBytes = 0
  lastStringifyMs = 0
  lastDelta?: PushTypes['delta']

  readonly send: PushSender = (name, payload) => {
    const started = process.hrtime.bigint()
    const text = JSON.stringify({ type: 'push', name, payload })
    this.lastStringifyMs = msSince(started)
    this.lastBytes = Buffer.byteLength(text)
    this.messages++
    if (name === 'delta') this.lastDelta = payload as PushTypes['delta']
  }
}

/** The model's tick, and the drain the publisher loop does even while no client is attached. */
function settle(live: LiveMonitor, now: number): void {
  live.tick(now)
  live.drainChanges()
}

/** Fills the monitor with every flow and its first stats, ticking the model once a second as the app does. */
function build(live: LiveMonitor, now: number): number {
  for (const agent of AGENTS) {
    live.setAgentConnection(agent, agent, `tcp://${agent}.lan:7150`, { status: 'connected', since: now, attempt: 0 }, now)
    live.apply(agent, { kind: 'hello', offset: 0, agent_version: '5.0.12', build_version: 'bench', json_version: 1.9 }, now)
  }
  for (let i = 0; i < FLOWS; i++) {
    now += BUILD_STEP_MS
    live.apply(agentOf(i), flowEvent(i, now), now)
    live.apply(agentOf(i), statsEvent(i, now, 0), now)
    if (i % 1000 === 999) settle(live, now)
  }
  // Let the build's rates run out of their window, so the steady state sends only its own changes.
  for (let s = 0; s < 60; s++) settle(live, (now += 1000))
  return now
}

/** Figures of one kind of tick: plain ones, or those the model's once-a-second tick preceded. */
interface TickFigures {
  hubMs: number[]
  deltaKb: number[]
  flowRows: number[]
}

interface SteadyFigures {
  /** Only the flows given stats changed: their rows, their devices and applications. */
  plain: TickFigures
  /** On a 5 s bucket boundary the model tick also re-rated every flow credited within the rate window. */
  afterModelTick: TickFigures
  modelTickMs: number[]
}

const emptyTicks = (): TickFigures => ({ hubMs: [], deltaKb: [], flowRows: [] })

function giveStats(live: LiveMonitor, changed: number, clock: Clock): void {
  for (let k = 0; k < changed; k++) {
    const i = clock.cursor
    clock.cursor = (clock.cursor + 1) % FLOWS
    if (clock.cursor === 0) clock.round++
    live.apply(agentOf(i), statsEvent(i, clock.now, clock.round + 1), clock.now)
  }
}

function steady(live: LiveMonitor, hub: PublisherHub, client: SerialisingClient, changed: number, clock: Clock): SteadyFigures {
  const f: SteadyFigures = { plain: emptyTicks(), afterModelTick: emptyTicks(), modelTickMs: [] }
  for (let t = 0; t < WARMUP_TICKS + MEASURED_TICKS; t++) {
    clock.now += TICK_MS
    giveStats(live, changed, clock)
    const modelTick = clock.now % 1000 === 0
    const tickStarted = process.hrtime.bigint()
    if (modelTick) live.tick(clock.now)
    const modelMs = msSince(tickStarted)
    const sentBefore = client.messages
    const started = process.hrtime.bigint()
    hub.tick(clock.now)
    const hubMs = msSince(started)
    if (t < WARMUP_TICKS) continue
    if (client.messages !== sentBefore + 1) throw new Error(`tick ${t} with ${changed} changed flows sent ${client.messages - sentBefore} messages`)
    const flows = client.lastDelta?.flows
    const figures = modelTick ? f.afterModelTick : f.plain
    figures.hubMs.push(hubMs)
    figures.deltaKb.push(client.lastBytes / 1024)
    figures.flowRows.push((flows?.upsert.length ?? 0) + (flows?.remove.length ?? 0))
    if (modelTick) f.modelTickMs.push(modelMs)
  }
  return f
}

function reportTicks(label: string, f: TickFigures): void {
  const ms = (v: number): string => v.toFixed(2).padStart(7)
  const kb = (v: number): string => v.toFixed(1).padStart(8)
  console.log(
    `  ${label.padEnd(24)} hub.tick median ${ms(quantile(f.hubMs, 0.5))} ms, p95 ${ms(quantile(f.hubMs, 0.95))} ms;`
    + ` delta median ${kb(quantile(f.deltaKb, 0.5))} KB, p95 ${kb(quantile(f.deltaKb, 0.95))} KB;`
    + ` flow rows median ${quantile(f.flowRows, 0.5)}, max ${Math.max(...f.flowRows)}`,
  )
}

function report(changed: number, f: SteadyFigures): void {
  console.log(`${changed} flows given stats per tick (model tick itself: median ${quantile(f.modelTickMs, 0.5).toFixed(2)} ms):`)
  reportTicks(`${f.plain.hubMs.length} plain ticks:`, f.plain)
  reportTicks(`${f.afterModelTick.hubMs.length} after a model tick:`, f.afterModelTick)
}

function snapshotFigures(hub: PublisherHub, client: SerialisingClient, now: number): ReturnType<PublisherHub['attach']> {
  const started = process.hrtime.bigint()
  const session = hub.attach(client.send, now)
  const attachMs = msSince(started)
  console.log(`first snapshot:      ${(attachMs - client.lastStringifyMs).toFixed(1)} ms to build, ${(client.lastBytes / 1048576).toFixed(2)} MB JSON, ${client.lastStringifyMs.toFixed(1)} ms to stringify`)
  const builds: number[] = []
  const stringifies: number[] = []
  for (let r = 0; r < 5; r++) {
    const s0 = process.hrtime.bigint()
    const snapshot = session.snapshot(now)
    builds.push(msSince(s0))
    const s1 = process.hrtime.bigint()
    JSON.stringify({ type: 'push', name: 'snapshot', payload: snapshot })
    stringifies.push(msSince(s1))
  }
  console.log(`snapshot (5 more):   median ${quantile(builds, 0.5).toFixed(1)} ms to build, ${quantile(stringifies, 0.5).toFixed(1)} ms to stringify`)
  return session
}

function idleTick(hub: PublisherHub, client: SerialisingClient, clock: Clock): void {
  // One more tick sends whatever the last steady tick left pending; the next has nothing.
  hub.tick((clock.now += TICK_MS))
  const sentBefore = client.messages
  const started = process.hrtime.bigint()
  hub.tick((clock.now += TICK_MS))
  const ms = msSince(started)
  const sent = client.messages - sentBefore
  console.log(`idle tick:           ${(ms * 1000).toFixed(0)} µs, ${sent} messages sent`)
  if (sent !== 0) throw new Error(`an idle tick sent ${sent} messages`)
}

function main(): void {
  const live = new LiveMonitor({ model: { flowLimits: { activeCap: FLOWS } } })
  const heapBefore = heapMb()
  const buildStarted = process.hrtime.bigint()
  const clock: Clock = { now: build(live, T0), cursor: 0, round: 0 }
  const sizes = live.model.sizes()
  console.log(`model built:         ${sizes.activeFlows} active flows, ${sizes.devices} devices, ${sizes.applications} applications, ${live.alerts().length} alerts in ${(msSince(buildStarted) / 1000).toFixed(1)} s`)
  if (sizes.activeFlows !== FLOWS || sizes.devices !== DEVICES) throw new Error('the model does not hold the flows and devices pushed')
  // Align to a whole second so the model ticks on every fourth publisher tick.
  clock.now = Math.ceil(clock.now / 1000) * 1000
  const source = createLiveViewSource({
    live, settingsState, takeSettingsChanged: () => false, alertsChanged: () => undefined, now: () => clock.now,
  })
  const hub = new PublisherHub(source, { onSendError: (e) => { throw e } })
  const client = new SerialisingClient()
  const session = snapshotFigures(hub, client, clock.now)
  console.log(`steady state: a publisher tick every ${TICK_MS} ms, the model's own tick every 1000 ms; ${MEASURED_TICKS} ticks measured after ${WARMUP_TICKS} warm-up; hub.tick includes JSON.stringify`)
  for (const changed of CHANGED_PER_TICK) {
    const f = steady(live, hub, client, changed, clock)
    report(changed, f)
    const odd = f.plain.flowRows.find((rows) => rows !== changed)
    if (changed === 10 && odd !== undefined) {
      throw new Error(`a delta for 10 flows given stats carried ${odd} flow rows`)
    }
  }
  idleTick(hub, client, clock)
  session.close()
  console.log(`heap used:           ${heapBefore} MB before, ${heapMb()} MB after (settled, ${live.model.sizes().activeFlows} active flows held)`)
}

main()
