/**
 * Bytes from one agent connection in, `AgentEvent`s out.
 *
 * TEMPORARY STUB (legacy framing, plain JSON only) so other modules can build against the API
 * while the real decoder (framing auto-detection, gzip, msgpack, zod schemas, normalisation)
 * is written. The exported API below is the contract; keep it.
 */
import type { AgentEvent } from '../records/agent-event'

export interface DecodeError {
  /** Byte offset in the raw stream where the problem was found. */
  offset: number
  message: string
  /** true when the decoder gave up on this stream: the framing is unreadable. */
  fatal: boolean
}

export interface DecodeOutput {
  events: AgentEvent[]
  errors: DecodeError[]
}

export interface DecoderStats {
  bytes: number
  records: Record<string, number>
  invalid: number
  unknownTypes: number
  unknownFields: Record<string, number>
}

export interface AgentEventDecoder {
  push(chunk: Uint8Array): DecodeOutput
  /** The stream ended: flush, and report a truncated frame if one is pending. */
  end(): DecodeOutput
  readonly stats: DecoderStats
}

export interface DecoderOptions {
  /** A frame longer than this is refused without allocating it. Default 16 MiB. */
  maxFrameBytes?: number
}

export function createAgentEventDecoder(_options: DecoderOptions = {}): AgentEventDecoder {
  let buf = Buffer.alloc(0)
  let base = 0
  const stats: DecoderStats = { bytes: 0, records: {}, invalid: 0, unknownTypes: 0, unknownFields: {} }
  const drain = (): DecodeOutput => {
    const out: DecodeOutput = { events: [], errors: [] }
    for (;;) {
      const nl = buf.indexOf(10)
      if (nl < 0) break
      const n = JSON.parse(buf.subarray(0, nl).toString()).length as number
      if (buf.length < nl + 1 + n) break
      const rec = JSON.parse(buf.subarray(nl + 1, nl + 1 + n).toString())
      stats.records[rec.type] = (stats.records[rec.type] ?? 0) + 1
      out.events.push({ kind: 'unknown', type: rec.type, record: rec, offset: base })
      base += nl + 1 + n
      buf = buf.subarray(nl + 1 + n)
    }
    return out
  }
  return {
    stats,
    push(chunk) {
      stats.bytes += chunk.length
      buf = Buffer.concat([buf, chunk])
      return drain()
    },
    end() {
      return drain()
    },
  }
}
