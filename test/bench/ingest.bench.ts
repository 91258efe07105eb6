/**
 * Ingest throughput: the full decoder (framing + zod validation + normalisation) against the
 * least any client must do (slice frames, JSON.parse), on the same bytes in the same run.
 * Target: the decoder keeps at least half the bare speed (ratio >= 0.5).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createAgentEventDecoder } from '../../src-main/core/decode/agent-event-decoder'

const fixtures = join(__dirname, '..', 'fixtures')
const LEGACY_FILES = [
  'netifyd-4.4/01-tls-https.raw', 'netifyd-4.4/02-http.raw', 'netifyd-4.4/03-dns.raw', 'netifyd-4.4/04-quic.raw',
  'netifyd-4.4/06-bittorrent.raw', 'netifyd-4.4/07-risks-ssh-smtp.raw', 'netifyd-4.4/10-utf8.raw',
  'netifyd-5.0/legacy.bin', 'netifyd-5.0/pretty/legacy.bin',
]
const TARGET_BYTES = 64 * 1024 * 1024
const CHUNK = 64 * 1024
/** Rounds alternate bare and full so a busy machine slows both alike; the best of each counts. */
const ROUNDS = 5

function repeat(parts: Buffer[], target: number): Buffer {
  const one = Buffer.concat(parts)
  return Buffer.concat(Array.from({ length: Math.ceil(target / one.length) }, () => one))
}

/** Bare legacy framing: header line, JSON.parse it, slice N bytes, JSON.parse the body. */
function bareLegacy(buf: Buffer): number {
  let records = 0
  let p = 0
  while (p < buf.length) {
    const nl = buf.indexOf(10, p)
    const n = (JSON.parse(buf.toString('latin1', p, nl)) as { length: number }).length
    JSON.parse(buf.toString('utf8', nl + 1, nl + 1 + n))
    records++
    p = nl + 1 + n
  }
  return records
}

/** Bare stream framing with the boundaries already known (the recording's index). */
function bareIndexed(buf: Buffer, lengths: number[]): number {
  let p = 0
  for (const n of lengths) {
    JSON.parse(buf.toString('utf8', p, p + n))
    p += n
  }
  return lengths.length
}

function decodeAll(buf: Buffer): number {
  const decoder = createAgentEventDecoder()
  for (let p = 0; p < buf.length; p += CHUNK) {
    const out = decoder.push(buf.subarray(p, p + CHUNK))
    if (out.errors.length > 0) throw new Error(`decode error: ${out.errors[0].message}`)
  }
  decoder.end()
  return Object.values(decoder.stats.records).reduce((a, b) => a + b, 0)
}

interface Timing { ms: number; records: number }

function timed(fn: () => number): Timing {
  const t = process.hrtime.bigint()
  const records = fn()
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, records }
}

function report(name: string, bytes: number, bare: () => number, full: () => number): void {
  let b: Timing = { ms: Infinity, records: 0 }
  let f: Timing = { ms: Infinity, records: 0 }
  for (let i = 0; i < ROUNDS; i++) {
    const tb = timed(bare)
    const tf = timed(full)
    if (tb.ms < b.ms) b = tb
    if (tf.ms < f.ms) f = tf
  }
  const rate = (r: Timing): string =>
    `${(bytes / 1e6 / (r.ms / 1000)).toFixed(1)} MB/s, ${Math.round(r.records / (r.ms / 1000)).toLocaleString('en')} records/s`
  console.log(`${name}: ${(bytes / 1e6).toFixed(1)} MB, ${f.records.toLocaleString('en')} records`)
  console.log(`  bare framing + JSON.parse : ${rate(b)}  (MB of wire bytes)`)
  console.log(`  createAgentEventDecoder   : ${rate(f)}`)
  console.log(`  ratio decoder/bare        : ${(b.ms / f.ms).toFixed(2)} (target >= 0.5)`)
  if (b.records !== f.records) throw new Error(`record counts differ: bare ${b.records}, decoder ${f.records}`)
}

const legacy = repeat(LEGACY_FILES.map((f) => readFileSync(join(fixtures, f))), TARGET_BYTES)
report('legacy framing (4.4 + 5.0 recordings)', legacy.length, () => bareLegacy(legacy), () => decodeAll(legacy))

const streamOne = readFileSync(join(fixtures, 'netifyd-5.0/stream.bin'))
const indexOne = readFileSync(join(fixtures, 'netifyd-5.0/stream.index'), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[0]))
const copies = Math.ceil(TARGET_BYTES / 2 / streamOne.length)
const stream = repeat([streamOne], copies * streamOne.length)
const streamIndex = Array.from({ length: copies }, () => indexOne).flat()
report('5.x stream channel (bare JSON, no delimiter)', stream.length, () => bareIndexed(stream, streamIndex), () => decodeAll(stream))

/** 5.x `"compressor": "gz"` with legacy framing: header and body each their own gzip member. */
const gzMembers: Buffer[] = []
let gzPlain = 0
for (let p = 0; p < legacy.length && gzPlain < TARGET_BYTES / 4;) {
  const nl = legacy.indexOf(10, p)
  const n = (JSON.parse(legacy.toString('latin1', p, nl)) as { length: number }).length
  gzMembers.push(gzipSync(legacy.subarray(p, nl + 1)), gzipSync(legacy.subarray(nl + 1, nl + 1 + n)))
  gzPlain += nl + 1 + n - p
  p = nl + 1 + n
}
const gz = Buffer.concat(gzMembers)
report(
  `gzip legacy channel (${(gzPlain / 1e6).toFixed(1)} MB inflated)`,
  gz.length,
  () => {
    let records = 0
    for (let i = 1; i < gzMembers.length; i += 2) {
      JSON.parse(gunzipSync(gzMembers[i]).toString('utf8'))
      records++
    }
    return records
  },
  () => decodeAll(gz),
)
