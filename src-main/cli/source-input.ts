/**
 * Open what the user named on the command line: a recording file, `tcp://HOST:PORT` or
 * `unix:PATH` (a path to an existing UNIX socket works too). Sockets are connected once, read
 * only (the agent drops a client that writes), and never reconnected: the command reads until
 * the agent closes.
 */
import net from 'node:net'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { AgentSourceError, formatAgentSource, parseAgentSource, type AgentSource } from '../core/agent/agent-source'
import { CliError, EXIT_USAGE } from './cli-error'

export interface OpenedSource {
  /** The source as the user wrote it (used in messages and the summary's error list). */
  label: string
  kind: 'file' | 'socket'
  /** The raw bytes, until end of file or until the agent closes (a reset also ends it). */
  chunks(): AsyncGenerator<Buffer>
  /** Stop reading (closes the file or socket); `chunks()` then ends. */
  close(): void
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ECONNREFUSED: 'connection refused',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENOTFOUND: 'host not found',
  ENOTSOCK: 'not a socket',
}

/** A short reason for a system error (`connection refused`), falling back to its message. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code && REASONS[code]) return REASONS[code]
  return error instanceof Error ? error.message : String(error)
}

export async function openSource(text: string): Promise<OpenedSource> {
  if (/^(tcp|unix):/.test(text)) return openSocket(text, parseOrUsage(text))
  const info = await stat(text).catch((error: unknown) => {
    throw new CliError(`cannot open ${text}: ${reasonOf(error)}`)
  })
  if (info.isSocket()) return openSocket(text, { kind: 'unix', path: text })
  if (info.isDirectory()) throw new CliError(`cannot open ${text}: is a directory`)
  const stream = createReadStream(text)
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve())
    stream.once('error', (error) => reject(new CliError(`cannot open ${text}: ${reasonOf(error)}`)))
  })
  return { label: text, kind: 'file', chunks: () => readChunks(stream, text), close: () => stream.destroy() }
}

function parseOrUsage(text: string): AgentSource {
  try {
    return parseAgentSource(text)
  } catch (error) {
    if (error instanceof AgentSourceError) throw new CliError(error.message, EXIT_USAGE)
    throw error
  }
}

async function openSocket(label: string, source: AgentSource): Promise<OpenedSource> {
  const socket = source.kind === 'tcp'
    ? net.createConnection({ host: source.host, port: source.port })
    : net.createConnection({ path: source.path })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('error', (error) => reject(new CliError(`cannot connect to ${formatAgentSource(source)}: ${reasonOf(error)}`)))
  })
  return { label, kind: 'socket', chunks: () => readChunks(socket, label), close: () => socket.destroy() }
}

/** A reset or a broken pipe ends the stream like a close; a read error on a file is reported. */
async function* readChunks(stream: Readable, label: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') return
    throw new CliError(`error reading ${label}: ${reasonOf(error)}`)
  }
}
