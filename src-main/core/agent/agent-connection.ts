/**
 * One read-only connection to one agent, kept alive for as long as it is started.
 *
 * The agent drops a client whose socket becomes readable, so this class never writes a byte:
 * it connects, reads, decodes with a fresh decoder per socket, and reconnects with capped,
 * jittered backoff. Consumers subscribe with `onEvent`, `onError` and `onState`; each returns an
 * unsubscribe. Nothing throws out of it: socket failures, unreadable framing and throwing
 * listeners all end up as errors and state changes.
 */
import net from 'node:net'
import { createAgentEventDecoder, type AgentEventDecoder, type DecodeOutput, type DecoderStats } from '../decode/agent-event-decoder'
import type { AgentEvent } from '../records/agent-event'
import type { ConnectionStateView, ConnectionStatus } from '../../contract/views'
import { formatAgentSource, type AgentSource } from './agent-source'
import { DEFAULT_BACKOFF, nextBackoffDelay, type BackoffPolicy } from './backoff'
import { createListenerSet } from './listener-set'

export interface AgentConnectionOptions {
  /** The agent's id in the model; copied into every error. */
  id: string
  source: AgentSource
  /** A frame longer than this is refused (the decoder's default applies when absent). */
  maxFrameBytes?: number
  /** Fixed stall threshold. Default: 3 × the agent's `update_interval` (15 s until a status says otherwise). */
  stallAfterMs?: number
  /** Clock for state timestamps (epoch ms). */
  now?: () => number
  /** Source of jitter in [0, 1). */
  random?: () => number
  backoff?: BackoffPolicy
}

/** A problem on this connection: a socket failure, or a decoder error (with its byte offset). */
export interface AgentConnectionError {
  agentId: string
  kind: 'socket' | 'decode' | 'listener'
  /** Byte offset in the current socket's stream (decode errors only). */
  offset?: number
  message: string
  /** The socket was closed because of it (unreadable framing): a reconnect follows. */
  fatal: boolean
  at: number
}

const DEFAULT_UPDATE_INTERVAL_S = 15

export class AgentConnection {
  readonly id: string
  readonly source: AgentSource
  private readonly options: AgentConnectionOptions
  private readonly now: () => number
  private readonly events = createListenerSet<AgentEvent>((e) => this.reportListenerFailure(e))
  private readonly errors = createListenerSet<AgentConnectionError>()
  private readonly states = createListenerSet<ConnectionStateView>((e) => this.reportListenerFailure(e))
  private view: ConnectionStateView
  private running = false
  /** Bumped whenever a socket is abandoned, so its late callbacks are ignored. */
  private generation = 0
  private socket?: net.Socket
  private decoder?: AgentEventDecoder
  private retryTimer?: NodeJS.Timeout
  private stallTimer?: NodeJS.Timeout
  private attempt = 0
  private updateIntervalS = DEFAULT_UPDATE_INTERVAL_S
  private lastError?: string
  private socketError?: string
  private gotBytes = false
  private gotRecord = false
  private fatal = false

  constructor(options: AgentConnectionOptions) {
    this.options = options
    this.id = options.id
    this.source = options.source
    this.now = options.now ?? Date.now
    this.view = { status: 'stopped', since: this.now(), attempt: 0 }
  }

  /** Every decoded record of every socket, in order. */
  onEvent(listener: (event: AgentEvent) => void): () => void {
    return this.events.add(listener)
  }

  /** Socket errors, decoder errors (fatal or not) and listener failures. */
  onError(listener: (error: AgentConnectionError) => void): () => void {
    return this.errors.add(listener)
  }

  /** Every state transition (connecting, connected, stalled, disconnected, stopped). */
  onState(listener: (state: ConnectionStateView) => void): () => void {
    return this.states.add(listener)
  }

  get state(): ConnectionStateView {
    return this.view
  }

  /** The current socket's decoder counters (per record type, unknown fields...). */
  get decoderStats(): DecoderStats | undefined {
    return this.decoder?.stats
  }

  /** Connect and keep reconnecting until `stop()`. Calling it while running does nothing. */
  start(): void {
    if (this.running) return
    this.running = true
    this.connect()
  }

  /** Close the socket, cancel every timer; no reconnect follows. */
  stop(): void {
    this.running = false
    this.abandonSocket()
    this.setState('stopped')
  }

  /** Skip the remaining backoff (or drop a stalled socket) and connect now. */
  reconnectNow(): void {
    if (!this.running) return
    this.abandonSocket()
    this.connect()
  }

  private connect(): void {
    const generation = ++this.generation
    this.gotBytes = false
    this.gotRecord = false
    this.fatal = false
    this.socketError = undefined
    this.decoder = createAgentEventDecoder({ maxFrameBytes: this.options.maxFrameBytes })
    this.setState('connecting')
    let socket: net.Socket
    try {
      socket = this.source.kind === 'tcp'
        ? net.createConnection({ host: this.source.host, port: this.source.port })
        : net.createConnection({ path: this.source.path })
    } catch (error) {
      this.socketError = messageOf(error)
      this.scheduleRetry()
      return
    }
    this.socket = socket
    // TCP keepalive probes carry no data, so the agent never sees a readable client; they let the
    // kernel notice a peer that vanished while the agent had nothing to say.
    if (this.source.kind === 'tcp') socket.setKeepAlive(true, 15_000)
    socket.on('connect', () => generation === this.generation && this.armStall(generation))
    socket.on('data', (chunk: Buffer) => generation === this.generation && this.onData(generation, chunk))
    socket.on('error', (error) => {
      if (generation !== this.generation) return
      this.socketError = messageOf(error)
      this.emitError({ kind: 'socket', message: this.socketError, fatal: false })
    })
    socket.on('close', () => generation === this.generation && this.onClose(generation))
  }

