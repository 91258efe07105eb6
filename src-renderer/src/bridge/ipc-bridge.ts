/**
 * The Electron bridge: the contract's `Bridge` over the narrow API the preload exposes as
 * `window.netify` (src-main/preload/preload-api.ts, whose type is taken from the code itself).
 * The main process answers every request with `{ ok, result | error }`; a failure becomes a
 * `BridgeError` carrying the core's readable message, exactly as on the WebSocket bridge.
 */
import type { Bridge, PushName, PushTypes, RequestName, RequestPayload, RequestResponse } from '@contract/contract'
import type { NetifyApi } from '../../../src-main/preload/preload-api'
import { BridgeError } from './bridge-error'

declare global {
  interface Window {
    /** Present only inside the Electron app, where the preload exposes it. */
    netify?: NetifyApi
  }
}

/**
 * Payloads cross as plain JSON, as on the WebSocket bridge: this also turns Vue's reactive
 * proxies (which IPC cannot clone) into plain objects.
 */
function plain(payload: unknown): unknown {
  return payload === undefined ? undefined : JSON.parse(JSON.stringify(payload))
}

/** `api` defaults to the preload's `window.netify`; tests pass one wired to a fake main process. */
export function createIpcBridge(api: NetifyApi | undefined = typeof window === 'undefined' ? undefined : window.netify): Bridge {
  if (!api) throw new Error('The IPC bridge is not available: not in Electron')
  return {
    async request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<RequestResponse<N>> {
      const response = await api.request(name, plain(payload) as RequestPayload<N>)
      if (!response.ok) throw new BridgeError(response.error)
      return response.result as RequestResponse<N>
    },
    on<P extends PushName>(name: P, listener: (payload: PushTypes[P]) => void): () => void {
      return api.on(name, listener)
    },
  }
}
