/**
 * Who uses an application and over what, derived from the live flow table. Pure.
 *
 * It covers the flows the application's own figures cover (the core counts an application's
 * flows as those seen within the live window): open flows, and closed flows that closed within
 * the window. Rates are the flows' rates, which the core defines exactly like the application's
 * rate, so the device rows add up to the application's "now".
 */
import type { ApplicationView, FlowRow } from '@contract/views'

/** The live window of the core's application figures (15 min). */
export const APP_WINDOW_MS = 15 * 60_000

export interface UsageGroup {
  key: string
  flows: number
  /** Bytes the monitor counted on these flows (not the agent's totals from before it connected). */
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

/** Open, or closed within the window before `now`. */
export function inAppWindow(f: FlowRow, now: number, windowMs = APP_WINDOW_MS): boolean {
  return f.closedAt === undefined || f.closedAt >= now - windowMs
}

function group(rows: readonly FlowRow[], keyOf: (f: FlowRow) => string | undefined): UsageGroup[] {
  const map = new Map<string, UsageGroup>()
  for (const f of rows) {
    const key = keyOf(f)
    if (key === undefined) continue
    const g = map.get(key) ?? { key, flows: 0, bytes: 0, rate: 0 }
    g.flows++
    g.bytes += f.bytesOut + f.bytesIn
    g.rate += f.rateIn + f.rateOut
    map.set(key, g)
  }
  return [...map.values()].sort((a, b) => b.bytes - a.bytes || b.rate - a.rate)
}

/** Devices (by local MAC) and protocols carrying the application, largest first. */
export function appUsage(flows: readonly FlowRow[], app: Pick<ApplicationView, 'id' | 'name'>, now: number): AppUsage {
  const rows = flows.filter((f) => flowMatchesApp(f, app) && inAppWindow(f, now))
  return {
    devices: group(rows, (f) => f.localMac?.toLowerCase()),
    protocols: group(rows, (f) => f.protocol),
  }
}
