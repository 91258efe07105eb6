/**
 * Live byte usage per key (application, protocol or category) over the last 15 minutes.
 *
 * Each key holds one fixed ring (default 5 s buckets x 180 = 15 min, channels out/in), the number
 * of active flows using it and which devices used it recently. 5 s matches the shortest agent
 * update interval seen in the recordings; a 15 s agent simply fills every third bucket, and rates
 * are taken over the agent's update interval so they do not saw-tooth.
 */
import { BucketRing } from './bucket-ring'

export const LIVE_WINDOW_MS = 15 * 60_000
export const LIVE_BUCKET_MS = 5_000

export interface UsageEntry {
  id: number
  name: string
  ring: BucketRing
  flows: number
  /** mac -> model time last seen using this key (bounded by the device table). */
  devices: Map<string, number>
}

export interface UsageFigures {
  id: number
  name: string
  rate: number
  bytes: number
  flows: number
  devices: number
}

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
      e = { id, name, ring: new BucketRing(this.bucketMs, Math.ceil(this.windowMs / this.bucketMs), 2), flows: 0, devices: new Map() }
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

  figures(e: UsageEntry, now: number, rateWindowMs: number): UsageFigures {
    const from = now - this.windowMs
    const bytes = e.ring.sum(0, from, now + 1) + e.ring.sum(1, from, now + 1)
    const rate = e.ring.recentRate(0, now, rateWindowMs) + e.ring.recentRate(1, now, rateWindowMs)
    let devices = 0
    for (const t of e.devices.values()) if (t >= from) devices++
    return { id: e.id, name: e.name, rate, bytes, flows: e.flows, devices }
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

  /** Rates per bucket (bytes/s, out + in), oldest first, full resolution. */
  series(e: UsageEntry, now: number): number[] {
    const out = e.ring.values(0, now)
    const inn = e.ring.values(1, now)
    return out.map((v, i) => (v + inn[i]) / (this.bucketMs / 1000))
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
      if (e.flows <= 0 && e.ring.isEmpty(now)) {
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
