/**
 * Frames in an uncompressed byte stream, whatever framing the agent chose: legacy length
 * headers (JSON text or msgpack) with JSON, pretty JSON or msgpack bodies, or bare values back
 * to back. Framing is read from the bytes at each frame boundary, never configured.
 *
 * Offsets here are positions in the stream this scanner is fed; `frame-decoder.ts` maps them
 * back to raw socket bytes when the stream was gzip-compressed.
 */
import { ByteQueue } from './byte-queue'
import { isJsonSpace, JsonValueScanner } from './json-value-scanner'
import { isMsgpackMapStart, msgpackValueLength, NEED_MORE, NOT_MSGPACK } from './msgpack-value-length'
import {
  decodeBody, headerLength, isPlausibleLength, MAX_HEADER_BYTES, parseJson, parseMsgpack,
} from './frame-values'
import { LengthSkipper } from './length-skipper'
import { nextBareCandidate, recordAt } from './bare-json-end'

export interface ScannedFrame { offset: number; end: number; value: unknown }
export interface ScanError { offset: number; message: string; fatal: boolean }
export interface ScanOutput { frames: ScannedFrame[]; errors: ScanError[] }

/** What the scanner has learned about the agent's framing so far. */
export interface FramingSeen {
  lengthHeader?: boolean
  encoding?: 'json' | 'msgpack'
}

/** With no frame found yet, this much unreadable input means the stream is no known framing. */
const GIVE_UP_BYTES = 64 * 1024

type State = 'idle' | 'json' | 'msgpack' | 'body' | 'skip' | 'discard'

export class FrameScanner {
  readonly seen: FramingSeen = {}
  private readonly q = new ByteQueue()
  private readonly json = new JsonValueScanner()
  private readonly skipper = new LengthSkipper()
  private state: State = 'idle'
  private frameStart = 0
  /** Where the body begins, relative to the queue head; -1 until the header's newline is read. */
  private bodyStart = -1
  private headerEnd = 0
  private bodyLength = 0
  private resyncing = false
  private framed = false
  private garbage = 0
  private dead = false
  /** Bare streams: how far into the current value candidate ends have been ruled out. */
  private candidateFrom = 0

  constructor(private readonly maxFrameBytes: number) {}

  get isDead(): boolean {
    return this.dead
  }

  /** Stream offset of the oldest byte still needed (positions before it can be forgotten). */
  get retainedFrom(): number {
    return this.q.offset
  }

  push(chunk: Uint8Array, out: ScanOutput): void {
    if (this.dead) return
    this.q.append(chunk)
    while (!this.dead && this.step(out)) { /* each step consumes or changes state */ }
  }

  /** The stream ended: anything still pending is a truncated frame. */
  end(out: ScanOutput): void {
    if (this.dead) return
    const pending = this.state === 'json' || this.state === 'msgpack' || this.state === 'body'
    if (pending) {
      const want = this.state === 'body' ? ` of ${this.bodyLength}-byte body` : ''
      this.error(out, this.frameStart, `stream ended inside a frame${want} (truncated)`)
    } else if (this.state === 'skip' || this.state === 'discard') {
      this.error(out, this.q.offset, 'stream ended while skipping a refused frame')
    }
    this.q.consume(this.q.length)
    this.state = 'idle'
  }

  /** Forget a partial frame (its compressed member was refused upstream). */
  dropPartial(): void {
    this.q.consume(this.q.length)
    this.json.reset()
    this.state = 'idle'
  }

  private step(out: ScanOutput): boolean {
    switch (this.state) {
      case 'idle': return this.idle(out)
      case 'json': return this.jsonValue(out)
      case 'msgpack': return this.msgpackValue(out)
      case 'body': return this.body(out)
      case 'skip': return this.skip()
      case 'discard': return this.discard()
    }
  }

