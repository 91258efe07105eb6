/**
 * A flow's recent credits, so its rate follows the same definition as every other rate (see
 * rate-clock.ts) instead of the agent's own `local_rate`/`other_rate` estimate: summing the flows
 * of a device or an application then gives exactly that device's or application's rate.
 *
 * A flow is credited about once per agent update interval, so it holds one or two buckets here;
 * credits older than the longest rate window (60 s) are dropped, so it never holds more than 13.
 */
import { LIVE_BUCKET_MS } from './usage'
import type { RateClock } from './rate-clock'

const MAX_WINDOW_MS = 60_000

/** `[bucketStart, out, in]` per credited bucket, oldest first. */
export type RecentCredits = Array<[number, number, number]>

export function addRecentCredit(credits: RecentCredits, now: number, out: number, inn: number): void {
  const start = Math.floor(now / LIVE_BUCKET_MS) * LIVE_BUCKET_MS
  const last = credits[credits.length - 1]
  if (last && last[0] === start) {
    last[1] += out
    last[2] += inn
  } else credits.push([start, out, inn])
  while (credits.length > 0 && credits[0][0] < start - MAX_WINDOW_MS) credits.shift()
}

/** Bytes per second out and in as of the clock (complete buckets of the window only). */
export function creditRate(credits: RecentCredits, clock: RateClock): { out: number; in: number } {
  let out = 0
  let inn = 0
  if (clock.end >= 0) {
    for (const [t, o, i] of credits) {
      if (t >= clock.end - clock.windowMs && t < clock.end) {
        out += o
        inn += i
      }
    }
  }
  const seconds = clock.windowMs / 1000
  return { out: out / seconds, in: inn / seconds }
}

/** True once every credit is older than the window: the rate is zero for good until the next credit. */
export function creditsExpired(credits: RecentCredits, clock: RateClock): boolean {
  return credits.every(([t]) => t < clock.end - clock.windowMs)
}
