import { describe, expect, it } from 'vitest'
import { gunzipSync, gzipSync } from 'node:zlib'
import { detectFrameStyle, serializeFrame } from '../../../src-main/core/replay/frame-style'

const value = { type: 'flow', flow: { digest: 'ab', local_ip: 'café' } }

describe('frame style', () => {
  it('writes legacy frames the way the recorded agent did: N counts bytes, trailing newline included', () => {
    for (const raw of ['{"length": 3}\n{}\n', '{"length":3}\n{}\n']) {
      const out = serializeFrame(value, detectFrameStyle(Buffer.from(raw)))!.toString('utf8')
      const [header, ...rest] = out.split('\n')
      const body = `${rest.join('\n')}`
      expect(header.includes(': ')).toBe(raw.includes(': '))
      expect(JSON.parse(header).length).toBe(Buffer.byteLength(body))
      expect(JSON.parse(body)).toEqual(value)
      expect(body.trimEnd().includes('\n')).toBe(false)
    }
  })

  it('keeps pretty-printed bodies pretty', () => {
    const out = serializeFrame(value, detectFrameStyle(Buffer.from('{"length":9}\n{\n    "a": 1\n}\n')))!.toString()
    expect(out).toContain('\n    "type": "flow"')
    expect(JSON.parse(out.slice(out.indexOf('\n') + 1))).toEqual(value)
  })

  it('writes bare JSON without a header or delimiter for stream recordings', () => {
    const out = serializeFrame(value, detectFrameStyle(Buffer.from('{"type":"interfaces"}')))!
    expect(out.toString()).toBe(JSON.stringify(value))
  })

  it('gzips header and body as separate members when the recording was compressed', () => {
    const raw = Buffer.concat([gzipSync('{"length":3}\n'), gzipSync('{}\n')])
    const style = detectFrameStyle(raw)
    expect(style).toMatchObject({ kind: 'legacy', gzip: true })
    const out = serializeFrame(value, style)!
    expect(out[0]).toBe(0x1f)
    const plain = gunzipSync(out).toString()
    expect(JSON.parse(plain.slice(plain.indexOf('\n') + 1))).toEqual(value)
  })

  it('leaves msgpack frames to be sent as recorded', () => {
    expect(detectFrameStyle(Uint8Array.from([0x81, 0xa6]))).toEqual({ kind: 'opaque' })
    expect(serializeFrame(value, { kind: 'opaque' })).toBeUndefined()
  })
})
