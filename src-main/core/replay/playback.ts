/**
 * One client's replay: the recordings from the start, paced, then the end of the stream (or
 * another pass when looping). Cancellable at any point when the client goes away or the agent
 * closes.
 */
import type { Socket } from 'node:net'
import { planDelays, type PacingOptions } from './pacing'
import type { Recording } from './recording'
import { serializeFrame } from './frame-style'
import { latestTimeMs, shiftRecord, UptimeLine } from './time-shift'

export interface PlaybackOptions extends PacingOptions {
  loop: boolean
  /** Date records when they are sent, keep uptime growing, rename digests from the second pass on (time-shift.ts). */
  live: boolean
  clock: () => number
}

export interface Playback {
  cancel(): void
  /** Settles when the playback ended, was cancelled, or the client went away. */
  readonly done: Promise<void>
}

export function startPlayback(socket: Socket, recordings: Recording[], options: PlaybackOptions): Playback {
  let cancelled = false
  let wake: (() => void) | undefined
  let timer: NodeJS.Timeout | undefined
  const cancel = (): void => {
    cancelled = true
    if (timer) clearTimeout(timer)
    wake?.()
  }
  const pause = (ms: number): Promise<void> => new Promise((resolve) => {
    wake = resolve
    timer = setTimeout(resolve, ms)
  })
  const drained = (): Promise<void> => new Promise((resolve) => {
    wake = resolve
    socket.once('drain', resolve)
  })
  socket.once('close', cancel)
  const plans = recordings.map((r) => planDelays(r.frames.map((f) => f.timeMs), options))
  const uptime = new UptimeLine()

  const playOne = async (recording: Recording, delays: number[], pass: number): Promise<void> => {
    let replayClock: number | undefined
    uptime.nextRecording()
    for (let i = 0; i < recording.frames.length && !cancelled; i++) {
      if (delays[i] > 0) await pause(delays[i])
      else if (i % 256 === 255) await new Promise<void>((resolve) => setImmediate(resolve))
      if (cancelled) return
      const frame = recording.frames[i]
      let bytes = frame.raw
      if (options.live) {
        const sentAt = options.clock()
        const latest = latestTimeMs(frame.value)
        if (latest !== undefined) replayClock = Math.max(replayClock ?? latest, latest)
        const shiftMs = replayClock === undefined ? 0 : sentAt - replayClock
        const live = shiftRecord(frame.value, { shiftMs, pass, uptime: (u) => uptime.map(u, sentAt) })
        bytes = serializeFrame(live, frame.style) ?? frame.raw
      }
      if (!socket.write(bytes)) await drained()
    }
    if (!options.live && recording.tail.length > 0 && !cancelled) socket.write(recording.tail)
  }

  const run = async (): Promise<void> => {
    let pass = 0
    do {
      for (let r = 0; r < recordings.length && !cancelled; r++) await playOne(recordings[r], plans[r], pass)
      pass += 1
    } while (options.loop && !cancelled)
    if (!cancelled) socket.end()
  }
  const done = run().catch(() => {
    socket.destroy()
  })
  return { cancel, done }
}