  private idle(out: ScanOutput): boolean {
    const { buf, start, end } = this.q.raw
    let i = start
    while (i < end && isJsonSpace(buf[i]) && !this.resyncing) i++
    if (i > start) this.q.consume(i - start)
    if (i === end) return false
    const c = buf[i]
    const jsonOk = this.seen.encoding !== 'msgpack' || !this.resyncing
    const msgpackOk = this.seen.encoding !== 'json' || !this.resyncing
    this.frameStart = this.q.offset
    if (c === 0x7b || (c === 0x5b && !this.resyncing)) {
      if (jsonOk) return this.begin('json')
    } else if (isMsgpackMapStart(c) && msgpackOk) {
      return this.begin('msgpack')
    }
    return this.skipGarbage(out)
  }

  private begin(state: 'json' | 'msgpack'): boolean {
    this.state = state
    this.candidateFrom = 0
    this.json.reset()
    return true
  }

  private skipGarbage(out: ScanOutput): boolean {
    if (!this.resyncing) {
      const c = this.q.at(0)
      const atStart = this.q.offset === 0 && !this.framed
      const what = `unexpected byte 0x${c.toString(16).padStart(2, '0')}`
      if (atStart) return this.giveUp(out, `framing is unreadable: the stream starts with ${what}, which is no netifyd framing`)
      this.error(out, this.q.offset, `${what}: skipping to the next frame`)
      this.resyncing = true
    }
    this.q.consume(1)
    if (!this.framed && ++this.garbage > GIVE_UP_BYTES) {
      return this.giveUp(out, `framing is unreadable: no frame found in the first ${GIVE_UP_BYTES} bytes`)
    }
    return true
  }

  private giveUp(out: ScanOutput, message: string): boolean {
    out.errors.push({ offset: this.q.offset, message, fatal: true })
    this.dead = true
    this.q.consume(this.q.length)
    return false
  }

  private jsonValue(out: ScanOutput): boolean {
    const { buf, start, end } = this.q.raw
    if (this.seen.lengthHeader === false) {
      const bare = this.bareValue(out, buf, start, end)
      if (bare !== undefined) return bare
    }
    const done = this.json.scan(buf, start + this.json.scanned, end)
    if (done < 0) return this.checkOversize(out, this.q.length, 'JSON value')
    let value: unknown
    try {
      value = parseJson(buf, start, done)
    } catch (e) {
      return this.rejectValue(out, `invalid JSON: ${(e as Error).message}`)
    }
    return this.completeValue(out, value, done - start, 'json')
  }

  /**
   * Bare streams: try the candidate ends of `bare-json-end.ts` before the byte scanner. Returns
   * undefined when the bytes so far cannot tell (the scanner then carries on).
   */
  private bareValue(out: ScanOutput, buf: Buffer, start: number, end: number): boolean | undefined {
    for (;;) {
      const stop = nextBareCandidate(buf, start, start + this.candidateFrom, end)
      if (stop < 0) return undefined
      try {
        return this.completeValue(out, parseJson(buf, start, stop), stop - start, 'json')
      } catch {
        const next = recordAt(buf, stop, end)
        if (next === 'wait') return undefined
        if (next === 'record') {
          if (!this.resyncing) this.error(out, this.frameStart, 'damaged JSON record: skipping to the next one')
          this.q.consume(stop - start)
          this.state = 'idle'
          return true
        }
        this.candidateFrom = stop - start
      }
    }
  }

  private msgpackValue(out: ScanOutput): boolean {
    const { buf, start, end } = this.q.raw
    const size = msgpackValueLength(buf, start, end)
    if (size === NEED_MORE) return this.checkOversize(out, end - start, 'msgpack value')
    if (size === NOT_MSGPACK) return this.rejectValue(out, 'invalid msgpack')
    let value: unknown
    try {
      value = parseMsgpack(buf, start, start + size)
    } catch (e) {
      return this.rejectValue(out, `invalid msgpack: ${(e as Error).message}`)
    }
    return this.completeValue(out, value, size, 'msgpack')
  }

  private completeValue(out: ScanOutput, value: unknown, size: number, enc: 'json' | 'msgpack'): boolean {
    const n = size <= MAX_HEADER_BYTES ? headerLength(value) : undefined
    if (n !== undefined) {
      if (!isPlausibleLength(n)) return this.rejectValue(out, `bad length header (${n})`)
      return this.header(out, size, n, enc)
    }
    if (this.resyncing && !hasStringType(value)) return this.rejectValue(out, '')
    this.seen.lengthHeader ??= false
    this.seen.encoding ??= enc
    this.emit(out, value, size)
    return true
  }

