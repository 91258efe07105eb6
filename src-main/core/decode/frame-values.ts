/**
 * Turning the bytes of one frame into a value: legacy length headers (JSON text or msgpack),
 * and bodies that may be JSON, msgpack, or (tolerated) a gzip member of either.
 */
import { Decoder } from '@msgpack/msgpack'
import { gunzipSync } from 'fflate'
import { isJsonSpace } from './json-value-scanner'
import { isMsgpackMapStart } from './msgpack-value-length'

/** A JSON value this short may be a `{"length": N}` header; records are always longer. */
export const MAX_HEADER_BYTES = 128

const msgpack = new Decoder()

/** `N` when `value` is exactly a legacy header `{"length": N}`, else undefined. */
export function headerLength(value: unknown): number | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const keys = Object.keys(value)
  if (keys.length !== 1 || keys[0] !== 'length') return undefined
  const n = (value as { length: unknown }).length
  return typeof n === 'number' ? n : undefined
}

/** True when `n` can be a body length at all (a header saying -1 or 2.5 is garbage). */
export function isPlausibleLength(n: number): boolean {
  return Number.isInteger(n) && n >= 0
}

export function parseJson(buf: Buffer, start: number, end: number): unknown {
  return JSON.parse(buf.toString('utf8', start, end))
}

export function parseMsgpack(buf: Uint8Array, start: number, end: number): unknown {
  return msgpack.decode(buf.subarray(start, end))
}

/**
 * Decode a body sliced by a length header. Throws with a readable message when the bytes are
 * none of the encodings the agent uses; the caller turns that into a DecodeError.
 */
export function decodeBody(buf: Buffer, start: number, end: number, maxBytes: number): unknown {
  let i = start
  while (i < end && isJsonSpace(buf[i])) i++
  if (i === end) throw new Error('empty body')
  const c = buf[i]
  if (c === 0x7b || c === 0x5b) return parseJson(buf, start, end)
  if (isMsgpackMapStart(c)) return parseMsgpack(buf, start, end)
  if (c === 0x1f && buf[i + 1] === 0x8b) return decodeGzipBody(buf.subarray(i, end), maxBytes)
  throw new Error(`body starts with byte 0x${c.toString(16).padStart(2, '0')}, neither JSON nor msgpack`)
}

function decodeGzipBody(member: Buffer, maxBytes: number): unknown {
  const declared = member.length >= 4 ? member.readUInt32LE(member.length - 4) : 0
  if (declared > maxBytes) throw new Error(`gzip body would inflate to ${declared} bytes, over the limit`)
  const plain = Buffer.from(gunzipSync(member))
  return decodeBody(plain, 0, plain.length, maxBytes)
}
