/**
 * Where a bare JSON object ends, for 5.x stream channels where objects follow each other with
 * no delimiter. Scanning every byte in JavaScript costs as much as `JSON.parse`; instead,
 * native `indexOf` jumps between closing braces, and a brace is a candidate end only where a
 * top-level close can stand: right before the next object's `{` (compact, optionally with
 * whitespace between) or at the start of a line (pretty-printed).
 *
 * A candidate is confirmed with `JSON.parse` (a prefix of the stream that parses is exactly
 * the first value: a value cut inside a string or a nested object never parses). The same
 * candidates also bound damage: when the prefix does not parse but what follows the candidate
 * is a whole record, the prefix was a damaged record, and the stream goes on from there.
 */
import { isJsonSpace } from './json-value-scanner'

/**
 * Index just past the next candidate closing brace at or after `from` (> `start`), or -1 when
 * none can be told with the bytes so far.
 */
export function nextBareCandidate(buf: Buffer, start: number, from: number, end: number): number {
  let i = Math.max(from, start + 1)
  for (;;) {
    const k = buf.indexOf(0x7d, i)
    if (k < 0 || k >= end) return -1
    if (buf[k - 1] === 0x0a) return k + 1
    let j = k + 1
    while (j < end && isJsonSpace(buf[j])) j++
    if (j === end) return -1
    if (buf[j] === 0x7b) return k + 1
    i = k + 1
  }
}

/** Whether a whole record (an object with a string `type`) starts at `from`, after whitespace. */
export function recordAt(buf: Buffer, from: number, end: number): 'record' | 'not' | 'wait' {
  let s = from
  while (s < end && isJsonSpace(buf[s])) s++
  if (s === end) return 'wait'
  if (buf[s] !== 0x7b) return 'not'
  const stop = nextBareCandidate(buf, s, s + 1, end)
  if (stop < 0) return 'wait'
  try {
    const v = JSON.parse(buf.toString('utf8', s, stop)) as unknown
    return v !== null && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string' ? 'record' : 'not'
  } catch {
    return 'not'
  }
}
