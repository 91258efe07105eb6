/**
 * Splits a stream of gzip members (5.x `"compressor": "gz"`: one member per payload, and with
 * legacy framing the header and the body are separate members) into their inflated contents,
 * each with the raw byte range it came from, synchronously and however the members are split
 * across chunks.
 *
 * This reads the gzip header and trailer itself. A member that has arrived whole (the usual
 * case) is inflated in one call to Node's zlib, which says how many bytes it used. A member
 * still arriving goes through a streaming fflate `Inflate` instead, so a large member split
 * over many chunks costs linear time. fflate's own streaming `Gunzip` only reports where a
 * member ends when the next one begins, which would hold every frame back until the agent's
 * next message; so the end of the deflate data is read from the inflater's state exactly as
 * that `Gunzip` does (see `deflateEnd`). fflate is pinned to an exact version for that reason,
 * and the tests split members at every byte.
 */
import { crc32, inflateRawSync } from 'node:zlib'
import { Inflate } from 'fflate'
import { ByteQueue } from './byte-queue'

/** One member's inflated bytes (`null`: refused, over the size limit) and its raw range. */
export interface GzipUnit { bytes: Uint8Array | null; rawStart: number; rawEnd: number }
export interface GzipError { offset: number; message: string; fatal: boolean }

/** Compressed bytes handed to the inflater at once, bounding what one step can allocate. */
const FEED_BYTES = 16 * 1024
/** A gzip file name or comment longer than this is garbage, not a member header. */
const MAX_GZIP_HEADER = 4096

interface InflateState { s: { f?: number; l?: unknown; p?: number }; p: Uint8Array }

export class GzipMembers {
  private readonly q = new ByteQueue()
  private phase: 'header' | 'deflate' | 'trailer' = 'header'
  private inflater: Inflate | null = null
  private out: Uint8Array[] = []
  private outLength = 0
  private refused = false
  private memberStart = 0
  private resyncing = false
  private produced = false
  private dead = false
  /** Where errors found while inflating go (the current push's list). */
  private sink: GzipError[] = []

  constructor(private readonly maxBytes: number) {}

  push(chunk: Uint8Array, units: GzipUnit[], errors: GzipError[]): void {
    if (this.dead) return
    this.sink = errors
    this.q.append(chunk)
    while (!this.dead && this.step(units, errors)) { /* each step consumes or changes phase */ }
  }

  end(errors: GzipError[]): void {
    if (this.dead) return
    if (this.phase !== 'header' || (this.q.length > 0 && !this.resyncing)) {
      errors.push({ offset: this.memberStart, message: 'stream ended inside a gzip member (truncated)', fatal: false })
    }
  }

  private step(units: GzipUnit[], errors: GzipError[]): boolean {
    try {
      if (this.phase === 'header') return this.header(errors)
      if (this.phase === 'deflate') return this.deflate()
      return this.trailer(units, errors)
    } catch (e) {
      return this.corrupt(units, errors, `corrupt gzip member: ${(e as Error).message}`)
    }
  }

  private header(errors: GzipError[]): boolean {
    const { buf, start, end } = this.q.raw
    if (end - start < 10) return false
    if (buf[start] !== 0x1f || buf[start + 1] !== 0x8b || buf[start + 2] !== 8) return this.skipGarbage(errors)
    const size = gzipHeaderSize(buf, start, end)
    if (size === 0) return false
    if (size < 0) return this.skipGarbage(errors)
    this.memberStart = this.q.offset
    this.q.consume(size)
    this.resyncing = false
    this.phase = 'deflate'
    return true
  }

  private skipGarbage(errors: GzipError[]): boolean {
    if (!this.produced && this.q.offset === 0) {
      errors.push({ offset: 0, message: 'framing is unreadable: gzip magic without a valid gzip header', fatal: true })
      this.dead = true
      return false
    }
    if (!this.resyncing) {
      errors.push({ offset: this.q.offset, message: 'bytes that are not a gzip member: skipping to the next member', fatal: false })
      this.resyncing = true
    }
    const { buf, start, end } = this.q.raw
    let i = start + 1
    while (i < end && !(buf[i] === 0x1f && (i + 1 >= end || buf[i + 1] === 0x8b))) i++
    this.q.consume(i - start)
    return i < end
  }

