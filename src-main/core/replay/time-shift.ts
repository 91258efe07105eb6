/**
 * Make a recorded record look live: move its timestamps to the moment it is sent, keep the
 * agent's uptime growing, and give each replay loop its own flow digests.
 *
 * Each frame is shifted by (send time - the replay clock), the replay clock being the latest
 * record time played so far (pacing.ts). So a frame is never dated after the moment it goes out,
 * whatever the speed or however long silences were cut; the times inside one frame keep their
 * relations (one shift per frame); and frames that move the clock forward are dated exactly when
 * sent, so their order is kept.
 *
 * A restarted agent starts again with new digests (they hash in-memory state), so a looping
 * replay renames digests from the second pass on; otherwise a model keyed by digest would merge
 * a new pass's flows into the old, purged ones.
 */
import { createHash } from 'node:crypto'
import { isObject } from './pacing'

const FLOW_TIME_FIELDS = ['first_seen_at', 'last_seen_at', 'first_update_at'] as const

export interface ShiftOptions {
  shiftMs: number
  pass: number
  /** The uptime (s) to send in place of a status's recorded uptime. */
  uptime?: (recorded: number) => number
}

/** A copy of `value` with its times moved by `shiftMs`, its uptime mapped and, for `pass` > 0, its digest renamed. */
export function shiftRecord(value: unknown, options: ShiftOptions): unknown {
  if (!isObject(value)) return value
  const { shiftMs, pass } = options
  const out: Record<string, unknown> = { ...value }
  if (value.type === 'agent_status') {
    // Whole seconds, rounded down so the status is never dated after it is sent.
    if (typeof value.timestamp === 'number') out.timestamp = Math.floor(value.timestamp + shiftMs / 1000)
    if (typeof value.uptime === 'number' && options.uptime) out.uptime = options.uptime(value.uptime)
  }
  if (isObject(value.flow)) {
    const flow: Record<string, unknown> = { ...value.flow }
    for (const field of FLOW_TIME_FIELDS) {
      const t = flow[field]
      if (typeof t === 'number' && t > 0) flow[field] = Math.floor(t + shiftMs)
    }
    if (pass > 0 && typeof flow.digest === 'string') flow.digest = passDigest(flow.digest, pass)
    out.flow = flow
  }
  return out
}

/** The latest time (epoch ms) among the fields `shiftRecord` moves, if any. */
export function latestTimeMs(value: unknown): number | undefined {
  if (!isObject(value)) return undefined
  let latest: number | undefined
  const see = (t: unknown, scale: number): void => {
    if (typeof t === 'number' && t > 0) latest = Math.max(latest ?? -Infinity, t * scale)
  }
  if (value.type === 'agent_status') see(value.timestamp, 1000)
  if (isObject(value.flow)) for (const field of FLOW_TIME_FIELDS) see(value.flow[field], 1)
  return latest
}

/**
 * Keeps the agent's uptime growing across recordings and loop passes: a looped demo is one agent
 * that keeps running, not one that restarts every pass (which the model would show as a restart
 * blind spot and close every flow). Inside one recording the recorded uptime is kept, so a
 * restart the recording holds still shows.
 */
export class UptimeLine {
  private offset?: number
  private last?: { uptime: number; at: number }

  /** A new recording (or pass) begins: its first status continues from the last one sent. */
  nextRecording(): void {
    this.offset = undefined
  }

  map(recorded: number, now: number): number {
    if (this.offset === undefined) {
      const continued = this.last ? this.last.uptime + Math.max(0, Math.floor((now - this.last.at) / 1000)) : recorded
      this.offset = Math.max(0, continued - recorded)
    }
    const uptime = recorded + this.offset
    this.last = { uptime, at: now }
    return uptime
  }
}

/** A stable digest of the same length for `digest` in replay pass `pass`. */
export function passDigest(digest: string, pass: number): string {
  let hex = ''
  while (hex.length < digest.length) hex += createHash('sha1').update(`${digest}:${pass}:${hex.length}`).digest('hex')
  return hex.slice(0, digest.length)
}
