/**
 * A fixed-size ring of time buckets holding a few numeric channels (e.g. bytes in / out).
 *
 * Every live series in the model (throughput, per-application and per-device usage) is one of
 * these, so memory per series is fixed (`buckets * channels` doubles) however long the app runs.
 * Time only moves forward: a value older than the window is dropped, never stored.
 */
export class BucketRing {
  readonly bucketMs: number
  readonly buckets: number
  readonly channels: number
  private readonly data: Float64Array
  /** Start time of the newest bucket; -1 before the first value. */
  private head = -1

  constructor(bucketMs: number, buckets: number, channels: number) {
    this.bucketMs = bucketMs
    this.buckets = buckets
    this.channels = channels
    this.data = new Float64Array(buckets * channels)
  }

  /** Start of the bucket holding `t`. */
  bucketStart(t: number): number {
    return Math.floor(t / this.bucketMs) * this.bucketMs
  }

  /** Move the newest bucket up to `t`, zeroing the buckets skipped over. */
  advance(t: number): void {
    const start = this.bucketStart(t)
    if (this.head < 0) {
      this.head = start
      return
    }
    if (start <= this.head) return
    const steps = Math.min(this.buckets, (start - this.head) / this.bucketMs)
    for (let i = 1; i <= steps; i++) this.clearSlot(this.slot(this.head + i * this.bucketMs))
    this.head = start
  }

  add(t: number, channel: number, value: number): void {
    this.advance(t)
    const start = this.bucketStart(t)
    if (start <= this.head - this.buckets * this.bucketMs) return
    this.data[this.slot(start) * this.channels + channel] += value
  }

  /** Sum of one channel over buckets whose start lies in [from, to). */
  sum(channel: number, from: number, to: number): number {
    if (this.head < 0) return 0
    let total = 0
    const oldest = this.head - (this.buckets - 1) * this.bucketMs
    for (let s = Math.max(this.bucketStart(from), oldest); s <= this.head && s < to; s += this.bucketMs) {
      total += this.data[this.slot(s) * this.channels + channel]
    }
    return total
  }

  /**
   * Bytes per second over the complete buckets of the last `windowMs` before `now` (the bucket
   * still filling is left out, so a rate never counts a partial bucket against a full window).
   */
  recentRate(channel: number, now: number, windowMs: number): number {
    const end = this.bucketStart(now)
    return this.sum(channel, end - windowMs, end) / (windowMs / 1000)
  }

  /**
   * For each complete bucket before `end` (a bucket boundary), the rate over the `windowMs` that
   * ends where that bucket ends, oldest first, aligned with `completedTimes(end)`: the same
   * definition as `recentRate`, so a chart's last point is the rate shown beside it.
   */
  windowRates(channel: number, end: number, windowMs: number): number[] {
    return this.completedTimes(end).map((t) => this.recentRate(channel, t + this.bucketMs, windowMs))
  }

  /** Start times of the complete buckets of the window that ends at bucket boundary `end`, oldest first. */
  completedTimes(end: number): number[] {
    const last = this.bucketStart(end) - this.bucketMs
    const out: number[] = []
    for (let i = this.buckets - 2; i >= 0; i--) out.push(last - i * this.bucketMs)
    return out
  }

  /** One channel per bucket over the whole window ending at `now`, oldest first. */
  values(channel: number, now: number): number[] {
    this.advance(now)
    const out: number[] = []
    for (let i = this.buckets - 1; i >= 0; i--) {
      out.push(this.data[this.slot(this.head - i * this.bucketMs) * this.channels + channel])
    }
    return out
  }

  /** Bucket start times matching `values(channel, now)`. */
  times(now: number): number[] {
    const start = this.bucketStart(now)
    const out: number[] = []
    for (let i = this.buckets - 1; i >= 0; i--) out.push(start - i * this.bucketMs)
    return out
  }

  /** True when nothing non-zero remains in the window ending at `now`. */
  isEmpty(now: number): boolean {
    this.advance(now)
    for (let i = 0; i < this.data.length; i++) if (this.data[i] !== 0) return false
    return true
  }

  private slot(start: number): number {
    const n = Math.floor(start / this.bucketMs) % this.buckets
    return n < 0 ? n + this.buckets : n
  }

  private clearSlot(slot: number): void {
    this.data.fill(0, slot * this.channels, (slot + 1) * this.channels)
  }
}
