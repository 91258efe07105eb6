import { describe, expect, it } from 'vitest'
import { createAgentEventDecoder, type DecodeOutput } from '../../../src-main/core/decode/agent-event-decoder'
import type { AgentEvent } from '../../../src-main/core/records/agent-event'
import {
  countTypes, fixture, gzipLegacy, gzipStream, indexedPayloads, LEGACY_4X, LEGACY_5X, legacyPayloads, msgpackLegacy,
  STREAM_5X,
} from './recordings'

function decode(chunks: Uint8Array[]): DecodeOutput & { stats: ReturnType<typeof createAgentEventDecoder>['stats'] } {
  const decoder = createAgentEventDecoder()
  const out: DecodeOutput = { events: [], errors: [] }
  for (const c of [...chunks.map((c) => decoder.push(c)), decoder.end()]) {
    out.events.push(...c.events)
    out.errors.push(...c.errors)
  }
  return { ...out, stats: decoder.stats }
}

const withoutOffsets = (events: AgentEvent[]): unknown[] => events.map(({ offset: _offset, ...rest }) => rest)

function byteByByte(bytes: Buffer): Uint8Array[] {
  return Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1))
}

/** The first split position whose output differs from one push, or -1. */
function firstBadSplit(bytes: Buffer, step = 1): number {
  const whole = JSON.stringify(decode([bytes]))
  for (let at = 1; at < bytes.length; at += step) {
    if (JSON.stringify(decode([bytes.subarray(0, at), bytes.subarray(at)])) !== whole) return at
  }
  return -1
}

describe('every recording decodes completely', () => {
  for (const name of [...LEGACY_4X, ...LEGACY_5X]) {
    it(`${name}: zero errors, record counts equal to a plain length-header reading`, () => {
      const payloads = legacyPayloads(fixture(name))
      const out = decode([fixture(name)])
      expect(out.errors).toEqual([])
      expect(out.stats.records).toEqual(countTypes(payloads.map((p) => p.record)))
      expect(out.stats.invalid).toBe(0)
      expect(out.events.filter((e) => e.kind === 'invalid')).toEqual([])
      expect(new Set(out.events.map((e) => e.offset))).toEqual(new Set(payloads.map((p) => p.offset)))
    })
  }

  it('5.x stream channel (bare JSON back to back): counts equal to the recording index', () => {
    const payloads = indexedPayloads(STREAM_5X)
    const out = decode([fixture(STREAM_5X)])
    expect(out.errors).toEqual([])
    expect(out.stats.records).toEqual(countTypes(payloads.map((p) => p.record)))
    expect(out.events.map((e) => e.offset)).toEqual(payloads.map((p) => p.offset))
  })

  it('pretty-printed legacy bodies decode to the same events as the compact channel', () => {
    const pretty = decode([fixture('netifyd-5.0/pretty/legacy.bin')])
    const digests = pretty.events.flatMap((e) => (e.kind === 'flow' ? [e.flow.digest] : []))
    expect(digests.length).toBe(legacyPayloads(fixture('netifyd-5.0/pretty/legacy.bin')).filter((p) => p.record.type === 'flow').length)
    const reread = legacyPayloads(fixture('netifyd-5.0/pretty/legacy.bin')).map((p) => p.record)
    const compact = Buffer.concat(reread.map((r) => {
      const body = `${JSON.stringify(r)}\n`
      return Buffer.from(`{"length":${Buffer.byteLength(body)}}\n${body}`)
    }))
    expect(withoutOffsets(pretty.events)).toEqual(withoutOffsets(decode([compact]).events))
  })

  it('a pretty-printed 5.x stream channel (no length headers) decodes like the compact one', () => {
    const records = indexedPayloads(STREAM_5X).map((p) => p.record).slice(0, 200)
    const compact = decode([Buffer.from(records.map((r) => JSON.stringify(r)).join(''))])
    const pretty = Buffer.from(records.map((r) => JSON.stringify(r, null, 4)).join('\n'))
    for (const out of [decode([pretty]), decode(byteByByte(pretty))]) {
      expect(out.errors).toEqual([])
      expect(withoutOffsets(out.events)).toEqual(withoutOffsets(compact.events))
    }
  })

  it('multi-byte UTF-8 (café, 日本語, emoji) comes out as text, whatever the chunking', () => {
    const bytes = fixture('netifyd-4.4/10-utf8.raw')
    for (const out of [decode([bytes]), decode(byteByByte(bytes))]) {
      const flows = out.events.flatMap((e) => (e.kind === 'flow' ? [e.flow] : []))
      const text = JSON.stringify(flows)
      expect(text).toContain('café-ü-日本語-🙂.example/menü/日本語/index.html?q=🙂&name=José')
      expect(flows.some((f) => f.ssdp?.['user-agent'] === 'Wohnzimmer-Fernseher/1.0 UPnP/1.1 Ünïcødé 日本語 🙂')).toBe(true)
      expect(flows.some((f) => f.dhcp?.class_ident === 'MSFT 5.0 café-日本語-🙂')).toBe(true)
      expect(flows.some((f) => f.ssh?.client === 'SSH-2.0-OpenSSH_9.2p1 Ωμέγα')).toBe(true)
      expect(text).not.toContain('\uFFFD')
    }
  })
})

