/**
 * How many bytes one msgpack value occupies, without decoding it: lets the framing layer find
 * the end of a msgpack header or record that may still be arriving.
 */

/** The value continues past the bytes available. */
export const NEED_MORE = -1
/** The byte at the value's start is not valid msgpack (0xc1 is never used). */
export const NOT_MSGPACK = -2

/** True for the first byte of a msgpack map (fixmap, map16, map32): every record and header is one. */
export function isMsgpackMapStart(c: number): boolean {
  return (c >= 0x80 && c <= 0x8f) || c === 0xde || c === 0xdf
}

/**
 * Length in bytes of the msgpack value at `buf[pos]`, or NEED_MORE / NOT_MSGPACK.
 * Iterative (a counter of values still to skip), so hostile nesting cannot overflow the stack.
 */
export function msgpackValueLength(buf: Uint8Array, pos: number, end: number): number {
  let p = pos
  let pending = 1
  while (pending > 0) {
    if (p >= end) return NEED_MORE
    const step = msgpackHeader(buf, p, end)
    if (step === null) return NEED_MORE
    if (step.size < 0) return NOT_MSGPACK
    p += step.size
    pending += step.children - 1
    if (p > end) return NEED_MORE
  }
  return p - pos
}

interface HeaderStep {
  /** Bytes of this item (header plus inline payload). */
  size: number
  /** Nested values that follow it (map entries count twice). */
  children: number
}

const FIXED: Record<number, number> = {
  0xc0: 1, 0xc2: 1, 0xc3: 1, 0xca: 5, 0xcb: 9, 0xcc: 2, 0xcd: 3, 0xce: 5, 0xcf: 9,
  0xd0: 2, 0xd1: 3, 0xd2: 5, 0xd3: 9, 0xd4: 3, 0xd5: 4, 0xd6: 6, 0xd7: 10, 0xd8: 18,
}

function msgpackHeader(b: Uint8Array, p: number, end: number): HeaderStep | null {
  const c = b[p]
  if (c <= 0x7f || c >= 0xe0) return { size: 1, children: 0 }
  if (c <= 0x8f) return { size: 1, children: (c & 0x0f) * 2 }
  if (c <= 0x9f) return { size: 1, children: c & 0x0f }
  if (c <= 0xbf) return { size: 1 + (c & 0x1f), children: 0 }
  const fixed = FIXED[c]
  if (fixed !== undefined) return { size: fixed, children: 0 }
  const lenBytes = varLengthBytes(c)
  if (lenBytes === 0) return { size: NOT_MSGPACK, children: 0 }
  if (p + 1 + lenBytes > end) return null
  let n = 0
  for (let i = 1; i <= lenBytes; i++) n = n * 256 + b[p + i]
  switch (c) {
    case 0xc4: case 0xc5: case 0xc6: case 0xd9: case 0xda: case 0xdb:
      return { size: 1 + lenBytes + n, children: 0 }
    case 0xc7: case 0xc8: case 0xc9:
      return { size: 2 + lenBytes + n, children: 0 }
    case 0xdc: case 0xdd:
      return { size: 1 + lenBytes, children: n }
    default:
      return { size: 1 + lenBytes, children: n * 2 }
  }
}

function varLengthBytes(c: number): number {
  switch (c) {
    case 0xc4: case 0xc7: case 0xd9: return 1
    case 0xc5: case 0xc8: case 0xda: case 0xdc: case 0xde: return 2
    case 0xc6: case 0xc9: case 0xdb: case 0xdd: case 0xdf: return 4
    default: return 0
  }
}
