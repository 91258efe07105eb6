/**
 * The one definition of "rate now" used by every figure the UI shows side by side (flows,
 * devices, applications, protocols, categories, the throughput "now" and the application
 * series): bytes credited in the complete 5 s buckets of the last rate window, divided by the
 * window, as of the model's last tick.
 *
 * Reading every rate at the same bucket boundary (the tick's, not whenever a view happens to be
 * built) is what makes the numbers add up: a device's rate is the sum of its flows' rates, an
 * application's rate is the sum of its flows' rates, and the throughput "now" is the sum of all
 * of them, whatever moment the publisher projects them.
 */
import type { BucketRing } from './bucket-ring'

export interface RateClock {
  /** Start of the bucket still filling at the last tick (the end of the rate window); -1 before the first tick. */
  end: number
  /** The rate window at the last tick: the longest agent update interval, whole buckets (`rateWindowMs`). */
  windowMs: number
}

/** Bytes per second of one ring channel as of the clock. */
export function ringRate(ring: BucketRing, channel: number, clock: RateClock): number {
  return clock.end < 0 ? 0 : ring.recentRate(channel, clock.end, clock.windowMs)
}