  /**
   * A value that cannot be a frame: report it (unless already skipping garbage) and look for
   * the next frame from the byte after its start, since damage may have merged it with the
   * frames that follow (an unbalanced quote turns them all into one "value").
   */
  private rejectValue(out: ScanOutput, message: string): boolean {
    if (!this.resyncing && message) this.error(out, this.frameStart, `${message}: skipping to the next frame`)
    this.resyncing = true
    this.q.consume(1)
    this.state = 'idle'
    return true
  }

  private header(out: ScanOutput, size: number, n: number, enc: 'json' | 'msgpack'): boolean {
    this.seen.lengthHeader = true
    this.resyncing = false
    this.headerEnd = size
    this.bodyStart = enc === 'json' ? -1 : size
    this.bodyLength = n
    this.state = 'body'
    if (n > this.maxFrameBytes) {
      this.error(out, this.frameStart, `frame of ${n} bytes refused (limit ${this.maxFrameBytes}): skipping it`)
      this.q.consume(size)
      this.skipper.start(enc === 'json' ? n + 1 : n, enc === 'json')
      this.state = 'skip'
    }
    return true
  }

  private body(out: ScanOutput): boolean {
    if (this.bodyStart < 0 && !this.findBodyStart()) return false
    const avail = this.q.length - this.bodyStart
    if (avail < this.bodyLength) return false
    const { buf, start } = this.q.raw
    const from = start + this.bodyStart
    const size = this.bodyStart + this.bodyLength
    let value: unknown
    try {
      value = decodeBody(buf, from, from + this.bodyLength, this.maxFrameBytes)
    } catch (e) {
      this.error(out, this.frameStart, `unreadable ${this.bodyLength}-byte body: ${(e as Error).message}`)
      this.q.consume(size)
      this.state = 'idle'
      return true
    }
    this.seen.encoding ??= isMsgpackMapStart(buf[from]) ? 'msgpack' : 'json'
    this.emit(out, value, size)
    return true
  }

  /** The body follows the JSON header's `\n` (tolerating `\r\n`, or none). */
  private findBodyStart(): boolean {
    const at = this.headerEnd
    if (this.q.length <= at + 1) return false
    const c = this.q.at(at)
    if (c === 0x0a) this.bodyStart = at + 1
    else if (c === 0x0d && this.q.at(at + 1) === 0x0a) this.bodyStart = at + 2
    else this.bodyStart = at
    return true
  }

  private skip(): boolean {
    const { buf, start, end } = this.q.raw
    const r = this.skipper.advance(buf, start, end)
    this.q.consume(r.consumed)
    if (r.done) this.state = 'idle'
    return r.done
  }

  private discard(): boolean {
    const { start, end, buf } = this.q.raw
    const done = this.json.scan(buf, start, end)
    this.q.consume((done < 0 ? end : done) - start)
    if (done >= 0) this.state = 'idle'
    return done >= 0
  }

  private checkOversize(out: ScanOutput, held: number, what: string): boolean {
    if (held <= this.maxFrameBytes + MAX_HEADER_BYTES) return false
    if (this.state === 'json') {
      if (!this.resyncing) this.error(out, this.frameStart, `${what} over ${this.maxFrameBytes} bytes refused: skipping it`)
      this.q.consume(this.q.length)
      this.state = 'discard'
      return false
    }
    if (!this.resyncing) this.error(out, this.frameStart, `${what} over ${this.maxFrameBytes} bytes refused`)
    this.resyncing = true
    this.q.consume(this.q.length)
    this.state = 'idle'
    return false
  }

  private emit(out: ScanOutput, value: unknown, size: number): void {
    out.frames.push({ offset: this.frameStart, end: this.frameStart + size, value })
    this.q.consume(size)
    this.state = 'idle'
    this.framed = true
    this.resyncing = false
  }

  private error(out: ScanOutput, offset: number, message: string): void {
    out.errors.push({ offset, message, fatal: false })
  }
}

function hasStringType(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string'
}
