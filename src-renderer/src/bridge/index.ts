/**
 * The renderer's one way to the core. In Electron the preload exposes `window.netify` and the
 * IPC bridge is used; in a browser (web mode) the WebSocket bridge is. Views and stores call
 * `getBridge()` and never know which.
 */
import type { Bridge } from '@contract/contract'
import { createIpcBridge } from './ipc-bridge'
import { createWsBridge, webSocketUrl } from './ws-bridge'

let current: Bridge | undefined

function createDefaultBridge(): Bridge {
  if (window.netify) return createIpcBridge()
  return createWsBridge({ url: webSocketUrl(window.location) })
}

export function getBridge(): Bridge {
  current ??= createDefaultBridge()
  return current
}

/** Installs a specific bridge (tests install an in-memory one before mounting). */
export function setBridge(bridge: Bridge): void {
  current = bridge
}
