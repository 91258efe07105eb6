/**
 * How a recorded frame was written, so a time-shifted record can be written the same way.
 *
 * A replayed stream should exercise the same framing as the agent that was recorded: legacy
 * `{"length": N}\n` headers (4.x with a space, 5.x without), bare JSON (5.x stream channels),
 * pretty-printed bodies (debug mode) and per-payload gzip members. msgpack frames are sent as
 * recorded (`opaque`).
 */
import { gunzipSync, gzipSync } from 'node:zlib'

export type FrameStyle =
  | { kind: 'legacy'; spaced: boolean; pretty: boolean; gzip: boolean }
  | { kind: 'bare'; pretty: boolean; newline: boolean; gzip: boolean }
  | { kind: 'opaque' }

/** Inspect one frame's raw bytes (header included). */
export function detectFrameStyle(raw: Uint8Array): FrameStyle {
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    let inner: Buffer
    try {
      inner = gunzipSync(raw)
    } catch {
      return { kind: 'opaque' }
    }
    const style = detectPlain(inner)
    return style.kind === 'opaque' ? style : { ...style, gzip: true }
  }
  return detectPlain(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength))
}

function detectPlain(bytes: Buffer): FrameStyle {
  const start = firstNonSpace(bytes)
  if (bytes[start] !== 0x7b) return { kind: 'opaque' }
  const nl = bytes.indexOf(0x0a, start)
  if (nl > 0 && isLengthHeader(bytes.subarray(start, nl).toString('utf8'))) {
    const header = bytes.subarray(start, nl).toString('utf8')
    const body = bytes.subarray(nl + 1)
    return { kind: 'legacy', spaced: header.includes(': '), pretty: body.subarray(0, -1).includes(0x0a), gzip: false }
  }
  const trimmedEnd = bytes[bytes.length - 1] === 0x0a
  const inner = bytes.subarray(start, trimmedEnd ? -1 : undefined)
  return { kind: 'bare', pretty: inner.includes(0x0a), newline: trimmedEnd, gzip: false }
}

function isLengthHeader(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line)
    return typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number'
      && Object.keys(value).length === 1
  } catch {
    return false
  }
}

function firstNonSpace(bytes: Buffer): number {
  let i = 0
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++
  return i
}

/** Write `value` in `style`; `undefined` for an opaque style (the caller sends the recorded bytes). */
export function serializeFrame(value: unknown, style: FrameStyle): Buffer | undefined {
  if (style.kind === 'opaque') return undefined
  const json = style.pretty ? JSON.stringify(value, null, 4) : JSON.stringify(value)
  if (style.kind === 'bare') {
    const body = Buffer.from(style.newline ? `${json}\n` : json, 'utf8')
    return style.gzip ? gzipSync(body) : body
  }
  const body = Buffer.from(`${json}\n`, 'utf8')
  const header = Buffer.from(style.spaced ? `{"length": ${body.length}}\n` : `{"length":${body.length}}\n`, 'utf8')
  return style.gzip ? Buffer.concat([gzipSync(header), gzipSync(body)]) : Buffer.concat([header, body])
}
