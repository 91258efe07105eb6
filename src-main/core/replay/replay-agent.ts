/**
 * A stand-in netifyd that serves recordings over TCP or a UNIX socket.
 *
 * It is the app's embedded demo agent and the real peer of every socket test: each client that
 * connects gets its own playback from the start, paced by the records' timestamps. Like the real
 * agent it never reads what a client sends. Without `now` the bytes are exactly the recorded ones;
 * with `now` every record is re-written with live timestamps in the recording's own framing.
 */
import net from 'node:net'
import { lstat, unlink } from 'node:fs/promises'
import { formatAgentSource, parseAgentSource, type AgentSource } from '../agent/agent-source'
import { DEFAULT_MAX_GAP_MS } from './pacing'
import { startPlayback, type Playback } from './playback'
import { loadRecording } from './recording'

export interface ReplayAgentOptions {
  /** Recordings, played one after another on each connection. */
  files: string[]
  /** `tcp://127.0.0.1:PORT` (port 0 picks one) or `unix:PATH`. */
  listen: string | AgentSource
  /** 1 = real time; 0 or very large = as fast as possible. */
  speed?: number
  /** Start over at the end instead of closing the client. */
  loop?: boolean
  /** Shift timestamps to the present so the data looks live. */
  now?: boolean
  /** Silences longer than this in a recording are cut short. */
  maxGapMs?: number
  /** Refuse frames longer than this while loading the recordings. */
  maxFrameBytes?: number
  clock?: () => number
}

export interface ReplayAgent {
  /** Where it listens, as a source string (`tcp://127.0.0.1:40123`, `unix:/tmp/x.sock`). */
  readonly address: string
  /** How many clients are being served right now. */
  readonly clients: number
  /** Stop listening, drop every client, remove a UNIX socket file. */
  close(): Promise<void>
}

/** Load the recordings, then listen. Rejects with a clear message on a bad file or address. */
export async function startReplayAgent(options: ReplayAgentOptions): Promise<ReplayAgent> {
  const source = typeof options.listen === 'string' ? parseAgentSource(options.listen) : options.listen
  if (options.files.length === 0) throw new Error('the replay agent needs at least one recording')
  const recordings = await Promise.all(options.files.map((f) => loadRecording(f, options.maxFrameBytes)))
  const playbacks = new Set<Playback>()
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => socket.destroy())
    socket.on('close', () => sockets.delete(socket))
    socket.on('data', () => {})
    const playback = startPlayback(socket, recordings, {
      speed: options.speed ?? 1,
      maxGapMs: options.maxGapMs ?? DEFAULT_MAX_GAP_MS,
      loop: options.loop ?? false,
      live: options.now ?? false,
      clock: options.clock ?? Date.now,
    })
    playbacks.add(playback)
    void playback.done.then(() => playbacks.delete(playback))
  })
  if (source.kind === 'unix') await removeStaleSocket(source.path)
  const address = await listen(server, source)
  return {
    address,
    get clients() {
      return sockets.size
    },
    async close() {
      for (const p of playbacks) p.cancel()
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (source.kind === 'unix') await unlink(source.path).catch(() => {})
    },
  }
}

function listen(server: net.Server, source: AgentSource): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(`cannot listen on ${formatAgentSource(source)}: ${error.code ?? error.message}`))
    })
    const ready = (): void => {
      const info = server.address()
      if (source.kind === 'tcp' && info && typeof info === 'object') {
        resolve(formatAgentSource({ kind: 'tcp', host: source.host, port: info.port }))
      } else resolve(formatAgentSource(source))
    }
    if (source.kind === 'tcp') server.listen(source.port, source.host, ready)
    else server.listen(source.path, ready)
  })
}

/** A socket file left by a killed process blocks `listen`; anything else at that path is kept. */
async function removeStaleSocket(path: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined)
  if (info?.isSocket()) await unlink(path)
}
