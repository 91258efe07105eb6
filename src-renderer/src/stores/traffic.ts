import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { AppSeriesView, ThroughputPoint } from '@contract/views'

/** The live window the overview charts cover. */
export const LIVE_WINDOW_MS = 15 * 60 * 1000

/**
 * Keeps the points of the last `windowMs` before the newest point, in time order, without
 * duplicates (a resync may resend points the ring already holds). Pure and bounded.
 */
export function appendThroughput(ring: readonly ThroughputPoint[], added: readonly ThroughputPoint[], windowMs = LIVE_WINDOW_MS): ThroughputPoint[] {
  const byT = new Map<number, ThroughputPoint>()
  for (const p of ring) byT.set(p.t, p)
  for (const p of added) byT.set(p.t, p)
  const all = [...byT.values()].sort((a, b) => a.t - b.t)
  if (all.length === 0) return all
  const cutoff = all[all.length - 1].t - windowMs
  return all.filter((p) => p.t > cutoff)
}

/** Live throughput (in/out) and per-application rate series, replaced once per batch. */
export const useTrafficStore = defineStore('traffic', () => {
  const throughput = shallowRef<readonly ThroughputPoint[]>([])
  const appSeries = shallowRef<AppSeriesView>({ t: [], series: [] })

  function replaceThroughput(points: readonly ThroughputPoint[]): void {
    throughput.value = appendThroughput([], points)
  }
  function appendPoints(points: readonly ThroughputPoint[]): void {
    if (points.length > 0) throughput.value = appendThroughput(throughput.value, points)
  }
  function setAppSeries(s: AppSeriesView): void {
    appSeries.value = s
  }
  return { throughput, appSeries, replaceThroughput, appendPoints, setAppSeries }
})