  private collect(data: Uint8Array): void {
    if (data.length === 0) return
    this.outLength += data.length
    if (this.refused) return
    if (this.outLength > this.maxBytes) {
      this.sink.push({ offset: this.memberStart, message: `gzip member inflates past ${this.maxBytes} bytes: refused`, fatal: false })
      this.refused = true
      this.out = []
      return
    }
    this.out.push(data)
  }

  private deflate(): boolean {
    const { buf, start, end } = this.q.raw
    if (end === start) return false
    if (this.inflater === null) return this.inflateWhole(buf.subarray(start, end))
    const inflater = this.inflater
    const n = Math.min(FEED_BYTES, end - start)
    inflater.push(buf.subarray(start, start + n))
    const left = deflateEnd(inflater)
    if (left < 0) {
      this.q.consume(n)
      return true
    }
    this.q.consume(Math.max(0, n - left))
    this.phase = 'trailer'
    return true
  }

  /** One zlib call when the member is all here; otherwise start streaming it. */
  private inflateWhole(available: Buffer): boolean {
    try {
      const { buffer, engine } = inflateRawSync(available, { info: true, maxOutputLength: this.maxBytes }) as unknown as {
        buffer: Buffer
        engine: { bytesWritten: number }
      }
      this.collect(buffer)
      this.q.consume(engine.bytesWritten)
      this.phase = 'trailer'
      return true
    } catch (e) {
      const code = (e as { code?: string }).code
      if (code === 'Z_DATA_ERROR' || code === 'Z_NEED_DICT') throw e
      this.inflater = new Inflate((data) => this.collect(data))
      return true
    }
  }

  private trailer(units: GzipUnit[], errors: GzipError[]): boolean {
    const { buf, start, end } = this.q.raw
    if (end - start < 8) return false
    const crc = buf.readUInt32LE(start)
    const size = buf.readUInt32LE(start + 4)
    const bytes = this.refused ? null : joinChunks(this.out, this.outLength)
    const intact = size === this.outLength % 2 ** 32 && (bytes === null || crc32(bytes) === crc)
    this.q.consume(8)
    const unit: GzipUnit = { bytes, rawStart: this.memberStart, rawEnd: this.q.offset }
    this.resetMember()
    if (intact) {
      this.produced = true
    } else {
      errors.push({ offset: unit.rawStart, message: 'gzip member fails its CRC or size check: dropped', fatal: false })
      unit.bytes = null
    }
    units.push(unit)
    return true
  }

  private resetMember(): void {
    this.inflater = null
    this.out = []
    this.outLength = 0
    this.refused = false
    this.phase = 'header'
  }

  private corrupt(units: GzipUnit[], errors: GzipError[], message: string): boolean {
    errors.push({ offset: this.memberStart, message, fatal: false })
    units.push({ bytes: null, rawStart: this.memberStart, rawEnd: this.q.offset })
    this.resetMember()
    this.resyncing = true
    return true
  }
}

/**
 * Bytes of the last push that lie past the end of the deflate data, or -1 while it goes on.
 * Mirrors fflate's Gunzip: the stream is over once the final block is done (`s.f && !s.l`),
 * and it ended at bit `s.p` of the inflater's unconsumed input `p`.
 */
function deflateEnd(inflater: Inflate): number {
  const st = inflater as unknown as InflateState
  if (!st.s.f || st.s.l) return -1
  return st.p.length - (((st.s.p ?? 0) + 7) >> 3)
}

/** Size of the gzip header at `buf[start]`: 0 while incomplete, -1 when it is not one. */
function gzipHeaderSize(buf: Uint8Array, start: number, end: number): number {
  const flags = buf[start + 3]
  if (flags & 0xe0) return -1
  let p = start + 10
  if (flags & 4) {
    if (p + 2 > end) return 0
    p += 2 + (buf[p] | (buf[p + 1] << 8))
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue
    while (p < end && buf[p] !== 0) p++
    if (p - start > MAX_GZIP_HEADER) return -1
    if (p >= end) return 0
    p++
  }
  if (flags & 2) p += 2
  if (p > end) return 0
  return p - start
}

function joinChunks(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const all = new Uint8Array(length)
  let at = 0
  for (const c of chunks) {
    all.set(c, at)
    at += c.length
  }
  return all
}
