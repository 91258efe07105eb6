/**
 * A recording split into frames, each with its exact bytes, parsed value, time and framing style.
 *
 * The replay agent plays these frames: the exact bytes when replaying as recorded, the value
 * (time-shifted) when replaying as live. Bytes between frames (a corrupt record the decoder
 * skipped, trailing garbage) stay attached to the next frame so an exact replay reproduces the
 * stream byte for byte, faults included.
 */
import { readFile } from 'node:fs/promises'
import { createFrameDecoder } from '../decode/frame-decoder'
import { detectFrameStyle, type FrameStyle } from './frame-style'
import { recordTimeMs } from './pacing'

export interface RecordedFrame {
  /** The bytes to send as recorded (including any unframed bytes before this frame). */
  raw: Buffer
  value: unknown
  timeMs?: number
  style: FrameStyle
}

export interface Recording {
  file: string
  frames: RecordedFrame[]
  /** Bytes after the last complete frame (sent as recorded at the end of an exact replay). */
  tail: Buffer
}

/** The recording cannot be used: missing file or framing nothing can read. */
export class RecordingError extends Error {
  override name = 'RecordingError'
}

export async function loadRecording(file: string, maxFrameBytes?: number): Promise<Recording> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new RecordingError(`cannot read recording ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  return { file, ...splitRecording(bytes, file, maxFrameBytes) }
}

/** Split a whole recording into frames; throws `RecordingError` on a fatal framing error. */
export function splitRecording(bytes: Buffer, label: string, maxFrameBytes?: number): Omit<Recording, 'file'> {
  const decoder = createFrameDecoder({ maxFrameBytes })
  const pushed = decoder.push(bytes)
  const ended = decoder.end()
  const fatal = [...pushed.errors, ...ended.errors].find((e) => e.fatal)
  if (fatal) throw new RecordingError(`unreadable recording ${label} at byte ${fatal.offset}: ${fatal.message}`)
  const frames: RecordedFrame[] = []
  let sent = 0
  for (const frame of [...pushed.frames, ...ended.frames]) {
    const timeMs = recordTimeMs(frame.value)
    frames.push({
      raw: bytes.subarray(sent, frame.end),
      value: frame.value,
      timeMs,
      style: detectFrameStyle(bytes.subarray(frame.offset, frame.end)),
    })
    sent = frame.end
  }
  if (frames.length === 0) throw new RecordingError(`recording ${label} holds no readable record`)
  return { frames, tail: bytes.subarray(sent) }
}
