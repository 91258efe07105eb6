/**
 * Skips the body of a refused frame (its header announced more than the limit) as the bytes
 * arrive, holding none of them.
 *
 * A header announcing an absurd length is more likely corruption than a real body, and
 * skipping it blindly would swallow the rest of the stream. Behind a JSON text header the body
 * cannot contain a line that is itself a length header (raw newlines in a JSON body only
 * separate pretty-printed members), so such a line ends the skip early: the decoder is back in
 * step either way.
 */
import { headerLength, isPlausibleLength, MAX_HEADER_BYTES } from './frame-values'

export interface SkipProgress {
  consumed: number
  /** The refused body is behind us (or a real header was found inside it). */
  done: boolean
}

export class LengthSkipper {
  private remaining = 0
  private watchLines = false
  private atLineStart = false

  start(bytes: number, watchLines: boolean): void {
    this.remaining = bytes
    this.watchLines = watchLines
    this.atLineStart = false
  }

  advance(buf: Uint8Array, start: number, end: number): SkipProgress {
    const limit = Math.min(end, start + this.remaining)
    if (!this.watchLines) return this.take(limit - start)
    let i = start
    while (i < limit) {
      if (this.atLineStart && buf[i] === 0x7b) {
        const verdict = headerLineAt(buf, i, end)
        if (verdict === 'need-more') return this.take(i - start, false)
        if (verdict === 'header') return { consumed: this.take(i - start).consumed, done: true }
      }
      this.atLineStart = buf[i] === 0x0a
      i++
    }
    return this.take(i - start)
  }

  private take(n: number, allowDone = true): SkipProgress {
    this.remaining -= n
    return { consumed: n, done: allowDone && this.remaining <= 0 }
  }
}

function headerLineAt(buf: Uint8Array, from: number, end: number): 'header' | 'not' | 'need-more' {
  const stop = Math.min(end, from + MAX_HEADER_BYTES + 2)
  let nl = -1
  for (let i = from; i < stop; i++) {
    if (buf[i] === 0x0a) {
      nl = i
      break
    }
  }
  if (nl < 0) return stop === end && end - from < MAX_HEADER_BYTES + 2 ? 'need-more' : 'not'
  try {
    const n = headerLength(JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + from, nl - from).toString('latin1')))
    return n !== undefined && isPlausibleLength(n) ? 'header' : 'not'
  } catch {
    return 'not'
  }
}
