/**
 * Test peers on real loopback sockets (TCP on 127.0.0.1 port 0, or a UNIX socket in a temp dir)
 * that count every byte a client sends, so tests can assert the client never wrote one.
 */
import net from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AgentSource } from '../../../src-main/core/agent/agent-source'

export interface LoopbackServer {
  source: AgentSource
  /** Bytes received from all clients so far. */
  readonly bytesFromClients: number
  readonly connections: number
  close(): Promise<void>
}

export async function startLoopbackServer(kind: 'tcp' | 'unix', onSocket: (socket: net.Socket) => void): Promise<LoopbackServer> {
  let bytesFromClients = 0
  let connections = 0
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('data', (d) => (bytesFromClients += d.length))
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
    onSocket(socket)
  })
  const dir = kind === 'unix' ? mkdtempSync(join(tmpdir(), 'nm-agent-')) : undefined
  const source: AgentSource = await new Promise((resolve) => {
    if (dir) {
      const path = join(dir, 'agent.sock')
      server.listen(path, () => resolve({ kind: 'unix', path }))
    } else {
      server.listen(0, '127.0.0.1', () => resolve({ kind: 'tcp', host: '127.0.0.1', port: (server.address() as net.AddressInfo).port }))
    }
  })
  return {
    source,
    get bytesFromClients() {
      return bytesFromClients
    },
    get connections() {
      return connections
    },
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Write `bytes` in odd-sized pieces, yielding between them so the kernel sees separate writes. */
export async function writeInPieces(socket: net.Socket, bytes: Buffer): Promise<void> {
  const sizes = [1, 7, 13, 389, 2, 4099, 61]
  for (let at = 0, i = 0; at < bytes.length && !socket.destroyed; i++) {
    const n = sizes[i % sizes.length]
    socket.write(bytes.subarray(at, at + n))
    at += n
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Resolve once `predicate` holds, polling; rejects after `ms` so a broken test fails clearly. */
export async function until(predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
