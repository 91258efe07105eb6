/**
 * Device naming, search and ranking shared by the overview, the device list and device page.
 */
import type { AlertView, DeviceView } from '@contract/views'

/** The alias when the user gave one, else the MAC. */
export function deviceName(d: Pick<DeviceView, 'mac' | 'alias'>): string {
  return d.alias && d.alias.trim() ? d.alias : d.mac
}

/** The vendor the OUI names; a locally administered MAC has none, and says so rather than a blank. */
export function vendorText(d: Pick<DeviceView, 'vendor' | 'localAdmin'>): string {
  return d.vendor ?? (d.localAdmin ? 'Randomised MAC' : '')
}

/**
 * Case-insensitive match of every whitespace-separated term against alias, MAC, vendor, IPs,
 * agents and applications, so "apple 192.168" narrows as one expects.
 */
export function searchDevices(devices: readonly DeviceView[], query: string): DeviceView[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length === 0) return [...devices]
  return devices.filter((d) => {
    const hay = [d.alias ?? '', d.mac, d.vendor ?? '', ...d.ips, ...d.agents, ...d.applications].join(' ').toLowerCase()
    return terms.every((t) => hay.includes(t))
  })
}

export type DeviceSortKey = 'name' | 'rate' | 'bytes' | 'risks' | 'lastSeen'

export function sortDevices(devices: readonly DeviceView[], key: DeviceSortKey): DeviceView[] {
  const by: Record<DeviceSortKey, (a: DeviceView, b: DeviceView) => number> = {
    name: (a, b) => deviceName(a).localeCompare(deviceName(b)),
    rate: (a, b) => b.rateIn + b.rateOut - (a.rateIn + a.rateOut),
    bytes: (a, b) => b.bytesSent + b.bytesReceived - (a.bytesSent + a.bytesReceived),
    risks: (a, b) => b.riskCount - a.riskCount,
    lastSeen: (a, b) => b.lastSeen - a.lastSeen,
  }
  return [...devices].sort(by[key])
}

/** The busiest devices now (rate), ties broken by bytes so a quiet network still ranks. */
export function topDevices(devices: readonly DeviceView[], n: number): DeviceView[] {
  return [...devices]
    .sort((a, b) => b.rateIn + b.rateOut - (a.rateIn + a.rateOut) || b.bytesSent + b.bytesReceived - (a.bytesSent + a.bytesReceived))
    .slice(0, n)
}

/** Alerts about one device (by MAC, case-insensitive). */
export function alertsForDevice(alerts: readonly AlertView[], mac: string): AlertView[] {
  const m = mac.toLowerCase()
  return alerts.filter((a) => a.device?.toLowerCase() === m)
}
