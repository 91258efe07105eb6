import { afterEach, describe, expect, it } from 'vitest'
import { startPublisherLoop, type PublisherLoop } from '../../../src-main/core/publish/publisher-loop'
import type { PushName, PushTypes } from '../../../src-main/contract/contract'
import type { DeltaBatch, Snapshot } from '../../../src-main/contract/views'
import { FakeViewSource } from './fake-view-source'
import { sampleFlowRow } from '../../contract/sample-views'

/** A clock and a single interval timer that the test advances by hand. */
class FakeTimer {
  time = 0
  private tick: (() => void) | undefined
  private tickMs = 0
  cleared = false
  readonly now = () => this.time
  readonly setInterval = (tick: () => void, ms: number) => { this.tick = tick; this.tickMs = ms; return 1 }
  readonly clearInterval = () => { this.cleared = true }
  /** Advances time tick by tick, running `each` before every tick. */
  advance(ms: number, each?: (t: number) => void): void {
    const end = this.time + ms
    while (this.time + this.tickMs <= end) {
      this.time += this.tickMs
      each?.(this.time)
      this.tick?.()
    }
  }
}

interface Received { name: PushName; payload: PushTypes[PushName]; at: number }

function recorder(timer: FakeTimer) {
  const received: Received[] = []
  const send = <P extends PushName>(name: P, payload: PushTypes[P]) => { received.push({ name, payload, at: timer.time }) }
  const deltas = () => received.filter((r) => r.name === 'delta').map((r) => ({ ...(r.payload as DeltaBatch), sentAt: r.at }))
  return { received, send, deltas }
}

/** The most batches sent within any window of one second. */
function maxPerSecond(times: number[]): number {
  let best = 0
  for (const start of times) best = Math.max(best, times.filter((t) => t >= start && t < start + 1000).length)
  return best
}

let loop: PublisherLoop | undefined
afterEach(() => loop?.stop())

function setup(tickMs = 10) {
  const source = new FakeViewSource()
  const timer = new FakeTimer()
  loop = startPublisherLoop({ source, now: timer.now, setInterval: timer.setInterval, clearInterval: timer.clearInterval, tickMs })
  return { source, timer, loop }
}

