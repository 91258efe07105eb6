import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createAgentEventDecoder, type DecodeOutput } from '../../../src-main/core/decode/agent-event-decoder'
import { fixture, gzipLegacy, legacyPayloads } from './recordings'

function decodeAll(chunks: Uint8Array[], maxFrameBytes?: number): DecodeOutput & { stats: ReturnType<typeof createAgentEventDecoder>['stats'] } {
  const decoder = createAgentEventDecoder({ maxFrameBytes })
  const out: DecodeOutput = { events: [], errors: [] }
  for (const r of [...chunks.map((c) => decoder.push(c)), decoder.end()]) {
    out.events.push(...r.events)
    out.errors.push(...r.errors)
  }
  return { ...out, stats: decoder.stats }
}

const legacy = (record: unknown, space = ''): Buffer => {
  const body = `${JSON.stringify(record)}\n`
  return Buffer.from(`{"length":${space}${Buffer.byteLength(body)}}\n${body}`)
}

const recording = fixture('netifyd-4.4/03-dns.raw')
const payloads = legacyPayloads(recording)
const head = recording.subarray(0, payloads[3].offset)
const tail = recording.subarray(payloads[3].offset)
const tailCount = payloads.length - 3

describe('a frame larger than the limit', () => {
  it('an absurd length header is refused, and the frames after it still decode', () => {
    const bogus = Buffer.from('{"length": 999999999999}\n')
    const out = decodeAll([head, bogus, tail])
    expect(out.errors).toEqual([{ offset: head.length, message: expect.stringContaining('refused'), fatal: false }])
    expect(out.stats.records).toEqual(decodeAll([recording]).stats.records)
  })

  it('a real body over the limit is skipped exactly, without holding it', () => {
    const big = legacy({ type: 'definitions', applications: Array.from({ length: 2000 }, (_, id) => ({ id, tag: `app-${id}` })) })
    expect(big.length).toBeGreaterThan(40_000)
    const out = decodeAll([head, big, tail], 30_000)
    expect(out.errors).toEqual([{ offset: head.length, message: expect.stringContaining('refused'), fatal: false }])
    const after = out.events.filter((e) => e.offset >= head.length)
    expect(after[0].offset).toBe(head.length + big.length)
    expect(new Set(after.map((e) => e.offset)).size).toBe(tailCount)
  })

  it('memory stays flat while a 64 MiB body streams past a 1 MiB limit', () => {
    const decoder = createAgentEventDecoder({ maxFrameBytes: 1 << 20 })
    const n = 64 << 20
    decoder.push(Buffer.from(`{"length":${n}}\n`))
    const chunk = Buffer.alloc(64 << 10, 0x41)
    const before = process.memoryUsage().arrayBuffers
    let peak = before
    for (let sent = 0; sent < n; sent += chunk.length) {
      decoder.push(chunk)
      peak = Math.max(peak, process.memoryUsage().arrayBuffers)
    }
    const out = decoder.push(legacy({ type: 'agent_hello', agent_version: '5.0.7' }))
    expect(peak - before).toBeLessThan(8 << 20)
    expect(out.events).toEqual([{ kind: 'hello', agent_version: '5.0.7', offset: n + `{"length":${n}}\n`.length }])
  })
})

