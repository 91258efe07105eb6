/**
 * The model's periodic work: close flows the agent stopped mentioning, let rates fall to zero
 * when bytes stop, mark live series changed as the window slides, drop empty series.
 * Only flows and devices that currently have a rate are revisited, so a tick costs what is live.
 */
import { closeFlow } from './flow-ingest'
import type { ModelParts } from './model-parts'
import { LIVE_BUCKET_MS } from './usage'

/** Rates are averaged over the longest agent update interval, within 5 s to 60 s, whole buckets. */
export function rateWindowMs(updateIntervals: number[]): number {
  const seconds = Math.min(60, Math.max(5, ...updateIntervals))
  return Math.ceil((seconds * 1000) / LIVE_BUCKET_MS) * LIVE_BUCKET_MS
}

function tickFlows(p: ModelParts, now: number, staleFlowMs: number, rateWindow: number): void {
  for (const e of p.flows.staleBefore(now - staleFlowMs)) closeFlow(p, e, 'stale', now)
  for (const key of p.ratedFlows) {
    const e = p.flows.getActive(key)
    if (!e) {
      p.ratedFlows.delete(key)
    } else if (now - e.touchedAt > 2 * rateWindow) {
      e.rateOut = 0
      e.rateIn = 0
      p.ratedFlows.delete(key)
      p.changes.flow(key)
    }
  }
}

function tickDevices(p: ModelParts, now: number, rateWindow: number): void {
  for (const mac of p.liveDevices) {
    const d = p.devices.get(mac)
    if (!d) {
      p.liveDevices.delete(mac)
      continue
    }
    if (p.devices.updateRate(d, rateWindow, now)) p.changes.device(mac)
    if (d.rateOut === 0 && d.rateIn === 0 && now - d.lastCreditAt > 2 * rateWindow) p.liveDevices.delete(mac)
  }
}

/** Throughput points for the buckets that completed between two ticks (the live window at most). */
function emitCompletedBuckets(p: ModelParts, previous: number, current: number): void {
  const ring = p.throughput
  ring.advance(current)
  const from = previous < 0 ? current - ring.bucketMs : Math.max(previous, current - ring.buckets * ring.bucketMs)
  const seconds = ring.bucketMs / 1000
  for (let t = from; t < current; t += ring.bucketMs) {
    p.changes.throughputPoint({ t, out: ring.sum(0, t, t + 1) / seconds, in: ring.sum(1, t, t + 1) / seconds })
  }
}

export function tickModel(p: ModelParts, now: number, staleFlowMs: number, rateWindow: number): void {
  tickFlows(p, now, staleFlowMs, rateWindow)
  tickDevices(p, now, rateWindow)
  const bucket = p.throughput.bucketStart(now)
  if (bucket <= p.tickState.lastBucket) return
  emitCompletedBuckets(p, p.tickState.lastBucket, bucket)
  p.tickState.lastBucket = bucket
  for (const e of p.applications.entriesList()) if (!e.ring.isEmpty(now) || e.flows > 0) p.changes.application(e.id)
  for (const id of p.applications.prune(now)) p.changes.applicationRemoved(id)
  p.protocols.prune(now)
  p.categories.prune(now)
}
