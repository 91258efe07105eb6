/**
 * Bytes from one agent connection in, `AgentEvent`s out: framing (detected from the bytes),
 * then record schemas and normalisation. Synchronous, so a connection hands each chunk in and
 * gets back every event decodable so far; bad input is reported, never thrown.
 */
import type { AgentEvent } from '../records/agent-event'
import { normaliseRecord } from '../records/normalise-record'
import type { DecodeError } from './decode-error'
import { createFrameDecoder, type FrameOutput, type FramingInfo } from './frame-decoder'

export type { DecodeError } from './decode-error'

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
  /** Compression, length headers and encoding seen so far (for display). */
  readonly framing: FramingInfo
}

export interface DecoderOptions {
  /** A frame longer than this is refused without allocating it. Default 16 MiB. */
  maxFrameBytes?: number
}

export function createAgentEventDecoder(options: DecoderOptions = {}): AgentEventDecoder {
  const frames = createFrameDecoder(options)
  const stats: DecoderStats = { bytes: 0, records: {}, invalid: 0, unknownTypes: 0, unknownFields: {} }
  const unknownField = (name: string): void => {
    stats.unknownFields[name] = (stats.unknownFields[name] ?? 0) + 1
  }

  const toEvents = (framed: FrameOutput): DecodeOutput => {
    const events: AgentEvent[] = []
    for (const frame of framed.frames) {
      const { type, events: produced } = normaliseRecord(frame.value, frame.offset, unknownField)
      if (type !== undefined) stats.records[type] = (stats.records[type] ?? 0) + 1
      for (const event of produced) {
        if (event.kind === 'invalid') stats.invalid++
        else if (event.kind === 'unknown') stats.unknownTypes++
        events.push(event)
      }
    }
    return { events, errors: framed.errors }
  }

  return {
    stats,
    push(chunk) {
      stats.bytes += chunk.length
      return toEvents(frames.push(chunk))
    },
    end() {
      return toEvents(frames.end())
    },
    get framing() {
      return frames.framing
    },
  }
}
