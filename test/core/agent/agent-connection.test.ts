import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type net from 'node:net'
import { AgentConnection, type AgentConnectionError } from '../../../src-main/core/agent/agent-connection'
import { createAgentEventDecoder } from '../../../src-main/core/decode/agent-event-decoder'
import type { AgentEvent } from '../../../src-main/core/records/agent-event'
import type { ConnectionStateView } from '../../../src-main/contract/views'
import { fixturePath, plainRecords } from '../summary/plain-records'
import { startLoopbackServer, until, writeInPieces, type LoopbackServer } from './loopback-server'

const FIXTURE = 'netifyd-4.4/02-http.raw'
const fixtureBytes = readFileSync(fixturePath(FIXTURE))
const FAST = { baseMs: 20, capMs: 2000 }

let server: LoopbackServer | undefined
let connection: AgentConnection | undefined

afterEach(async () => {
  connection?.stop()
  await server?.close()
  connection = undefined
  server = undefined
})

function watch(conn: AgentConnection): { events: AgentEvent[]; states: ConnectionStateView[]; errors: AgentConnectionError[] } {
  const seen = { events: [] as AgentEvent[], states: [] as ConnectionStateView[], errors: [] as AgentConnectionError[] }
  conn.onEvent((e) => seen.events.push(e))
  conn.onState((s) => seen.states.push(s))
  conn.onError((e) => seen.errors.push(e))
  return seen
}

describe.each(['tcp', 'unix'] as const)('AgentConnection over %s', (kind) => {
  it('receives every record of a recording written in odd-sized pieces, and never writes a byte', async () => {
    server = await startLoopbackServer(kind, (socket) => void writeInPieces(socket, fixtureBytes).then(() => socket.end()))
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: { baseMs: 60_000, capMs: 60_000 } })
    const seen = watch(connection)
    connection.start()
    await until(() => connection!.state.status === 'disconnected', 'the agent to close')

    const whole = createAgentEventDecoder().push(fixtureBytes).events
    expect(seen.events).toEqual(whole)
    expect(new Set(seen.events.map((e) => e.offset)).size).toBe(plainRecords(FIXTURE).length)
    expect(server.bytesFromClients).toBe(0)
    expect(seen.states.map((s) => s.status)).toEqual(['connecting', 'connected', 'disconnected'])
    expect(connection.state.attempt).toBe(0)
  })

  it('reconnects after the agent closes, and receives the recording again', async () => {
    server = await startLoopbackServer(kind, (socket) => socket.end(fixtureBytes))
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: FAST })
    const seen = watch(connection)
    connection.start()
    const records = plainRecords(FIXTURE).length
    await until(() => seen.events.filter((e) => e.offset === 0).length >= 2, 'the first record a second time')
    expect(new Set(seen.events.map((e) => e.offset)).size).toBe(records)
    expect(server.connections).toBeGreaterThanOrEqual(2)
    expect(seen.states.map((s) => s.status).slice(0, 5)).toEqual(['connecting', 'connected', 'disconnected', 'connecting', 'connected'])
    expect(server.bytesFromClients).toBe(0)
  })
})

describe('AgentConnection backoff', () => {
  it.each([
    ['resets', (socket: net.Socket) => socket.resetAndDestroy()],
    ['closes', (socket: net.Socket) => socket.end()],
  ])('keeps backing off, with growing delays, from an agent that accepts and %s without a byte', async (_what, hangUp) => {
    server = await startLoopbackServer('tcp', hangUp)
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: FAST, random: () => 0.5 })
    const seen = watch(connection)
    connection.start()
    await until(() => connection!.state.attempt >= 4, 'four failed attempts')
    connection.stop()

    const down = seen.states.filter((s) => s.status === 'disconnected')
    expect(down.slice(0, 4).map((s) => s.attempt)).toEqual([1, 2, 3, 4])
    const delays = down.slice(0, 4).map((s) => s.nextRetryAt! - s.since)
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1])
    expect(down[0].lastError).toBeTruthy()
    expect(seen.states.some((s) => s.status === 'connected')).toBe(false)
    expect(server.connections).toBeGreaterThanOrEqual(4)
  })

  it('reports a refused connection as a failed attempt with the socket error', async () => {
    server = await startLoopbackServer('tcp', () => {})
    const source = server.source
    await server.close()
    server = undefined
    connection = new AgentConnection({ id: 'a1', source, backoff: FAST })
    const seen = watch(connection)
    connection.start()
    await until(() => connection!.state.attempt >= 2, 'two failed attempts')
    expect(connection.state.lastError).toMatch(/ECONNREFUSED/)
    expect(seen.errors.some((e) => e.kind === 'socket' && e.agentId === 'a1')).toBe(true)
  })

  it('stops reconnecting after stop()', async () => {
    server = await startLoopbackServer('unix', (socket) => socket.end())
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: { baseMs: 10, capMs: 10 } })
    connection.start()
    await until(() => server!.connections >= 2, 'two connections')
    connection.stop()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const connections = server.connections
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(server.connections).toBe(connections)
    expect(connection.state.status).toBe('stopped')
  })

  it('reconnectNow() skips the remaining backoff', async () => {
    server = await startLoopbackServer('tcp', (socket) => socket.end())
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: { baseMs: 60_000, capMs: 60_000 } })
    connection.start()
    await until(() => connection!.state.status === 'disconnected', 'the first failure')
    connection.reconnectNow()
    await until(() => server!.connections === 2, 'an immediate second connection')
    await until(() => connection!.state.attempt === 2, 'the second failure')
  })
})

