/**
 * Quitting and closing. Quit waits for the core to close its sockets and flush the database;
 * closing the window keeps the app in the tray when the user asked for that.
 */
import type { ShellTimers } from './tray-controller'

/** A stuck flush must not keep a quitting app alive forever. */
export const STOP_TIMEOUT_MS = 10_000

export interface QuitCoordinatorOptions {
  stop(): Promise<void>
  /** `app.quit()`: called again once the core stopped, and this time let through. */
  quit(): void
  timers: ShellTimers
  log(message: string): void
}

export interface QuitCoordinator {
  /** For `app.on('before-quit')`: holds the quit until `stop()` settles. */
  onBeforeQuit(event: { preventDefault(): void }): void
  /** True from the first quit request on: window `close` events must not hide to the tray then. */
  quitting(): boolean
}

export function createQuitCoordinator(options: QuitCoordinatorOptions): QuitCoordinator {
  let phase: 'running' | 'stopping' | 'stopped' = 'running'
  const finish = (): void => {
    if (phase === 'stopped') return
    phase = 'stopped'
    options.quit()
  }
  return {
    onBeforeQuit(event) {
      if (phase === 'stopped') return
      event.preventDefault()
      if (phase === 'stopping') return
      phase = 'stopping'
      const timer = options.timers.setTimeout(() => {
        options.log(`The core did not stop within ${STOP_TIMEOUT_MS / 1000} s; quitting anyway`)
        finish()
      }, STOP_TIMEOUT_MS)
      options
        .stop()
        .catch((err: unknown) => options.log(`Stopping the core failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          options.timers.clearTimeout(timer)
          finish()
        })
    },
    quitting: () => phase !== 'running',
  }
}

export type CloseDecision = 'hide' | 'close'

/** Window `close`: hide to the tray if the setting says so and a tray exists, unless quitting. */
export function decideWindowClose(input: { quitting: boolean; closeToTray: boolean; hasTray: boolean }): CloseDecision {
  return !input.quitting && input.closeToTray && input.hasTray ? 'hide' : 'close'
}
