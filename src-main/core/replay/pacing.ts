/**
 * When each recorded frame goes out, from the records' own timestamps.
 *
 * Recordings mix second-resolution status timestamps with millisecond flow times, and flow
 * records describe packets seen before the update that carries them, so times are not monotonic.
 * The replay clock only moves forward: a frame older than the clock goes out at once.
 */

export interface PacingOptions {
  /** 1 = real time, 2 = twice as fast; 0 (or anything above 1e6) = as fast as possible. */
  speed: number
  /** A longer silence in the recording (agent paused, recordings concatenated) is cut to this. */
  maxGapMs: number
}

export const DEFAULT_MAX_GAP_MS = 10_000

/** Delay in ms before each frame; a frame without a time goes out with the previous one. */
export function planDelays(times: ReadonlyArray<number | undefined>, options: PacingOptions): number[] {
  const fastest = !(options.speed > 0) || options.speed > 1e6
  let clock: number | undefined
  return times.map((t) => {
    if (t === undefined || !Number.isFinite(t)) return 0
    if (clock === undefined || t <= clock) {
      clock = clock === undefined ? t : clock
      return 0
    }
    const gap = Math.min(t - clock, options.maxGapMs)
    clock = t
    return fastest ? 0 : gap / options.speed
  })
}

/** The time a record describes, in epoch ms: status `timestamp` (s), else flow `last_seen_at`/`first_seen_at` (ms). */
export function recordTimeMs(value: unknown): number | undefined {
  if (!isObject(value)) return undefined
  if (value.type === 'agent_status' && typeof value.timestamp === 'number') return value.timestamp * 1000
  const flow = value.flow
  if (!isObject(flow)) return undefined
  if (typeof flow.last_seen_at === 'number') return flow.last_seen_at
  if (typeof flow.first_seen_at === 'number') return flow.first_seen_at
  return undefined
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