describe('AgentConnection stall and decode errors', () => {
  it('reports a silent agent as stalled, and as connected again when bytes flow', async () => {
    const firstRecordEnd = fixtureBytes.indexOf('\n', fixtureBytes.indexOf('\n') + 1) + 1
    let peer: net.Socket | undefined
    server = await startLoopbackServer('tcp', (socket) => {
      peer = socket
      socket.write(fixtureBytes.subarray(0, firstRecordEnd))
    })
    connection = new AgentConnection({ id: 'a1', source: server.source, stallAfterMs: 150 })
    const seen = watch(connection)
    connection.start()
    await until(() => connection!.state.status === 'stalled', 'a stall')
    expect(seen.events).toHaveLength(1)
    peer!.write(fixtureBytes.subarray(firstRecordEnd, fixtureBytes.indexOf('\n', firstRecordEnd + 1) + 1 + 400))
    await until(() => connection!.state.status === 'connected', 'bytes to flow again')
    expect(seen.states.map((s) => s.status)).toEqual(['connecting', 'connected', 'stalled', 'connected'])
    expect(server.bytesFromClients).toBe(0)
  })

  it('drops a socket that stays silent long after the stall, and reconnects', async () => {
    const firstRecordEnd = fixtureBytes.indexOf('\n', fixtureBytes.indexOf('\n') + 1) + 1
    server = await startLoopbackServer('tcp', (socket) => socket.write(fixtureBytes.subarray(0, firstRecordEnd)))
    connection = new AgentConnection({ id: 'a1', source: server.source, stallAfterMs: 100, backoff: FAST })
    const seen = watch(connection)
    connection.start()
    await until(() => server!.connections >= 2, 'a second connection after the silence')
    const statuses = seen.states.map((s) => s.status)
    expect(statuses.slice(0, 4)).toEqual(['connecting', 'connected', 'stalled', 'disconnected'])
    expect(seen.states[3].lastError).toMatch(/no data from the agent/)
    expect(server.bytesFromClients).toBe(0)
  })

  it('closes the socket on unreadable framing and reconnects with backoff', async () => {
    const garbage = Buffer.alloc(256 * 1024, 'not a netify agent\n')
    server = await startLoopbackServer('tcp', (socket) => socket.write(garbage))
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: FAST })
    const seen = watch(connection)
    connection.start()
    await until(() => connection!.state.attempt >= 2, 'two failed attempts')
    expect(seen.errors.some((e) => e.kind === 'decode' && e.fatal)).toBe(true)
    expect(connection.state.lastError ?? seen.states.find((s) => s.status === 'disconnected')?.lastError).toMatch(/unreadable stream/)
    expect(server.bytesFromClients).toBe(0)
  })

  it('reports a corrupt record with its offset and goes on reading the stream', async () => {
    const cut = fixtureBytes.indexOf('{"length"', 1000)
    const bad = Buffer.from('{"length": 11}\n{not json}\n')
    server = await startLoopbackServer('unix', (socket) => socket.end(Buffer.concat([fixtureBytes.subarray(0, cut), bad, fixtureBytes.subarray(cut)])))
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: { baseMs: 60_000, capMs: 60_000 } })
    const seen = watch(connection)
    connection.start()
    await until(() => connection!.state.status === 'disconnected', 'the agent to close')
    expect(seen.errors.filter((e) => e.kind === 'decode')).toEqual([expect.objectContaining({ offset: cut, fatal: false, agentId: 'a1' })])
    expect(new Set(seen.events.map((e) => e.offset)).size).toBe(plainRecords(FIXTURE).length)
    expect(server.connections).toBe(1)
    expect(connection.state.attempt).toBe(0)
  })

  it('keeps delivering records when a listener throws', async () => {
    server = await startLoopbackServer('tcp', (socket) => socket.end(fixtureBytes))
    connection = new AgentConnection({ id: 'a1', source: server.source, backoff: { baseMs: 60_000, capMs: 60_000 } })
    const seen = watch(connection)
    connection.onEvent(() => {
      throw new Error('subscriber bug')
    })
    connection.start()
    await until(() => connection!.state.status === 'disconnected', 'the agent to close')
    expect(new Set(seen.events.map((e) => e.offset)).size).toBe(plainRecords(FIXTURE).length)
    expect(seen.errors.filter((e) => e.kind === 'listener').length).toBe(seen.events.length)
  })
})
