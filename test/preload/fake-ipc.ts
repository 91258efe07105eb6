/**
 * In-process stand-ins for Electron's ipcMain and ipcRenderer, wired together: `invoke` runs the
 * handler registered with `handle` (payloads structured-cloned as IPC does), and `sendToRenderer`
 * calls the renderer's listeners with an event object first, as Electron does.
 */
import type { IpcMainLike, InvokeEventLike, SenderFrameLike } from '../../src-main/shell/ipc-routes'
import type { IpcRendererLike } from '../../src-main/preload/preload-api'

type Listener = (event: unknown, ...args: unknown[]) => void

export interface FakeIpc {
  ipcMain: IpcMainLike & { channels(): string[] }
  ipcRenderer: IpcRendererLike & { listenerCount(channel: string): number; invoked: string[] }
  /** The frame the renderer's invokes appear to come from. */
  frame: SenderFrameLike
  sendToRenderer(channel: string, payload: unknown): void
}

export function createFakeIpc(frameUrl: string): FakeIpc {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>()
  const listeners = new Map<string, Set<Listener>>()
  const invoked: string[] = []
  const fake: FakeIpc = {
    frame: { url: frameUrl },
    ipcMain: {
      handle(channel, listener) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        handlers.set(channel, listener)
      },
      removeHandler(channel) { handlers.delete(channel) },
      channels: () => [...handlers.keys()],
    },
    ipcRenderer: {
      invoked,
      async invoke(channel, ...args) {
        invoked.push(channel)
        const handler = handlers.get(channel)
        if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
        const result = await handler({ senderFrame: fake.frame }, ...args.map((a) => structuredClone(a)))
        return structuredClone(result)
      },
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(listener)
      },
      removeListener(channel, listener) { listeners.get(channel)?.delete(listener) },
      listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
    },
    sendToRenderer(channel, payload) {
      const event = { sender: { note: 'the IpcRenderer the page must never see' }, ports: [] }
      for (const l of listeners.get(channel) ?? []) l(event, structuredClone(payload))
    },
  }
  return fake
}
