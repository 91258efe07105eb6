/**
 * Wait until a stream that refused a write can take more, or is gone. Unlike `events.once` it
 * never rejects: a closed pipe (`tail | head`) is an ordinary way for output to end.
 */
import type { Writable } from 'node:stream'

export function writable(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('error', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('error', done)
    stream.on('close', done)
  })
}
