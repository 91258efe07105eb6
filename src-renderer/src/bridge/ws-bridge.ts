/**
 * The WebSocket bridge used in web mode: the same `Bridge` as Electron IPC, carried as JSON
 * envelopes (wire-messages.ts). It reconnects with backoff and reports its state, and a request
 * never hangs: it is rejected with a readable error when the socket closes.
 */
import type { Bridge, PushName, PushTypes, RequestName, RequestPayload, RequestResponse } from '@contract/contract'
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM, type RequestMessage, type ServerMessage } from '@contract/wire-messages'
import { reconnectDelayMs } from './backoff'
import { BridgeError } from './bridge-error'
import type { BridgeConnectionState, ConnectionListener, ObservableConnection } from './connection-state'

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: Event) => unknown) | null
  onclose: ((ev: CloseEvent) => unknown) | null
  onerror: ((ev: Event) => unknown) | null
  onmessage: ((ev: MessageEvent) => unknown) | null
}

export interface WsBridgeOptions {
  url: string
  /** Injected for tests; the browser's WebSocket otherwise. */
  createSocket?: (url: string) => SocketLike
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export type WsBridge = Bridge & ObservableConnection & { close(): void }

interface Pending {
  resolve: (v: unknown) => void
  reject: (e: Error) => void
}

/** The bridge URL for the page being shown: same host, the token from the page's query. */
export function webSocketUrl(loc: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:'
  const token = new URLSearchParams(loc.search).get(WEB_TOKEN_PARAM) ?? ''
  return `${scheme}//${loc.host}${WEB_SOCKET_PATH}?${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`
}

function isServerMessage(x: unknown): x is ServerMessage {
  if (typeof x !== 'object' || x === null) return false
  const m = x as { type?: unknown; id?: unknown; name?: unknown }
  return (m.type === 'response' && typeof m.id === 'number') || (m.type === 'push' && typeof m.name === 'string')
}

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url))
  const now = options.now ?? Date.now
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  const pending = new Map<number, Pending>()
  const queued: RequestMessage[] = []
  const pushListeners = new Map<PushName, Set<(p: unknown) => void>>()
  const connListeners = new Set<ConnectionListener>()
  let state: BridgeConnectionState = { status: 'connecting' }
  let socket: SocketLike | undefined
  let nextId = 1
  let attempt = 0
  let timer: unknown
  let closedByUser = false

  function setState(next: BridgeConnectionState): void {
    state = next
    for (const l of connListeners) l(state)
  }

  function onMessage(data: unknown): void {
    let msg: unknown
    try {
      msg = JSON.parse(String(data))
    } catch {
      return
    }
    if (!isServerMessage(msg)) return
    if (msg.type === 'push') {
      for (const l of pushListeners.get(msg.name) ?? []) l(msg.payload)
      return
    }
    const p = pending.get(msg.id)
    if (!p) return
    pending.delete(msg.id)
    if (msg.ok) p.resolve(msg.result)
    else p.reject(new BridgeError(msg.error))
  }

  function failAll(reason: string): void {
    const err = new BridgeError({ code: 'disconnected', message: reason })
    for (const p of pending.values()) p.reject(err)
    pending.clear()
    queued.length = 0
  }

  function onClose(ev: CloseEvent | undefined): void {
    socket = undefined
    const why = ev?.reason ? `connection to the monitor closed (${ev.reason})` : 'connection to the monitor lost'
    failAll(`Request not completed: ${why}`)
    if (closedByUser) {
      setState({ status: 'closed', error: why })
      return
    }
    const delay = reconnectDelayMs(attempt++)
    setState({ status: 'closed', error: why, retryAt: now() + delay })
    timer = setTimer(connect, delay)
  }

  function connect(): void {
    timer = undefined
    setState({ status: 'connecting' })
    const s = createSocket(options.url)
    socket = s
    s.onopen = () => {
      attempt = 0
      setState({ status: 'open' })
      for (const m of queued.splice(0)) s.send(JSON.stringify(m))
    }
    s.onmessage = (ev) => onMessage(ev.data)
    s.onerror = () => undefined
    s.onclose = (ev) => {
      if (socket === s) onClose(ev)
    }
  }

  function request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<RequestResponse<N>> {
    if (state.status === 'closed') {
      return Promise.reject(new BridgeError({ code: 'disconnected', message: 'Not connected to the monitor; reconnecting.' }))
    }
    const msg: RequestMessage = { type: 'request', id: nextId++, name, payload }
    return new Promise<RequestResponse<N>>((resolve, reject) => {
      pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject })
      if (state.status === 'open' && socket) socket.send(JSON.stringify(msg))
      else queued.push(msg)
    })
  }

  function on<P extends PushName>(name: P, listener: (payload: PushTypes[P]) => void): () => void {
    const set = pushListeners.get(name) ?? new Set()
    pushListeners.set(name, set)
    const l = listener as (p: unknown) => void
    set.add(l)
    return () => set.delete(l)
  }

  function onConnection(listener: ConnectionListener): () => void {
    connListeners.add(listener)
    listener(state)
    return () => connListeners.delete(listener)
  }

  function close(): void {
    closedByUser = true
    if (timer !== undefined) clearTimer(timer)
    const s = socket
    socket = undefined
    s?.close()
    onClose(undefined)
  }

  connect()
  return { request, on, onConnection, close }
}
