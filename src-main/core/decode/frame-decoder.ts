/**
 * Raw bytes of one agent connection in, frames out: each frame's parsed value with the exact
 * byte range it occupied on the wire, so a replaying peer can resend the original bytes and a
 * user can be pointed at the offset of a bad record.
 *
 * Compression is detected from the first two bytes (gzip magic), framing and encoding from the
 * bytes at each frame boundary. Synchronous, and nothing throws out of `push` or `end`.
 */
import type { DecodeError } from './decode-error'
import { FrameScanner, type FramingSeen, type ScanOutput } from './frame-scanner'
import { GzipMembers, type GzipUnit } from './gzip-members'
import { LogicalToRaw } from './logical-to-raw'

export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024

/** One payload: `offset`/`end` delimit header + body (or their gzip members) in the raw stream. */
export interface Frame {
  offset: number
  end: number
  value: unknown
}

export interface FrameOutput {
  frames: Frame[]
  errors: DecodeError[]
}

/** What the bytes have shown of the agent's output options so far (for display). */
export interface FramingInfo extends FramingSeen {
  compression?: 'none' | 'gzip'
}

export interface FrameDecoder {
  push(chunk: Uint8Array): FrameOutput
  /** The stream ended: a frame still incomplete is reported as truncated. */
  end(): FrameOutput
  readonly framing: FramingInfo
}

export interface FrameDecoderOptions {
  /** A frame longer than this is refused without allocating it. Default 16 MiB. */
  maxFrameBytes?: number
}

export function createFrameDecoder(options: FrameDecoderOptions = {}): FrameDecoder {
  const max = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES
  const scanner = new FrameScanner(max)
  let gzip: GzipMembers | undefined
  let compression: FramingInfo['compression']
  let head: Uint8Array | undefined
  let dead = false
  const map = new LogicalToRaw()

  const feedGzip = (chunk: Uint8Array, out: FrameOutput): void => {
    const units: GzipUnit[] = []
    ;(gzip as GzipMembers).push(chunk, units, out.errors)
    for (const unit of units) {
      if (unit.bytes === null) {
        scanner.dropPartial()
        continue
      }
      map.add(unit.bytes.length, unit.rawStart, unit.rawEnd)
      const scanned: ScanOutput = { frames: [], errors: [] }
      scanner.push(unit.bytes, scanned)
      collect(scanned, out, map)
      map.forgetBefore(scanner.retainedFrom)
    }
  }

  const feed = (chunk: Uint8Array, out: FrameOutput): void => {
    if (compression === undefined) {
      head = head ? Buffer.concat([head, chunk]) : chunk
      if (head.length < 2 && head[0] === 0x1f) return
      compression = head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : 'none'
      if (compression === 'gzip') gzip = new GzipMembers(max)
      chunk = head
      head = undefined
    }
    if (gzip) feedGzip(chunk, out)
    else scanner.push(chunk, out)
  }

  const guarded = (work: (out: FrameOutput) => void): FrameOutput => {
    const out: FrameOutput = { frames: [], errors: [] }
    if (dead) return out
    try {
      work(out)
    } catch (e) {
      out.errors.push({ offset: -1, message: `decoder failure, stream abandoned: ${(e as Error).message}`, fatal: true })
    }
    if (out.errors.some((e) => e.fatal) || scanner.isDead) dead = true
    return out
  }

  return {
    push: (chunk) => guarded((out) => { if (chunk.length > 0) feed(chunk, out) }),
    end: () => guarded((out) => {
      if (head) scanner.push(head, out)
      if (gzip) {
        gzip.end(out.errors)
        const scanned: ScanOutput = { frames: [], errors: [] }
        scanner.end(scanned)
        collect(scanned, out, map)
      } else {
        scanner.end(out)
      }
    }),
    get framing(): FramingInfo {
      return { compression, ...scanner.seen }
    },
  }
}

function collect(scanned: ScanOutput, out: FrameOutput, map: LogicalToRaw): void {
  for (const f of scanned.frames) out.frames.push({ offset: map.start(f.offset), end: map.end(f.end), value: f.value })
  for (const e of scanned.errors) out.errors.push({ offset: map.start(e.offset), message: e.message, fatal: e.fatal })
}