/** Splitting at every byte decodes the input once per byte: tens of thousands of decodes. */
const SPLIT_TIMEOUT = 180_000

describe('chunking never changes the result', () => {
  const legacyHead = (() => {
    const bytes = fixture('netifyd-4.4/10-utf8.raw')
    const cut = legacyPayloads(bytes).find((p) => p.offset >= 30_000)?.offset ?? bytes.length
    return bytes.subarray(0, cut)
  })()
  const somePayloads = legacyPayloads(fixture('netifyd-5.0/legacy.bin')).slice(0, 40).map((p) => p.record)

  it('a 4.4 recording split at every byte of its first 30 KB', () => {
    expect(legacyHead.length).toBeGreaterThan(29_000)
    expect(firstBadSplit(legacyHead)).toBe(-1)
  }, SPLIT_TIMEOUT)

  it('the pretty-printed recording split at every byte', () => {
    expect(firstBadSplit(fixture('netifyd-5.0/pretty/legacy.bin'))).toBe(-1)
  }, SPLIT_TIMEOUT)

  it('gzip and msgpack variants split at every byte', () => {
    const few = somePayloads.slice(0, 16)
    expect(firstBadSplit(gzipLegacy(few).bytes)).toBe(-1)
    expect(firstBadSplit(msgpackLegacy(few, true).bytes)).toBe(-1)
    expect(firstBadSplit(msgpackLegacy(few).bytes)).toBe(-1)
  }, SPLIT_TIMEOUT)

  it('byte-by-byte feeding gives the same events as one push', () => {
    const samples = [
      fixture('netifyd-4.4/01-tls-https.raw'),
      fixture(STREAM_5X).subarray(0, 100_000),
      fixture('netifyd-5.0/pretty/legacy.bin'),
      gzipLegacy(somePayloads).bytes,
      gzipStream(somePayloads).bytes,
      msgpackLegacy(somePayloads, true).bytes,
    ]
    for (const bytes of samples) {
      const whole = decode([bytes])
      const trickled = decode(byteByByte(bytes))
      expect(trickled.events).toEqual(whole.events)
      expect(trickled.errors).toEqual(whole.errors)
    }
  })
})

describe('gzip and msgpack as a 5.x agent frames them', () => {
  const plain = fixture('netifyd-5.0/legacy.bin')
  const records = legacyPayloads(plain).map((p) => p.record)
  const reference = withoutOffsets(decode([plain]).events)

  const variants = {
    'gzip, legacy framing (header and body separate members)': gzipLegacy(records),
    'gzip, stream channel (one member per payload)': gzipStream(records),
    'msgpack length map + msgpack body': msgpackLegacy(records),
    'gzip + msgpack': msgpackLegacy(records, true),
  }
  for (const [name, framed] of Object.entries(variants)) {
    it(`${name}: the same events as the plain recording, at the frames' raw offsets`, () => {
      const out = decode([framed.bytes])
      expect(out.errors).toEqual([])
      expect(withoutOffsets(out.events)).toEqual(reference)
      expect(out.events.map((e) => e.offset)).toEqual(framed.offsets)
      expect(out.stats.records).toEqual(countTypes(records))
    })
  }
})
