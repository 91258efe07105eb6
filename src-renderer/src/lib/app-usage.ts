/**
 * Who uses an application and over what, derived from the live flow table. Pure.
 */
import type { ApplicationView, FlowRow } from '@contract/views'

export interface UsageGroup {
  key: string
  flows: number
  bytes: number
  rate: number
}

export interface AppUsage {
  devices: UsageGroup[]
  protocols: UsageGroup[]
}

export function flowMatchesApp(f: FlowRow, app: Pick<ApplicationView, 'id' | 'name'>): boolean {
  return f.applicationId !== undefined ? f.applicationId === app.id : f.application === app.name
}

function group(rows: readonly FlowRow[], keyOf: (f: FlowRow) => string | undefined): UsageGroup[] {
  const map = new Map<string, UsageGroup>()
  for (const f of rows) {
    const key = keyOf(f)
    if (key === undefined) continue
    const g = map.get(key) ?? { key, flows: 0, bytes: 0, rate: 0 }
    g.flows++
    g.bytes += f.totalBytes
    g.rate += f.rateIn + f.rateOut
    map.set(key, g)
  }
  return [...map.values()].sort((a, b) => b.bytes - a.bytes)
}

/** Devices (by local MAC) and protocols carrying the application, largest first. */
export function appUsage(flows: readonly FlowRow[], app: Pick<ApplicationView, 'id' | 'name'>): AppUsage {
  const rows = flows.filter((f) => flowMatchesApp(f, app))
  return {
    devices: group(rows, (f) => f.localMac?.toLowerCase()),
    protocols: group(rows, (f) => f.protocol),
  }
}
