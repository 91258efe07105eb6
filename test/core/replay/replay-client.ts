/** Test-only clients of the replay agent: read everything until it closes, or until enough bytes. */
import net from 'node:net'
import { parseAgentSource } from '../../../src-main/core/agent/agent-source'
import { createFrameDecoder } from '../../../src-main/core/decode/frame-decoder'

function connect(address: string): net.Socket {
  const source = parseAgentSource(address)
  return source.kind === 'tcp' ? net.createConnection({ host: source.host, port: source.port }) : net.createConnection({ path: source.path })
}

/** All bytes until the agent closes the connection. `greeting` is written first (the agent must ignore it). */
export function readAll(address: string, greeting?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(address)
    const chunks: Buffer[] = []
    if (greeting) socket.write(greeting)
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks)))
  })
}

/** The first `n` bytes, then hang up. */
export function readBytes(address: string, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(address)
    const chunks: Buffer[] = []
    let got = 0
    socket.on('data', (c) => {
      chunks.push(c)
      got += c.length
      if (got >= n) {
        socket.destroy()
        resolve(Buffer.concat(chunks).subarray(0, n))
      }
    })
    socket.on('error', reject)
    socket.on('close', () => reject(new Error(`closed after ${got} of ${n} bytes`)))
  })
}

/** Decoded records with the time each was received, until the agent closes or `count` arrived. */
export function readTimedRecords(address: string, count = Infinity): Promise<Array<{ record: Record<string, any>; at: number }>> {
  return new Promise((resolve, reject) => {
    const socket = connect(address)
    const decoder = createFrameDecoder()
    const got: Array<{ record: Record<string, any>; at: number }> = []
    socket.on('data', (c) => {
      const at = Date.now()
      for (const f of decoder.push(c).frames) got.push({ record: f.value as Record<string, any>, at })
      if (got.length >= count) socket.destroy()
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(got.slice(0, count)))
  })
}