describe('garbage and damage', () => {
  it('garbage between frames: one error at its offset, later frames decode', () => {
    const junk = Buffer.from('GARBAGE\x00\xff\xfe not json at all')
    const out = decodeAll([head, junk, tail])
    expect(out.errors).toEqual([{ offset: head.length, message: expect.any(String), fatal: false }])
    expect(new Set(out.events.filter((e) => e.offset > head.length).map((e) => e.offset)).size).toBe(tailCount)
  })

  it('garbage inside a 5.x bare stream: later objects decode', () => {
    const stream = fixture('netifyd-5.0/stream.bin')
    const cut = 4000
    const out = decodeAll([stream.subarray(0, cut), Buffer.from('}}]]"oops'), stream.subarray(cut + 50)])
    expect(out.errors.length).toBeGreaterThan(0)
    expect(out.errors[0].fatal).toBe(false)
    const whole = decodeAll([stream])
    expect(out.events.length).toBeGreaterThan(whole.events.length - 5)
    expect(out.events.at(-1)).toEqual({ ...whole.events.at(-1), offset: expect.any(Number) })
  })

  it('binary garbage at the start of a stream is no known framing: fatal', () => {
    const decoder = createAgentEventDecoder()
    const out = decoder.push(Buffer.from([0x00, 0x13, 0x37, 0xff, 0x10]))
    expect(out.errors).toEqual([{ offset: 0, message: expect.stringContaining('unreadable'), fatal: true }])
    expect(decoder.push(recording).events).toEqual([])
  })

  it('a truncated final frame is reported at its offset, not fatal', () => {
    const cut = recording.subarray(0, recording.length - 10)
    const out = decodeAll([cut])
    expect(out.errors).toEqual([{ offset: payloads.at(-1)?.offset, message: expect.stringContaining('truncated'), fatal: false }])
    expect(new Set(out.events.map((e) => e.offset)).size).toBe(payloads.length - 1)
  })

  it('a corrupt gzip member is dropped and the members after it decode', () => {
    const records = payloads.slice(0, 12).map((p) => p.record)
    const framed = gzipLegacy(records)
    const damaged = Buffer.from(framed.bytes)
    const victim = framed.offsets[5]
    damaged.fill(0xaa, victim + 12, victim + 20)
    const out = decodeAll([damaged])
    expect(out.errors.length).toBeGreaterThan(0)
    expect(out.errors.every((e) => !e.fatal && e.offset >= victim)).toBe(true)
    const offsets = new Set(out.events.map((e) => e.offset))
    expect(offsets.has(framed.offsets[4])).toBe(true)
    expect(offsets.has(framed.offsets[11])).toBe(true)
  })

  it('a gzip bomb is refused at the limit', () => {
    const bomb = gzipSync(Buffer.alloc(8 << 20, 0x20))
    const out = decodeAll([gzipSync('{"length":8388608}\n'), bomb, gzipLegacy([{ type: 'agent_hello', agent_version: '5.0.7' }]).bytes], 1 << 20)
    expect(out.errors.some((e) => /refused/.test(e.message))).toBe(true)
    expect(out.events.at(-1)).toMatchObject({ kind: 'hello', agent_version: '5.0.7' })
  })

  it('randomly damaged input never throws and keeps decoding', () => {
    let seed = 42
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 20; round++) {
      const bytes = Buffer.from(recording.subarray(0, 20_000))
      for (let k = 0; k < 10; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256)
      const chunks: Buffer[] = []
      for (let p = 0; p < bytes.length;) {
        const n = 1 + Math.floor(rand() * 3000)
        chunks.push(bytes.subarray(p, p + n))
        p += n
      }
      const out = decodeAll(chunks)
      expect(out.events.length).toBeGreaterThan(0)
      for (const e of out.errors) expect(e.offset).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('records that are not what they should be', () => {
  const flow = payloads.find((p) => p.record.type === 'flow')?.record as { flow: Record<string, unknown> }

  it('a wrong-typed field is an invalid event with its path and offset; the stream goes on', () => {
    const bad = legacy({ ...flow, flow: { ...flow.flow, local_port: '443' } }, ' ')
    const out = decodeAll([head, bad, tail])
    expect(out.errors).toEqual([])
    expect(out.events.filter((e) => e.kind === 'invalid')).toEqual([
      { kind: 'invalid', type: 'flow', path: 'flow.local_port', message: expect.any(String), offset: head.length },
    ])
    expect(out.stats.invalid).toBe(1)
    expect(new Set(out.events.filter((e) => e.offset > head.length).map((e) => e.offset)).size).toBe(tailCount)
  })

  it('non-objects and objects without a string type are invalid, not fatal', () => {
    const out = decodeAll([legacy([1, 2]), legacy({ flow: {} }), legacy({ type: 7 }), legacy({ type: 'agent_hello', agent_version: '4.4.0' })])
    expect(out.events.map((e) => e.kind)).toEqual(['invalid', 'invalid', 'invalid', 'hello'])
    expect(out.stats.invalid).toBe(3)
  })

  it('an unknown record type (5.x flow_intel) is counted and shown, never fatal', () => {
    const intel = JSON.parse(fixture('docs-v5-examples/netify-telemetry-intelligence.examples.json').toString()) as Array<Record<string, unknown>>
    const out = decodeAll([Buffer.concat(intel.map((r) => legacy(r))), legacy({ type: 'agent_hello', agent_version: '5.2.0' })])
    expect(out.errors).toEqual([])
    expect(out.events.filter((e) => e.kind === 'unknown')).toEqual(intel.map((record) => ({ kind: 'unknown', type: 'flow_intel', record, offset: expect.any(Number) })))
    expect(out.stats.unknownTypes).toBe(intel.length)
    expect(out.stats.records.flow_intel).toBe(intel.length)
    expect(out.events.at(-1)?.kind).toBe('hello')
  })
})
