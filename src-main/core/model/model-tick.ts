/**
 * The model's periodic work: move the rate clock, close flows the agent stopped mentioning,
 * recompute rates (they fall to zero when bytes stop), mark live series changed as the window
 * slides, drop empty series. Only flows and devices that currently have a rate are revisited, so
 * a tick costs what is live.
 */
import { closeFlow } from './flow-ingest'
import { creditRate, creditsExpired } from './flow-rate'
import type { ModelParts } from './model-parts'
import type { RateClock } from './rate-clock'
import { LIVE_BUCKET_MS } from './usage'

/** Rates are averaged over the longest agent update interval, within 5 s to 60 s, whole buckets. */
export function rateWindowMs(updateIntervals: number[]): number {
  const seconds = Math.min(60, Math.max(5, ...updateIntervals))
  return Math.ceil((seconds * 1000) / LIVE_BUCKET_MS) * LIVE_BUCKET_MS
}

function tickFlows(p: ModelParts, now: number, staleFlowMs: number, clock: RateClock): void {
  for (const e of p.flows.staleBefore(now - staleFlowMs)) closeFlow(p, e, 'stale', now)
  for (const key of p.ratedFlows) {
    const e = p.flows.get(key)
    if (!e?.recent) {
      p.ratedFlows.delete(key)
      continue
    }
    const rate = creditRate(e.recent, clock)
    if (visiblyDifferent(rate.out, e.rateOut) || visiblyDifferent(rate.in, e.rateIn)) {
      e.rateOut = rate.out
      e.rateIn = rate.in
      p.changes.flow(key)
    }
    if (creditsExpired(e.recent, clock)) {
      e.recent = undefined
      p.ratedFlows.delete(key)
    }
  }
}

/**
 * Rates are shown to three significant digits: a change under 0.5 % is invisible, and re-sending
 * every flow whose rate moved by a hair would make each 5 s bucket a delta of the whole table.
 * Starting or stopping (to or from 0) always counts.
 */
function visiblyDifferent(next: number, shown: number): boolean {
  if (next === shown) return false
  if (next === 0 || shown === 0) return true
  return Math.abs(next - shown) > 0.005 * Math.max(next, shown)
}

function tickDevices(p: ModelParts, now: number, clock: RateClock): void {
  for (const mac of p.liveDevices) {
    const d = p.devices.get(mac)
    if (!d) {
      p.liveDevices.delete(mac)
      continue
    }
    if (p.devices.updateRate(d, clock)) p.changes.device(mac)
    if (d.rateOut === 0 && d.rateIn === 0 && now - d.lastCreditAt > 2 * clock.windowMs) p.liveDevices.delete(mac)
  }
}

/** Throughput points for the buckets that completed between two ticks (the live window at most). */
function emitCompletedBuckets(p: ModelParts, previous: number, clock: RateClock): void {
  const ring = p.throughput
  ring.advance(clock.end)
  const from = previous < 0 ? clock.end - ring.bucketMs : Math.max(previous, clock.end - (ring.buckets - 1) * ring.bucketMs)
  for (let t = from; t < clock.end; t += ring.bucketMs) {
    const end = t + ring.bucketMs
    p.changes.throughputPoint({ t, out: ring.recentRate(0, end, clock.windowMs), in: ring.recentRate(1, end, clock.windowMs) })
  }
}

export function tickModel(p: ModelParts, now: number, staleFlowMs: number, rateWindow: number): void {
  const previous = p.rateClock
  const clock: RateClock = { end: Math.max(previous.end, p.throughput.bucketStart(now)), windowMs: rateWindow }
  p.rateClock = clock
  tickFlows(p, now, staleFlowMs, clock)
  tickDevices(p, now, clock)
  if (clock.end === previous.end && clock.windowMs === previous.windowMs) return
  if (clock.end > previous.end) emitCompletedBuckets(p, previous.end, clock)
  for (const e of p.applications.entriesList()) {
    if (!e.ring.isEmpty(now) || e.activeFlows > 0 || e.recentFlows.size > 0) p.changes.application(e.id)
  }
  for (const id of p.applications.prune(now)) p.changes.applicationRemoved(id)
  p.protocols.prune(now)
  p.categories.prune(now)
}
