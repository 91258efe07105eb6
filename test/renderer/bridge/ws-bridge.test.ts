/// <reference types="node" />
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer, WebSocket as NodeWebSocket } from 'ws'
import type { AddressInfo } from 'node:net'
import type { ClientMessage, ServerMessage } from '@contract/wire-messages'
import { createWsBridge, webSocketUrl, type WsBridge, type WsBridgeOptions } from '../../../src-renderer/src/bridge/ws-bridge'
import type { BridgeConnectionState } from '../../../src-renderer/src/bridge/connection-state'
import { makeSnapshot } from '../view-factories'

type CreateSocket = NonNullable<WsBridgeOptions['createSocket']>
const nodeSocket: CreateSocket = (url) => new NodeWebSocket(url) as unknown as ReturnType<CreateSocket>

let server: WebSocketServer | undefined
let bridge: WsBridge | undefined

afterEach(async () => {
  bridge?.close()
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  server = undefined
})

async function startServer(onMessage: (msg: ClientMessage, send: (m: ServerMessage) => void, sock: NodeWebSocket) => void) {
  const s = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/bridge' })
  server = s
  await new Promise<void>((r) => s.once('listening', () => r()))
  const urls: string[] = []
  s.on('connection', (sock, req) => {
    urls.push(req.url ?? '')
    sock.on('message', (data) => onMessage(JSON.parse(String(data)) as ClientMessage, (m) => sock.send(JSON.stringify(m)), sock))
  })
  return { port: (s.address() as AddressInfo).port, urls }
}

function waitFor<T>(get: () => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const tick = () => {
      const v = get()
      if (v !== undefined) resolve(v)
      else setTimeout(tick, 5)
    }
    tick()
  })
}

describe('ws bridge', () => {
  it('builds the bridge URL from the page location and its token', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080', search: '?token=ab%2Fc' })).toBe('ws://127.0.0.1:8080/bridge?token=ab%2Fc')
    expect(webSocketUrl({ protocol: 'https:', host: 'h', search: '' })).toBe('wss://h/bridge?token=')
  })

  it('pairs responses with requests, surfaces errors as readable messages, and delivers pushes', async () => {
    const snap = makeSnapshot({ seq: 42 })
    const { port, urls } = await startServer((msg, send, sock) => {
      if (msg.name === 'snapshot.get') send({ type: 'response', id: msg.id, ok: true, result: snap })
      else send({ type: 'response', id: msg.id, ok: false, error: { code: 'invalid_request', message: 'mac: expected a MAC address' } })
      sock.send('not json')
      send({ type: 'push', name: 'navigate', payload: { view: 'alerts', alertId: 'a1' } })
    })
    bridge = createWsBridge({ url: `ws://127.0.0.1:${port}/bridge?token=t0k`, createSocket: nodeSocket })
    const navigations: unknown[] = []
    bridge.on('navigate', (n) => navigations.push(n))
    const [s, failure] = await Promise.all([
      bridge.request('snapshot.get', {}),
      bridge.request('device.rename', { mac: 'zz', alias: 'x' }).catch((e: Error) => e),
    ])
    expect(s.seq).toBe(42)
    expect((failure as Error).message).toBe('mac: expected a MAC address')
    await waitFor(() => (navigations.length === 2 ? true : undefined))
    expect(navigations[0]).toEqual({ view: 'alerts', alertId: 'a1' })
    expect(urls).toEqual(['/bridge?token=t0k'])
  })

  it('rejects pending requests when the connection drops, reports it, and reconnects', async () => {
    let connections = 0
    const { port } = await startServer((msg, send, sock) => {
      connections++
      if (connections === 1) sock.terminate()
      else send({ type: 'response', id: msg.id, ok: true, result: { ok: true } })
    })
    const states: BridgeConnectionState[] = []
    bridge = createWsBridge({
      url: `ws://127.0.0.1:${port}/bridge?token=x`,
      createSocket: nodeSocket,
      setTimer: (fn) => setTimeout(fn, 10),
    })
    bridge.onConnection((s) => states.push(s))
    const err = await bridge.request('view.visibility', { visible: true }).catch((e: Error) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).message).toMatch(/connection to the monitor (lost|closed)/)
    const closed = states.find((s) => s.status === 'closed')
    expect(closed?.retryAt).toBeTypeOf('number')
    await waitFor(() => (states.filter((s) => s.status === 'open').length >= 2 ? true : undefined))
    await expect(bridge.request('view.visibility', { visible: false })).resolves.toEqual({ ok: true })
  })

  it('rejects at once while disconnected instead of hanging', async () => {
    bridge = createWsBridge({ url: 'ws://127.0.0.1:1/bridge?token=x', createSocket: nodeSocket, setTimer: () => 0 })
    await waitFor(() => {
      let st: string | undefined
      bridge!.onConnection((s) => (st = s.status))()
      return st === 'closed' ? true : undefined
    })
    await expect(bridge.request('snapshot.get', {})).rejects.toThrow(/Not connected/)
  })
})
