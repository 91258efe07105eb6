/**
 * Live byte usage per key (application, protocol or category) over the last 15 minutes.
 *
 * Each key holds one fixed ring (default 5 s buckets x 180 = 15 min, channels out/in), the number
 * of active flows using it, the flows seen using it within the window and which devices used it
 * recently. 5 s matches the shortest agent update interval seen in the recordings; a 15 s agent
 * simply fills every third bucket, and rates are taken over the agent's update interval (see
 * rate-clock.ts) so they do not saw-tooth.
 */
import type { ApplicationView } from '../../contract/views'
import { BucketRing } from './bucket-ring'
import { ringRate, type RateClock } from './rate-clock'

export const LIVE_WINDOW_MS = 15 * 60_000
export const LIVE_BUCKET_MS = 5_000

export interface UsageEntry {
  id: number
  name: string
  ring: BucketRing
  /** Active flows currently grouped under this key (keeps the key alive while they are open). */
  activeFlows: number
  /**
   * flow key -> model time last seen under this key, oldest first: the "flows" shown next to the
   * window's bytes are the flows that carried them, not only the ones still open. A flow whose
   * detection moves it to another key leaves this one (detection comes with the first packets).
   */
  recentFlows: Map<string, number>
  /** mac -> model time last seen using this key (bounded by the device table). */
  devices: Map<string, number>
}

/** An `ApplicationView` without its sparkline (`flows` counts flows seen within the live window, open or closed since). */
export type UsageFigures = Omit<ApplicationView, 'spark'>

export class UsageTable {
  private readonly entries = new Map<number, UsageEntry>()

  constructor(
    private readonly bucketMs = LIVE_BUCKET_MS,
    private readonly windowMs = LIVE_WINDOW_MS,
  ) {}

  get size(): number {
    return this.entries.size
  }

  get(id: number): UsageEntry | undefined {
    return this.entries.get(id)
  }

  ensure(id: number, name: string): UsageEntry {
    let e = this.entries.get(id)
    if (!e) {
      e = { id, name, ring: new BucketRing(this.bucketMs, Math.ceil(this.windowMs / this.bucketMs), 2), activeFlows: 0, recentFlows: new Map(), devices: new Map() }
      this.entries.set(id, e)
    } else if (e.name !== name && name && !name.startsWith('application ') && !name.startsWith('protocol ')) {
      e.name = name
    }
    return e
  }

  credit(id: number, name: string, mac: string | undefined, out: number, inn: number, now: number): UsageEntry {
    const e = this.ensure(id, name)
    if (out) e.ring.add(now, 0, out)
    if (inn) e.ring.add(now, 1, inn)
    if (mac) e.devices.set(mac, now)
    return e
  }

  /** A flow was seen under `id` (any record about it): it counts in the key's flows for the window. */
  seeFlow(id: number, name: string, flowKey: string, now: number): void {
    const e = this.ensure(id, name)
    e.recentFlows.delete(flowKey)
    e.recentFlows.set(flowKey, now)
  }

  figures(e: UsageEntry, now: number, clock: RateClock): UsageFigures {
    const from = now - this.windowMs
    const bytes = e.ring.sum(0, from, now + 1) + e.ring.sum(1, from, now + 1)
    const rate = ringRate(e.ring, 0, clock) + ringRate(e.ring, 1, clock)
    let devices = 0
    for (const t of e.devices.values()) if (t >= from) devices++
    let flows = 0
    for (const t of e.recentFlows.values()) if (t >= from) flows++
    return { id: e.id, name: e.name, rate, bytes, flows, devices }
  }

  /** Rate per bucket over the window (bytes/s, out + in), oldest first, averaged into `points`. */
  spark(e: UsageEntry, now: number, points: number): number[] {
    const out = e.ring.values(0, now)
    const inn = e.ring.values(1, now)
    const per = Math.max(1, Math.floor(out.length / points))
    const spark: number[] = []
    for (let i = out.length % per; i < out.length; i += per) {
      let sum = 0
      for (let j = i; j < i + per; j++) sum += out[j] + inn[j]
      spark.push(sum / ((per * this.bucketMs) / 1000))
    }
    return spark
  }

  /** Rates (bytes/s, out + in) at each complete bucket before the clock, as the rate is defined (rate-clock.ts). */
  series(e: UsageEntry, clock: RateClock): number[] {
    const out = e.ring.windowRates(0, clock.end, clock.windowMs)
    const inn = e.ring.windowRates(1, clock.end, clock.windowMs)
    return out.map((v, i) => v + inn[i])
  }

  entriesList(): IterableIterator<UsageEntry> {
    return this.entries.values()
  }

  /** Drop keys with no active flow and nothing in the window; returns the ids dropped. */
  prune(now: number): number[] {
    const dropped: number[] = []
    const from = now - this.windowMs
    for (const e of this.entries.values()) {
      for (const [mac, t] of e.devices) if (t < from) e.devices.delete(mac)
      for (const [key, t] of e.recentFlows) {
        if (t >= from) break
        e.recentFlows.delete(key)
      }
      if (e.activeFlows <= 0 && e.recentFlows.size === 0 && e.ring.isEmpty(now)) {
        this.entries.delete(e.id)
        dropped.push(e.id)
      }
    }
    return dropped
  }

  forgetDevice(mac: string): void {
    for (const e of this.entries.values()) e.devices.delete(mac)
  }
}
