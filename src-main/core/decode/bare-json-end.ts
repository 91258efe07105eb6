/**
 * A fast guess at where a bare JSON object ends, for 5.x stream channels where objects follow
 * each other with no delimiter. Scanning every byte in JavaScript costs as much as
 * `JSON.parse`; instead, native `indexOf` jumps between closing braces and a brace counts as a
 * candidate end only where a top-level close can stand: right before the next object's `{`
 * (compact, optionally whitespace between) or at the start of a line (pretty-printed).
 *
 * A guess is only a guess: the caller confirms it with `JSON.parse` (a prefix of the stream
 * that parses is exactly the first value, since a value cut inside a string or a nested object
 * never parses) and falls back to the byte scanner when it fails.
 */
import { isJsonSpace } from './json-value-scanner'

/** Index just past the candidate closing brace, or -1 when none can be told yet. */
export function guessBareJsonEnd(buf: Buffer, start: number, end: number): number {
  const view = buf.subarray(start, end)
  let i = 1
  for (;;) {
    const k = view.indexOf(0x7d, i)
    if (k < 0) return -1
    if (view[k - 1] === 0x0a) return start + k + 1
    let j = k + 1
    while (j < view.length && isJsonSpace(view[j])) j++
    if (j === view.length) return -1
    if (view[j] === 0x7b) return start + k + 1
    i = k + 1
  }
}
