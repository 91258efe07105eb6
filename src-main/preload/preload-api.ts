/**
 * The one object the preload hands to the renderer (`window.netify`), built from an
 * `ipcRenderer`-like object so it runs and is tested in plain Node.
 *
 * It exposes no channel names and no `ipcRenderer`: `request` accepts only the contract's
 * request names and `on` only its push names; listeners get the payload, never the IPC event
 * (whose `sender` would hand the page an `ipcRenderer`).
 */
import type { BridgeErrorPayload, PushName, PushTypes, RequestName, RequestPayload } from '../contract/contract'
import { isPushName, isRequestName, pushChannel, requestChannel } from './channels'

/** What a request resolves to across IPC: errors travel as values, never as thrown Errors (which IPC flattens into a prefixed string). */
export type IpcResponse = { ok: true; result: unknown } | { ok: false; error: BridgeErrorPayload }

/** The part of Electron's `ipcRenderer` the API needs. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

function refused(code: BridgeErrorPayload['code'], message: string): Promise<IpcResponse> {
  return Promise.resolve({ ok: false, error: { code, message } })
}

function isIpcResponse(value: unknown): value is IpcResponse {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/** Builds the narrow API; `preload.ts` passes Electron's `ipcRenderer` and exposes the result. */
export function createPreloadApi(ipc: IpcRendererLike) {
  return Object.freeze({
    /** Sends one request on its fixed channel; an unknown name never reaches IPC. */
    request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<IpcResponse> {
      if (!isRequestName(name)) return refused('unknown_request', `unknown request "${String(name).slice(0, 100)}"`)
      return ipc.invoke(requestChannel(name), payload).then(
        (value): IpcResponse => (isIpcResponse(value) ? value : { ok: false, error: { code: 'failed', message: 'Malformed response from the main process' } }),
        (err: unknown): IpcResponse => ({ ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } }),
      )
    },
    /** Subscribes to one pushed message kind; returns the unsubscribe. */
    on<P extends PushName>(name: P, listener: (payload: PushTypes[P]) => void): () => void {
      if (!isPushName(name)) throw new TypeError(`Unknown push message: ${String(name).slice(0, 100)}`)
      if (typeof listener !== 'function') throw new TypeError('listener must be a function')
      const channel = pushChannel(name)
      const relay = (_event: unknown, payload: unknown): void => listener(payload as PushTypes[P])
      ipc.on(channel, relay)
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        ipc.removeListener(channel, relay)
      }
    },
  })
}

/** The renderer's view of `window.netify`, derived from the code rather than written twice. */
export type NetifyApi = ReturnType<typeof createPreloadApi>

/** The global name the preload exposes the API under. */
export const API_GLOBAL_NAME = 'netify'
