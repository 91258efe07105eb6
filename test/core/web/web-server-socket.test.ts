import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { startWebServer, type WebServer } from '../../../src-main/core/web/web-server'
import { WEB_SOCKET_PATH } from '../../../src-main/contract/wire-messages'
import { createFakeCore, type FakeCore } from '../../contract/fake-core'
import { makeStaticDir, tryUpgrade, waitForClose } from './web-test-helpers'

const dirs = makeStaticDir()
const MAX_MESSAGE_BYTES = 64 * 1024
let core: FakeCore
let server: WebServer
let origin: string
const sockets: WebSocket[] = []

function socketUrl(token = server.token, pathname = WEB_SOCKET_PATH): string {
  return `ws://127.0.0.1:${server.port}${pathname}?token=${encodeURIComponent(token)}`
}

/** Opens an accepted connection and waits for its first (snapshot) push. */
async function connect(): Promise<{ ws: WebSocket; messages: unknown[] }> {
  const outcome = await tryUpgrade(socketUrl(), { origin })
  if (!('opened' in outcome)) throw new Error(`upgrade refused with ${outcome.status}`)
  const { opened: ws, messages } = outcome
  sockets.push(ws)
  while (messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  return { ws, messages }
}

beforeEach(async () => {
  core = createFakeCore()
  server = await startWebServer({ core, staticDir: dirs.root, maxMessageBytes: MAX_MESSAGE_BYTES })
  origin = new URL(server.url).origin
})
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await server.close()
})
afterAll(() => rmSync(dirs.base, { recursive: true, force: true }))

describe('web mode WebSocket upgrade', () => {
  it('accepts the token from the same origin and pushes a snapshot first', async () => {
    const { messages } = await connect()
    expect(messages[0]).toMatchObject({ type: 'push', name: 'snapshot', payload: { seq: 1 } })
    expect(core.sessions).toHaveLength(1)
  })

  it('refuses a missing or wrong token with 401', async () => {
    expect(await tryUpgrade(`ws://127.0.0.1:${server.port}${WEB_SOCKET_PATH}`, { origin })).toEqual({ status: 401 })
    expect(await tryUpgrade(socketUrl('x'.repeat(43)), { origin })).toEqual({ status: 401 })
    expect(core.sessions).toHaveLength(0)
  })

  it('refuses another site\'s page (cross-site WebSocket hijacking) and a missing Origin', async () => {
    expect(await tryUpgrade(socketUrl(), { origin: 'http://attacker.example' })).toEqual({ status: 403 })
    expect(await tryUpgrade(socketUrl(), { origin: `http://127.0.0.1:${server.port + 1}` })).toEqual({ status: 403 })
    expect(await tryUpgrade(socketUrl(), {})).toEqual({ status: 403 })
    expect(core.sessions).toHaveLength(0)
  })

  it('refuses a rebound host name even with a matching Origin', async () => {
    const host = `attacker.example:${server.port}`
    expect(await tryUpgrade(socketUrl(), { origin: `http://${host}`, host })).toEqual({ status: 403 })
  })

  it('refuses other paths', async () => {
    expect(await tryUpgrade(socketUrl(server.token, '/'), { origin })).toEqual({ status: 404 })
  })
})

describe('web mode WebSocket frames', () => {
  it('answers a request with the same id', async () => {
    const { ws, messages } = await connect()
    ws.send(JSON.stringify({ type: 'request', id: 41, name: 'alert.markAllRead', payload: {} }))
    while (messages.length < 2) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(messages[1]).toEqual({ type: 'response', id: 41, ok: true, result: core.responses['alert.markAllRead'] })
  })

  const badFrames: Array<[string, (ws: WebSocket) => void, number, string]> = [
    ['text that is not JSON', (ws) => ws.send('{"type":"request",'), 1007, 'message is not JSON'],
    ['a binary frame', (ws) => ws.send(Buffer.from([1, 2, 3])), 1003, 'text frames only'],
    ['JSON that is not a request', (ws) => ws.send(JSON.stringify({ type: 'push', name: 'delta' })), 1008, 'expected {"type":"request","id","name","payload"}'],
    ['a request without an id', (ws) => ws.send(JSON.stringify({ type: 'request', name: 'snapshot.get', payload: {} })), 1008, 'expected {"type":"request","id","name","payload"}'],
    ['a frame over the size limit', (ws) => ws.send(JSON.stringify({ type: 'request', id: 1, name: 'profile.import', payload: { json: 'x'.repeat(MAX_MESSAGE_BYTES) } })), 1009, ''],
  ]

  for (const [what, send, code, reason] of badFrames) {
    it(`closes the connection on ${what}, ends its session and keeps serving`, async () => {
      const { ws } = await connect()
      const closed = waitForClose(ws)
      send(ws)
      expect(await closed).toEqual({ code, reason })
      await expect.poll(() => core.sessions[0].closed).toBe(true)
      expect(core.calls).toEqual([])
      const again = await connect()
      expect(again.messages[0]).toMatchObject({ type: 'push', name: 'snapshot' })
    })
  }

  it('ends the session when the tab goes away', async () => {
    const { ws } = await connect()
    ws.close()
    await expect.poll(() => core.sessions[0].closed).toBe(true)
  })

  it('closes open connections with "going away" when the server stops', async () => {
    const { ws } = await connect()
    const closed = waitForClose(ws)
    await server.close()
    expect(await closed).toEqual({ code: 1001, reason: 'server shutting down' })
    server = await startWebServer({ core, staticDir: dirs.root })
  })
})
