/**
 * The live charts' series (total throughput, top applications), one point per complete bucket up
 * to the rate clock. Each point is the rate as the model defines it (rate-clock.ts) at the end of
 * its bucket, so a chart's newest point is the rate shown beside it, and a 15 s agent draws a
 * steady line rather than a burst every third bucket.
 */
import type { AppSeriesView, ThroughputPoint } from '../../contract/views'
import type { ModelParts } from './model-parts'
import type { RateClock } from './rate-clock'

/** Throughput (all agents summed), oldest first; equal to the points the tick pushes. */
export function throughputPoints(p: ModelParts, clock: RateClock): ThroughputPoint[] {
  const ring = p.throughput
  const out = ring.windowRates(0, clock.end, clock.windowMs)
  const inn = ring.windowRates(1, clock.end, clock.windowMs)
  return ring.completedTimes(clock.end).map((t, i) => ({ t, out: out[i], in: inn[i] }))
}

/** Rate series of the `top` applications by bytes over the live window, aligned with `throughputPoints`. */
export function appSeries(p: ModelParts, clock: RateClock, now: number, top: number): AppSeriesView {
  const apps = p.applications
  const ranked = [...apps.entriesList()]
    .map((e) => ({ e, bytes: apps.figures(e, now, clock).bytes }))
    .filter((x) => x.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
  return { t: p.throughput.completedTimes(clock.end), series: ranked.map(({ e }) => ({ id: e.id, name: e.name, values: apps.series(e, clock) })) }
}
