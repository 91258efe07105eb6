/**
 * Make a recorded record look live: move its timestamps to now, and give each replay loop its own
 * flow digests.
 *
 * A restarted agent starts again with new digests (they hash in-memory state), so a looping
 * replay renames digests from the second pass on; otherwise a model keyed by digest would merge
 * a new pass's flows into the old, purged ones.
 */
import { createHash } from 'node:crypto'
import { isObject } from './pacing'

const FLOW_TIME_FIELDS = ['first_seen_at', 'last_seen_at', 'first_update_at'] as const

/** A copy of `value` with its times moved by `shiftMs` and, for `pass` > 0, its digest renamed. */
export function shiftRecord(value: unknown, shiftMs: number, pass: number): unknown {
  if (!isObject(value)) return value
  const out: Record<string, unknown> = { ...value }
  if (value.type === 'agent_status' && typeof value.timestamp === 'number') {
    out.timestamp = Math.round(value.timestamp + shiftMs / 1000)
  }
  if (isObject(value.flow)) {
    const flow: Record<string, unknown> = { ...value.flow }
    for (const field of FLOW_TIME_FIELDS) {
      const t = flow[field]
      if (typeof t === 'number' && t > 0) flow[field] = Math.round(t + shiftMs)
    }
    if (pass > 0 && typeof flow.digest === 'string') flow.digest = passDigest(flow.digest, pass)
    out.flow = flow
  }
  return out
}

/** A stable digest of the same length for `digest` in replay pass `pass`. */
export function passDigest(digest: string, pass: number): string {
  let hex = ''
  while (hex.length < digest.length) hex += createHash('sha1').update(`${digest}:${pass}:${hex.length}`).digest('hex')
  return hex.slice(0, digest.length)
}
