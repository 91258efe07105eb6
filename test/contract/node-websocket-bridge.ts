/**
 * The client side of the WebSocket bridge for Node tests: the same `Bridge` the renderer gets,
 * over the `ws` package instead of the browser's WebSocket.
 */
import { WebSocket } from 'ws'
import type {
  Bridge, BridgeErrorPayload, PushName, PushTypes, RequestName, RequestPayload, RequestResponse,
} from '../../src-main/contract/contract'
import type { ServerMessage } from '../../src-main/contract/wire-messages'

/** A rejected request: the message is for the user, the code for the program. */
export class BridgeRequestError extends Error {
  constructor(readonly code: BridgeErrorPayload['code'], message: string) {
    super(message)
    this.name = 'BridgeRequestError'
  }
}

export interface NodeBridge extends Bridge {
  readonly socket: WebSocket
  close(): Promise<void>
}

interface Pending {
  resolve: (value: unknown) => void
  reject: (err: Error) => void
}

/** Connects at once; requests made before the socket opens wait for it. */
export function connectNodeBridge(url: string, origin: string): NodeBridge {
  const socket = new WebSocket(url, { origin })
  const pending = new Map<number, Pending>()
  const listeners = new Map<PushName, Set<(payload: never) => void>>()
  const disconnected = () => new BridgeRequestError('disconnected', 'the connection to the monitor closed')
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('close', () => reject(disconnected()))
  })
  opened.catch(() => undefined)
  let nextId = 1
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage
    if (message.type === 'push') {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload as never)
      return
    }
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.ok) waiter?.resolve(message.result)
    else waiter?.reject(new BridgeRequestError(message.error.code, message.error.message))
  })
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(disconnected())
    pending.clear()
  })
  socket.on('error', () => undefined)
  return {
    socket,
    async request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<RequestResponse<N>> {
      await opened
      const id = nextId++
      const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }))
      socket.send(JSON.stringify({ type: 'request', id, name, payload }))
      return result as Promise<RequestResponse<N>>
    },
    on<P extends PushName>(name: P, listener: (payload: PushTypes[P]) => void) {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener as (payload: never) => void)
      return () => { set.delete(listener as (payload: never) => void) }
    },
    close() {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve()
      return new Promise((resolve) => {
        socket.once('close', () => resolve())
        socket.close()
      })
    },
  }
}