  private onData(generation: number, chunk: Buffer): void {
    if (!this.gotBytes || this.view.status === 'stalled') this.setState('connected')
    this.gotBytes = true
    this.armStall(generation)
    this.deliver(generation, () => this.decoder!.push(chunk))
  }

  private onClose(generation: number): void {
    if (!this.fatal && this.decoder) this.deliver(generation, () => this.decoder!.end())
    if (generation !== this.generation) return
    this.socket = undefined
    this.clearTimers()
    this.scheduleRetry()
  }

  private deliver(generation: number, decode: () => DecodeOutput): void {
    let out: DecodeOutput
    try {
      out = decode()
    } catch (error) {
      out = { events: [], errors: [{ offset: this.decoder?.stats.bytes ?? 0, message: messageOf(error), fatal: true }] }
    }
    for (const event of out.events) {
      if (generation !== this.generation) return
      this.noteRecord(event)
      this.events.emit(event)
    }
    for (const error of out.errors) {
      if (generation !== this.generation) return
      this.emitError({ kind: 'decode', offset: error.offset, message: error.message, fatal: error.fatal })
      if (error.fatal && !this.fatal) {
        this.fatal = true
        this.socketError = `unreadable stream at byte ${error.offset}: ${error.message}`
        this.socket?.destroy()
      }
    }
  }

  private noteRecord(event: AgentEvent): void {
    if (!this.gotRecord) {
      this.gotRecord = true
      const changed = this.attempt !== 0 || this.lastError !== undefined
      this.attempt = 0
      this.lastError = undefined
      if (changed) this.setState('connected')
    }
    const interval = event.kind === 'status' ? event.status.update_interval : undefined
    if (interval !== undefined && interval > 0 && interval !== this.updateIntervalS) this.updateIntervalS = interval
  }

  /** A socket that delivered no record (or unreadable framing) is a failed attempt. */
  private scheduleRetry(): void {
    const good = this.gotRecord && !this.fatal
    if (!good) this.attempt += 1
    this.lastError = this.socketError ?? this.closeReason(good)
    const random = this.options.random ?? Math.random
    const delay = nextBackoffDelay(good ? 0 : this.attempt, random, this.options.backoff ?? DEFAULT_BACKOFF)
    this.setState('disconnected', this.now() + delay)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      if (this.running) this.connect()
    }, delay)
  }

  private closeReason(good: boolean): string {
    if (good) return 'the agent closed the connection'
    if (this.gotBytes) return 'the agent closed the connection before a complete record'
    return 'the agent closed the connection before sending anything'
  }

  /**
   * No byte for the stall threshold: `stalled`. Still nothing after twice as long again: the
   * socket is taken for dead (a half-open TCP connection after a network change never errors by
   * itself) and dropped, and the usual reconnect follows.
   */
  private armStall(generation: number): void {
    if (this.stallTimer) clearTimeout(this.stallTimer)
    const after = this.options.stallAfterMs ?? 3 * this.updateIntervalS * 1000
    this.stallTimer = setTimeout(() => {
      this.stallTimer = undefined
      if (generation !== this.generation || !this.socket) return
      this.setState('stalled')
      this.stallTimer = setTimeout(() => {
        this.stallTimer = undefined
        if (generation !== this.generation || !this.socket) return
        this.socketError = `no data from the agent for ${formatSeconds(3 * after)}; reconnecting`
        this.socket.destroy()
      }, 2 * after)
    }, after)
  }

  private abandonSocket(): void {
    this.generation++
    this.clearTimers()
    this.socket?.destroy()
    this.socket = undefined
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.stallTimer) clearTimeout(this.stallTimer)
    this.retryTimer = undefined
    this.stallTimer = undefined
  }

  private setState(status: ConnectionStatus, nextRetryAt?: number): void {
    const since = status === this.view.status ? this.view.since : this.now()
    const view: ConnectionStateView = { status, since, attempt: this.attempt }
    if (this.lastError !== undefined) view.lastError = this.lastError
    if (nextRetryAt !== undefined) view.nextRetryAt = nextRetryAt
    this.view = view
    this.states.emit(view)
  }

  private emitError(error: Omit<AgentConnectionError, 'agentId' | 'at'>): void {
    this.errors.emit({ agentId: this.id, at: this.now(), ...error })
  }

  private reportListenerFailure(error: unknown): void {
    this.emitError({ kind: 'listener', message: `a listener failed: ${messageOf(error)}`, fatal: false })
  }

  /** For messages: the source as the user wrote it. */
  toString(): string {
    return `${this.id} (${formatAgentSource(this.source)})`
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
