/**
 * One agent's capture interfaces: what they are (role, MAC, addresses, link state) and their
 * rates from the agent's cumulative counters.
 *
 * Counters are cumulative since the agent started; a counter lower than the previous sample
 * means the agent restarted, so that sample only sets a new baseline (rate 0), never a
 * negative rate.
 */
import type { InterfaceCounters, InterfaceInfo } from '../records/agent-event'
import type { InterfaceView } from '../../contract/views'

export interface InterfaceEntry {
  name: string
  info: InterfaceInfo
  counters?: InterfaceCounters
  wireRate: number
  packetRate: number
}

/** Drop counters (cumulative) that each open a blind spot when they grow. */
export interface DropFigures {
  capture: number
  queue: number
  flow: number
}

export function dropsOf(c: InterfaceCounters): DropFigures {
  return {
    capture: (c.capture_dropped ?? 0) + (c.pcap_drop ?? 0) + (c.pcap_ifdrop ?? 0),
    queue: c.queue_dropped ?? 0,
    flow: c.flow_dropped ?? 0,
  }
}

/** Growth of each drop counter between two samples (0 after a reset). */
export function dropGrowth(prev: InterfaceCounters | undefined, next: InterfaceCounters): DropFigures {
  const a = prev ? dropsOf(prev) : { capture: 0, queue: 0, flow: 0 }
  const b = dropsOf(next)
  const grow = (x: number, y: number): number => (y >= x ? y - x : y)
  return { capture: grow(a.capture, b.capture), queue: grow(a.queue, b.queue), flow: grow(a.flow, b.flow) }
}

function rate(prev: number | undefined, next: number | undefined, seconds: number): number {
  if (prev === undefined || next === undefined || seconds <= 0 || next < prev) return 0
  return (next - prev) / seconds
}

export class InterfaceSet {
  private readonly byName = new Map<string, InterfaceEntry>()

  private entry(name: string): InterfaceEntry {
    let e = this.byName.get(name)
    if (!e) {
      e = { name, info: {}, wireRate: 0, packetRate: 0 }
      this.byName.set(name, e)
      if (this.byName.size > 256) this.byName.delete(this.byName.keys().next().value as string)
    }
    return e
  }

  describe(interfaces: Record<string, InterfaceInfo>): void {
    for (const [name, info] of Object.entries(interfaces)) this.entry(name).info = { ...info }
  }

  /** Take a counters sample; `seconds` is the time since the previous sample. Returns the drop growth. */
  sample(name: string, counters: InterfaceCounters, seconds: number): DropFigures {
    const e = this.entry(name)
    const prev = e.counters
    e.wireRate = rate(prev?.wire_bytes, counters.wire_bytes, seconds)
    e.packetRate = rate(prev?.raw, counters.raw, seconds)
    e.counters = { ...counters }
    return dropGrowth(prev, counters)
  }

  /** After an agent restart the old counters are meaningless as a baseline. */
  resetBaselines(): void {
    for (const e of this.byName.values()) {
      e.counters = undefined
      e.wireRate = 0
      e.packetRate = 0
    }
  }

  views(agentId: string): InterfaceView[] {
    return [...this.byName.values()].map((e) => ({
      agentId, name: e.name, role: e.info.role, mac: e.info.mac, addrs: [...(e.info.addr ?? [])],
      state: e.info.state, captureType: e.info.capture_type, wireRate: e.wireRate, packetRate: e.packetRate,
      captureDropped: e.counters ? dropsOf(e.counters).capture : 0,
      queueDropped: e.counters?.queue_dropped ?? 0,
      flowDropped: e.counters?.flow_dropped ?? 0,
    }))
  }
}
