/**
 * The recordings under test/fixtures, read with the least code that can read them (so the
 * tests do not trust the decoder to tell them what the recordings hold), and re-framed the
 * ways a 5.x agent can send the same payloads: gzip members, msgpack, gzip + msgpack.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { encode } from '@msgpack/msgpack'

export const FIXTURES = join(__dirname, '..', '..', 'fixtures')

export const LEGACY_4X = [
  '01-tls-https.raw', '02-http.raw', '03-dns.raw', '04-quic.raw', '06-bittorrent.raw', '07-risks-ssh-smtp.raw', '10-utf8.raw',
].map((f) => `netifyd-4.4/${f}`)
export const LEGACY_5X = ['netifyd-5.0/legacy.bin', 'netifyd-5.0/pretty/legacy.bin']
export const STREAM_5X = 'netifyd-5.0/stream.bin'

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name))
}

/** One payload as the recording holds it: its bytes and where they start. */
export interface Payload { offset: number; bytes: Buffer; record: Record<string, unknown> }

/** Legacy framing: header line, JSON.parse it, then exactly N bytes of body. */
export function legacyPayloads(buf: Buffer): Payload[] {
  const out: Payload[] = []
  let p = 0
  while (p < buf.length) {
    const nl = buf.indexOf(10, p)
    const n = (JSON.parse(buf.subarray(p, nl).toString()) as { length: number }).length
    const bytes = buf.subarray(nl + 1, nl + 1 + n)
    out.push({ offset: p, bytes, record: JSON.parse(bytes.toString('utf8')) as Record<string, unknown> })
    p = nl + 1 + n
  }
  return out
}

/** Stream channels: the recording's `.index` gives `length flags` per payload. */
export function indexedPayloads(binName: string): Payload[] {
  const buf = fixture(binName)
  const index = fixture(binName.replace(/\.bin$/, '.index')).toString().trim().split('\n')
  const out: Payload[] = []
  let p = 0
  for (const line of index) {
    const [length, flags] = line.split(' ').map(Number)
    const bytes = buf.subarray(p, p + length)
    if ((flags & 4) === 0) out.push({ offset: p, bytes, record: JSON.parse(bytes.toString('utf8')) as Record<string, unknown> })
    p += length
  }
  return out
}

export function countTypes(records: Array<Record<string, unknown>>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of records) counts[String(r.type)] = (counts[String(r.type)] ?? 0) + 1
  return counts
}

/** A re-framed stream and the raw offset at which each payload's frame starts. */
export interface Framed { bytes: Buffer; offsets: number[] }

function assemble(parts: Buffer[][]): Framed {
  const offsets: number[] = []
  const all: Buffer[] = []
  let at = 0
  for (const frame of parts) {
    offsets.push(at)
    for (const piece of frame) {
      all.push(piece)
      at += piece.length
    }
  }
  return { bytes: Buffer.concat(all), offsets }
}

/** `"compressor": "gz"` with legacy framing: header and body each their own gzip member. */
export function gzipLegacy(records: Array<Record<string, unknown>>): Framed {
  return assemble(records.map((r) => {
    const body = Buffer.from(`${JSON.stringify(r)}\n`)
    return [gzipSync(`{"length":${body.length}}\n`), gzipSync(body)]
  }))
}

/** `"compressor": "gz"` on a stream channel: every bare JSON payload its own member. */
export function gzipStream(records: Array<Record<string, unknown>>): Framed {
  return assemble(records.map((r) => [gzipSync(JSON.stringify(r))]))
}

/** `"format": "msgpack"`: a msgpack `{"length": N}` map, then an N-byte msgpack body. */
export function msgpackLegacy(records: Array<Record<string, unknown>>, gzip = false): Framed {
  return assemble(records.map((r) => {
    const body = Buffer.from(encode(r))
    const header = Buffer.from(encode({ length: body.length }))
    return gzip ? [gzipSync(header), gzipSync(body)] : [header, body]
  }))
}