describe('publisher loop', () => {
  it('sends a full snapshot first, numbered 1', () => {
    const { source, timer, loop } = setup()
    source.seedFlows([sampleFlowRow('a/1'), sampleFlowRow('a/2'), sampleFlowRow('a/3')])
    const client = recorder(timer)
    loop.attach(client.send)
    expect(client.received).toHaveLength(1)
    expect(client.received[0].name).toBe('snapshot')
    const snapshot = client.received[0].payload as Snapshot
    expect(snapshot.seq).toBe(1)
    expect(snapshot.flows.map((f) => f.key).sort()).toEqual(['a/1', 'a/2', 'a/3'])
  })

  it('sends nothing while nothing changes', () => {
    const { source, timer, loop } = setup()
    source.seedFlows([sampleFlowRow('a/1')])
    const client = recorder(timer)
    loop.attach(client.send)
    timer.advance(10_000)
    expect(client.deltas()).toHaveLength(0)
    expect(source.drains).toBeGreaterThan(0)
  })

  it('sends at most 4 batches a second while visible, however often the model changes', () => {
    const { source, timer, loop } = setup()
    const client = recorder(timer)
    loop.attach(client.send)
    timer.advance(10_000, (t) => source.putFlow(sampleFlowRow('a/1', t)))
    const times = client.deltas().map((d) => d.sentAt)
    expect(maxPerSecond(times)).toBe(4)
    expect(times.length).toBeGreaterThanOrEqual(36)
  })

  it('slows to 1 batch a second while hidden and speeds up again when visible', () => {
    const { source, timer, loop } = setup()
    const client = recorder(timer)
    const session = loop.attach(client.send)
    session.setVisible(false)
    const change = (t: number) => source.putFlow(sampleFlowRow('a/1', t))
    timer.advance(10_000, change)
    const hidden = client.deltas().map((d) => d.sentAt)
    expect(maxPerSecond(hidden)).toBe(1)
    expect(hidden.length).toBeGreaterThanOrEqual(9)
    session.setVisible(true)
    timer.advance(3_000, change)
    const visible = client.deltas().map((d) => d.sentAt).filter((t) => t > 10_000)
    expect(visible.length).toBeGreaterThanOrEqual(10)
  })

  it('numbers batches one by one and continues the numbers after a resync snapshot', () => {
    const { source, timer, loop } = setup()
    const client = recorder(timer)
    const session = loop.attach(client.send)
    for (let i = 0; i < 3; i++) {
      source.putFlow(sampleFlowRow(`a/${i}`))
      timer.advance(300)
    }
    session.resync()
    source.putFlow(sampleFlowRow('a/after'))
    timer.advance(300)
    const sequence = client.received.map((r) => `${r.name}:${(r.payload as { seq: number }).seq}`)
    expect(sequence).toEqual(['snapshot:1', 'delta:2', 'delta:3', 'delta:4', 'snapshot:5', 'delta:6'])
    const resync = client.received[4].payload as Snapshot
    expect(resync.flows.map((f) => f.key).sort()).toEqual(['a/0', 'a/1', 'a/2'])
  })

  it('returns a snapshot for snapshot.get and continues the sequence from it', () => {
    const { source, timer, loop } = setup()
    const client = recorder(timer)
    const session = loop.attach(client.send)
    source.putFlow(sampleFlowRow('a/1'))
    timer.advance(300)
    source.putFlow(sampleFlowRow('a/2'))
    const snapshot = session.snapshot()
    expect(snapshot.seq).toBe(3)
    expect(snapshot.flows).toHaveLength(2)
    timer.advance(1_000)
    expect(client.deltas().map((d) => d.seq)).toEqual([2])
    source.putFlow(sampleFlowRow('a/3'))
    timer.advance(300)
    expect(client.deltas().map((d) => d.seq)).toEqual([2, 4])
  })

  it('sends one flow row when one flow among 100,000 changes', () => {
    const { source, timer, loop } = setup()
    source.seedFlows(Array.from({ length: 100_000 }, (_, i) => sampleFlowRow(`a/${i}`)))
    const client = recorder(timer)
    loop.attach(client.send)
    expect((client.received[0].payload as Snapshot).flows).toHaveLength(100_000)
    source.putFlow(sampleFlowRow('a/31337', 999))
    timer.advance(300)
    const [batch] = client.deltas()
    expect(batch.flows).toEqual({ upsert: [sampleFlowRow('a/31337', 999)], remove: [] })
    expect(Object.keys(batch).sort()).toEqual(['at', 'flows', 'sentAt', 'seq'])
  })

  it('lists removed flows in remove, and a flow changed many times once with its latest value', () => {
    const { source, timer, loop } = setup()
    source.seedFlows([sampleFlowRow('a/old'), sampleFlowRow('a/kept')])
    const client = recorder(timer)
    loop.attach(client.send)
    source.removeFlow('a/old')
    for (let bytes = 1; bytes <= 5; bytes++) source.putFlow(sampleFlowRow('a/kept', bytes))
    timer.advance(300)
    const [batch] = client.deltas()
    expect(batch.flows).toEqual({ upsert: [sampleFlowRow('a/kept', 5)], remove: ['a/old'] })
  })

  it('gives every attached client every change, whatever their cadence', () => {
    const { source, timer, loop } = setup()
    const visible = recorder(timer)
    const hidden = recorder(timer)
    loop.attach(visible.send)
    loop.attach(hidden.send).setVisible(false)
    const changed: string[] = []
    timer.advance(5_000, (t) => {
      if (t % 70 !== 0) return
      changed.push(`a/${t}`)
      source.putFlow(sampleFlowRow(`a/${t}`))
    })
    timer.advance(2_000)
    for (const client of [visible, hidden]) {
      const sent = client.deltas().flatMap((d) => d.flows?.upsert.map((f) => f.key) ?? [])
      expect(sent.sort()).toEqual(changed.slice().sort())
    }
    expect(visible.deltas().length).toBeGreaterThan(hidden.deltas().length)
  })

  it('sends each throughput point once, and none already in the snapshot', () => {
    const { source, timer, loop } = setup()
    const client = recorder(timer)
    const session = loop.attach(client.send)
    source.appendThroughput({ t: 1, in: 10, out: 1 })
    timer.advance(300)
    source.appendThroughput({ t: 2, in: 20, out: 2 })
    session.resync()
    source.appendThroughput({ t: 3, in: 30, out: 3 })
    timer.advance(300)
    const snapshots = client.received.filter((r) => r.name === 'snapshot').map((r) => (r.payload as Snapshot).throughput.map((p) => p.t))
    expect(snapshots).toEqual([[], [1, 2]])
    expect(client.deltas().map((d) => d.throughput?.map((p) => p.t))).toEqual([[1], [3]])
  })

  it('carries agents, devices, applications, alerts and settings only when they changed', () => {
    const { source, timer, loop } = setup()
    const client = recorder(timer)
    loop.attach(client.send)
    source.updateSettings({ demo: true, activeProfileId: 'home' })
    timer.advance(300)
    const [batch] = client.deltas()
    expect(batch.demo).toBe(true)
    expect(batch.activeProfileId).toBe('home')
    expect(batch.notificationsPausedUntil).toBeNull()
    expect(batch.flows).toBeUndefined()
    expect(batch.agents).toBeUndefined()
  })

  it('sends nothing more to a closed session and keeps serving the others', () => {
    const { source, timer, loop } = setup()
    const closed = recorder(timer)
    const open = recorder(timer)
    loop.attach(closed.send).close()
    loop.attach(open.send)
    expect(loop.clientCount).toBe(1)
    source.putFlow(sampleFlowRow('a/1'))
    timer.advance(300)
    expect(closed.deltas()).toHaveLength(0)
    expect(open.deltas()).toHaveLength(1)
  })

  it('reports a throwing transport and still feeds the other clients', () => {
    const source = new FakeViewSource()
    const timer = new FakeTimer()
    const errors: unknown[] = []
    loop = startPublisherLoop({
      source, now: timer.now, setInterval: timer.setInterval, clearInterval: timer.clearInterval, tickMs: 10,
      onSendError: (err) => errors.push(err),
    })
    loop.attach(() => { throw new Error('socket gone') })
    const healthy = recorder(timer)
    loop.attach(healthy.send)
    source.putFlow(sampleFlowRow('a/1'))
    timer.advance(300)
    expect(errors.map((e) => (e as Error).message)).toEqual(['socket gone', 'socket gone'])
    expect(healthy.deltas()).toHaveLength(1)
  })

  it('keeps sending when the wall clock steps backwards', () => {
    const { source, timer, loop } = setup()
    const client = recorder(timer)
    loop.attach(client.send)
    timer.time = 1_000_000
    source.putFlow(sampleFlowRow('a/1'))
    timer.advance(300)
    timer.time = 0
    source.putFlow(sampleFlowRow('a/2'))
    timer.advance(300)
    expect(client.deltas().map((d) => d.flows?.upsert[0].key)).toEqual(['a/1', 'a/2'])
  })

  it('stops its timer', () => {
    const { timer, loop } = setup()
    loop.stop()
    expect(timer.cleared).toBe(true)
  })
})
