/**
 * Main-side IPC: one `handle` per contract request, each refusing callers other than the app's
 * own main frame and passing the payload to the core's dispatcher, which validates it with zod.
 * Takes an `ipcMain`-like object so it is tested in plain Node.
 */
import type { BridgeErrorPayload, RequestName } from '../contract/contract'
import type { IpcResponse } from '../preload/preload-api'
import { REQUEST_NAMES, requestChannel } from '../preload/channels'

/** The part of a frame the sender check reads (Electron's `WebFrameMain`). */
export interface SenderFrameLike {
  readonly url: string
}

/** The part of an invoke event the routes read. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null
}

/** The part of Electron's `ipcMain` the routes need. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

/** The core dispatcher's call: validates the payload, runs the handler, never throws. */
export type RequestDispatch = (name: RequestName, payload: unknown) => Promise<IpcResponse> | IpcResponse

export interface IpcRoutesOptions {
  ipcMain: IpcMainLike
  dispatch: RequestDispatch
  isTrustedSender: (frame: SenderFrameLike | null) => boolean
  /** Told about refused callers and dispatcher crashes (the caller gets an error value either way). */
  log?: (message: string) => void
}

function failure(code: BridgeErrorPayload['code'], message: string): IpcResponse {
  return { ok: false, error: { code, message } }
}

/**
 * The sender check: the request must come from the window's own main frame (not an iframe or
 * another window) showing the app (not a page it navigated to).
 */
export function createSenderCheck(
  mainFrame: () => unknown,
  isAppUrl: (url: string) => boolean,
): (frame: SenderFrameLike | null) => boolean {
  return (frame) => frame !== null && frame === mainFrame() && isAppUrl(frame.url)
}

async function route(options: IpcRoutesOptions, name: RequestName, event: InvokeEventLike, payload: unknown): Promise<IpcResponse> {
  if (!options.isTrustedSender(event.senderFrame)) {
    options.log?.(`Refused ${name} from an untrusted frame: ${event.senderFrame?.url.slice(0, 200) ?? '(none)'}`)
    return failure('invalid_request', 'Request refused: not sent by the app window')
  }
  try {
    return await options.dispatch(name, payload)
  } catch (err) {
    options.log?.(`${name} failed: ${err instanceof Error ? err.message : String(err)}`)
    return failure('failed', `${name} failed`)
  }
}

/** Registers every contract request and returns the function that removes them again. */
export function registerIpcRoutes(options: IpcRoutesOptions): () => void {
  for (const name of REQUEST_NAMES) {
    options.ipcMain.handle(requestChannel(name), (event, payload) => route(options, name, event, payload))
  }
  return () => {
    for (const name of REQUEST_NAMES) options.ipcMain.removeHandler(requestChannel(name))
  }
}
