/**
 * The only timer of the publisher: ticks the hub and gives each UI client its `ClientSession`.
 *
 * The tick is shorter than the batch interval so a batch leaves close to when it is due; a tick
 * with nothing pending costs one drain of an empty change set. The timer keeps draining while no
 * client is attached (a window closed to the tray), so the model's change set stays small.
 */
import type { ClientSession, PushSender } from '../app/app-core-types'
import { PublisherHub } from './publisher-hub'
import type { ViewSource } from './view-source'

export const DEFAULT_TICK_MS = 50

export interface PublisherLoopOptions {
  source: ViewSource
  now?: () => number
  setInterval?: (tick: () => void, ms: number) => unknown
  clearInterval?: (handle: unknown) => void
  tickMs?: number
  onSendError?: (err: unknown) => void
}

export interface PublisherLoop {
  /** What `AppCore.attachClient` returns: the client gets its first snapshot at once. */
  attach(send: PushSender): ClientSession
  readonly clientCount: number
  /** Stops the timer; attached sessions get nothing more. */
  stop(): void
}

export function startPublisherLoop(options: PublisherLoopOptions): PublisherLoop {
  const now = options.now ?? Date.now
  const schedule = options.setInterval ?? ((tick, ms) => setInterval(tick, ms))
  const cancel = options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout))
  const hub = new PublisherHub(options.source, { onSendError: options.onSendError })
  let stopped = false
  const handle = schedule(() => { if (!stopped) hub.tick(now()) }, options.tickMs ?? DEFAULT_TICK_MS)
  return {
    attach(send) {
      const client = hub.attach(send, now())
      return {
        setVisible: (visible) => client.setVisible(visible),
        resync: () => client.resync(now()),
        snapshot: () => client.snapshot(now()),
        close: () => client.close(),
      }
    },
    get clientCount() {
      return hub.size
    },
    stop() {
      stopped = true
      cancel(handle)
    },
  }
}
