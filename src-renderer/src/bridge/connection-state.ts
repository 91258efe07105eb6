/**
 * How the renderer is connected to the core. The Electron IPC bridge is always `open`; the
 * WebSocket bridge moves through these states and the shell shows a banner when not `open`.
 */
export interface BridgeConnectionState {
  status: 'connecting' | 'open' | 'closed'
  /** When the next reconnect attempt is due (status `closed`). */
  retryAt?: number
  /** Why the last connection ended, readable by a user. */
  error?: string
}

export type ConnectionListener = (state: BridgeConnectionState) => void

/** A bridge that can report its connection state (the WebSocket bridge does). */
export interface ObservableConnection {
  onConnection(listener: ConnectionListener): () => void
}

export function hasObservableConnection(x: unknown): x is ObservableConnection {
  return typeof x === 'object' && x !== null && typeof (x as ObservableConnection).onConnection === 'function'
}
