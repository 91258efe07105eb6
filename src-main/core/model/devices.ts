/**
 * Devices on the network, keyed by lowercase MAC, merged across agents.
 *
 * A device two agents see is one device listing both. Each device keeps two small rings: 5 s
 * buckets over one minute for its live rate, and 1 min buckets over one hour for "traffic within
 * a window" checks, about 1.2 KB per device; the table is capped (least recently seen goes first)
 * and aliases survive eviction.
 */
import type { DeviceView } from '../../contract/views'
import { BucketRing } from './bucket-ring'
import { ringRate, type RateClock } from './rate-clock'
import { isLocallyAdministered, vendorOf } from './vendor-lookup'

const MAX_IPS = 16
const MAX_APPS = 128
export const DEVICE_USAGE_BUCKET_MS = 60_000
export const DEVICE_USAGE_WINDOW_MS = 60 * 60_000

export interface DeviceApp {
  sent: number
  received: number
  firstSeen: number
  lastSeen: number
}

/** The figures a `DeviceView` shows as they are, plus the sets and rings they are computed from. */
export interface DeviceEntry extends Pick<DeviceView,
  'mac' | 'vendor' | 'localAdmin' | 'ips' | 'firstSeen' | 'lastSeen' | 'bytesSent' | 'bytesReceived' | 'rateOut' | 'rateIn' | 'activeFlows'
> {
  agents: Set<string>
  /** Model time of the last bytes credited. */
  lastCreditAt: number
  apps: Map<string, DeviceApp>
  risks: Set<number>
  recent: BucketRing
  usage: BucketRing
}

export interface DeviceHooks {
  removed(mac: string): void
}

export class DeviceTable {
  private readonly devices = new Map<string, DeviceEntry>()
  private readonly aliases = new Map<string, string>()
  evicted = 0

  constructor(private readonly cap: number, private readonly hooks: DeviceHooks) {}

  get size(): number {
    return this.devices.size
  }

  get(mac: string): DeviceEntry | undefined {
    return this.devices.get(mac)
  }

  all(): IterableIterator<DeviceEntry> {
    return this.devices.values()
  }

  /** The device, created when first seen; `created` tells a caller it is new. */
  see(mac: string, agentId: string, now: number): { device: DeviceEntry; created: boolean } {
    let device = this.devices.get(mac)
    const created = !device
    if (!device) {
      const localAdmin = isLocallyAdministered(mac)
      device = {
        mac, localAdmin, vendor: localAdmin ? undefined : vendorOf(mac), ips: [], agents: new Set(),
        firstSeen: now, lastSeen: now, bytesSent: 0, bytesReceived: 0, rateOut: 0, rateIn: 0, lastCreditAt: now, activeFlows: 0,
        apps: new Map(), risks: new Set(),
        recent: new BucketRing(5_000, 12, 2),
        usage: new BucketRing(DEVICE_USAGE_BUCKET_MS, DEVICE_USAGE_WINDOW_MS / DEVICE_USAGE_BUCKET_MS, 2),
      }
    } else {
      this.devices.delete(mac)
    }
    this.devices.set(mac, device)
    device.agents.add(agentId)
    device.lastSeen = Math.max(device.lastSeen, now)
    this.enforceCap()
    return { device, created }
  }

  addIp(device: DeviceEntry, ip: string | undefined): boolean {
    if (!ip || ip === '0.0.0.0' || ip === '::' || device.ips.includes(ip)) return false
    device.ips.push(ip)
    if (device.ips.length > MAX_IPS) device.ips.shift()
    return true
  }

  /** Record bytes for the device; returns true when the application is new for this device. */
  credit(device: DeviceEntry, app: string, out: number, inn: number, now: number): boolean {
    device.bytesSent += out
    device.bytesReceived += inn
    device.lastCreditAt = now
    device.recent.add(now, 0, out)
    device.recent.add(now, 1, inn)
    device.usage.add(now, 0, out)
    device.usage.add(now, 1, inn)
    return this.useApp(device, app, out, inn, now)
  }

  useApp(device: DeviceEntry, app: string, out: number, inn: number, now: number): boolean {
    let a = device.apps.get(app)
    const isNew = !a
    if (!a) {
      a = { sent: 0, received: 0, firstSeen: now, lastSeen: now }
      device.apps.set(app, a)
      if (device.apps.size > MAX_APPS) this.dropOldestApp(device)
    }
    a.sent += out
    a.received += inn
    a.lastSeen = now
    return isNew
  }

  /** Bytes (sent + received) within the last `windowMs` (at most one hour). */
  bytesWithin(device: DeviceEntry, windowMs: number, now: number): number {
    const from = now - Math.min(windowMs, DEVICE_USAGE_WINDOW_MS)
    return device.usage.sum(0, from, now + 1) + device.usage.sum(1, from, now + 1)
  }

  /** Recompute the live rate as of the clock (rate-clock.ts); true when it changed. */
  updateRate(device: DeviceEntry, clock: RateClock): boolean {
    const rateOut = ringRate(device.recent, 0, clock)
    const rateIn = ringRate(device.recent, 1, clock)
    const changed = rateOut !== device.rateOut || rateIn !== device.rateIn
    device.rateOut = rateOut
    device.rateIn = rateIn
    return changed
  }

  setAlias(mac: string, alias: string): void {
    const trimmed = alias.trim()
    if (trimmed) this.aliases.set(mac, trimmed)
    else this.aliases.delete(mac)
  }

  alias(mac: string): string | undefined {
    return this.aliases.get(mac)
  }

  view(d: DeviceEntry): DeviceView {
    return {
      mac: d.mac, alias: this.aliases.get(d.mac), vendor: d.vendor, localAdmin: d.localAdmin,
      ips: [...d.ips], agents: [...d.agents].sort(), firstSeen: d.firstSeen, lastSeen: d.lastSeen,
      bytesSent: d.bytesSent, bytesReceived: d.bytesReceived, rateOut: d.rateOut, rateIn: d.rateIn,
      activeFlows: d.activeFlows, applications: [...d.apps.keys()].sort(), riskCount: d.risks.size,
    }
  }

  private dropOldestApp(device: DeviceEntry): void {
    let oldest: string | undefined
    let t = Infinity
    for (const [name, a] of device.apps) if (a.lastSeen < t) [oldest, t] = [name, a.lastSeen]
    if (oldest !== undefined) device.apps.delete(oldest)
  }

  private enforceCap(): void {
    while (this.devices.size > this.cap) {
      const oldest = this.devices.values().next().value as DeviceEntry
      this.devices.delete(oldest.mac)
      this.evicted++
      this.hooks.removed(oldest.mac)
    }
  }
}
