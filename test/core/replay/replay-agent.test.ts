import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { startReplayAgent, type ReplayAgent } from '../../../src-main/core/replay/replay-agent'
import { createFrameDecoder } from '../../../src-main/core/decode/frame-decoder'
import { fixturePath, plainRecords } from '../summary/plain-records'
import { readAll, readBytes, readTimedRecords } from './replay-client'
import { tempDir } from '../../temp-dirs'

const HTTP = fixturePath('netifyd-4.4/02-http.raw')
const STREAM = fixturePath('netifyd-5.0/stream.bin')
const PRETTY = fixturePath('netifyd-5.0/pretty/legacy.bin')

let agent: ReplayAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

/** Split a legacy stream by plain parsing, checking every header's N against the body's byte length. */
function legacyRecords(bytes: Buffer): Array<{ header: string; body: string; record: Record<string, any> }> {
  const out = []
  for (let at = 0; at < bytes.length;) {
    const nl = bytes.indexOf(10, at)
    const header = bytes.subarray(at, nl).toString()
    const n: number = JSON.parse(header).length
    const body = bytes.subarray(nl + 1, nl + 1 + n)
    expect(body.length).toBe(n)
    expect(body[n - 1]).toBe(10)
    out.push({ header, body: body.toString(), record: JSON.parse(body.toString()) })
    at = nl + 1 + n
  }
  return out
}

describe('replay agent, as recorded', () => {
  it.each(['tcp://127.0.0.1:0', 'unix'])('sends every client the exact recorded bytes over %s', async (listen) => {
    const address = listen === 'unix' ? `unix:${join(tempDir(), 'agent.sock')}` : listen
    agent = await startReplayAgent({ files: [HTTP], listen: address, speed: 0 })
    const [a, b] = await Promise.all([readAll(agent.address), readAll(agent.address, 'a client that talks is ignored\n')])
    const file = readFileSync(HTTP)
    expect(a.equals(file)).toBe(true)
    expect(b.equals(file)).toBe(true)
  })

  it('plays several recordings one after another on each connection', async () => {
    agent = await startReplayAgent({ files: [HTTP, PRETTY], listen: 'tcp://127.0.0.1:0', speed: 0 })
    const got = await readAll(agent.address)
    expect(got.equals(Buffer.concat([readFileSync(HTTP), readFileSync(PRETTY)]))).toBe(true)
  })

  it('starts over at the end when looping', async () => {
    agent = await startReplayAgent({ files: [PRETTY], listen: 'tcp://127.0.0.1:0', speed: 0, loop: true })
    const file = readFileSync(PRETTY)
    const got = await readBytes(agent.address, file.length * 3)
    expect(got.equals(Buffer.concat([file, file, file]))).toBe(true)
  })
})

describe('replay agent, live (--now)', () => {
  it('keeps the legacy 4.x framing and every field but the times', async () => {
    agent = await startReplayAgent({ files: [HTTP], listen: 'tcp://127.0.0.1:0', speed: 0, now: true })
    const got = legacyRecords(await readAll(agent.address))
    const original = plainRecords('netifyd-4.4/02-http.raw')
    expect(got.map((r) => r.record.type)).toEqual(original.map((r) => r.type))
    expect(got.every((r) => /^\{"length": \d+\}$/.test(r.header))).toBe(true)
    expect(got.filter((r) => r.body.trimEnd().includes('\n'))).toEqual([])
    const timeless = (r: Record<string, any>) =>
      ({ ...r, timestamp: 0, uptime: 0, flow: r.flow && { ...r.flow, first_seen_at: 0, last_seen_at: 0, first_update_at: 0 } })
    got.forEach(({ record }, i) => expect(timeless(record)).toEqual(timeless(original[i])))
  })

  it('dates every record at or before the moment it arrives, even played 50 times faster', async () => {
    agent = await startReplayAgent({ files: [HTTP], listen: 'tcp://127.0.0.1:0', speed: 50, now: true })
    const got = await readTimedRecords(agent.address)
    const original = plainRecords('netifyd-4.4/02-http.raw')
    expect(got).toHaveLength(original.length)
    const times = (r: Record<string, any>): number[] => [
      ...(r.type === 'agent_status' ? [r.timestamp * 1000] : []),
      ...['first_seen_at', 'last_seen_at', 'first_update_at'].map((f) => r.flow?.[f]).filter((t) => typeof t === 'number' && t > 0),
    ]
    let clockSetters: number[] = []
    let recordedClock = -Infinity
    got.forEach(({ record, at }, i) => {
      const live = times(record)
      const old = times(original[i])
      for (const t of live) expect(t).toBeLessThanOrEqual(at)
      // One shift per record: the times inside it keep their distances.
      if (record.flow) expect(new Set(live.map((t, j) => t - old[j])).size).toBeLessThanOrEqual(1)
      // Order is checked on flow times (statuses carry whole seconds only).
      if (record.flow && old.length > 0 && Math.max(...old) > recordedClock) {
        recordedClock = Math.max(...old)
        clockSetters = [...clockSetters, Math.max(...live)]
      }
    })
    expect(clockSetters.length).toBeGreaterThan(5)
    expect(clockSetters).toEqual([...clockSetters].sort((a, b) => a - b))
  })

  it('keeps the agent\'s uptime growing across loop passes, so a looped demo is not a restarting agent', async () => {
    agent = await startReplayAgent({ files: [HTTP], listen: 'tcp://127.0.0.1:0', speed: 0, now: true, loop: true })
    const count = plainRecords('netifyd-4.4/02-http.raw').length
    const got = await readTimedRecords(agent.address, count * 3)
    const uptimes = got.filter(({ record }) => record.type === 'agent_status').map(({ record }) => record.uptime as number)
    const recorded = plainRecords('netifyd-4.4/02-http.raw').filter((r) => r.type === 'agent_status').map((r) => r.uptime as number)
    expect(uptimes).toHaveLength(recorded.length * 3)
    expect(uptimes.slice(0, recorded.length)).toEqual(recorded)
    for (let i = 1; i < uptimes.length; i++) expect(uptimes[i]).toBeGreaterThanOrEqual(uptimes[i - 1])
    expect(uptimes[uptimes.length - 1]).toBeGreaterThanOrEqual(3 * (recorded[recorded.length - 1] - recorded[0]))
  })

  it('keeps bare JSON framing for a stream recording', async () => {
    agent = await startReplayAgent({ files: [STREAM], listen: 'tcp://127.0.0.1:0', speed: 0, now: true })
    const got = await readAll(agent.address)
    expect(got.subarray(0, 200).includes('{"length"')).toBe(false)
    const decoded = createFrameDecoder().push(got)
    expect(decoded.errors).toEqual([])
    const values = decoded.frames.map((f) => f.value as Record<string, unknown>)
    expect(values.map((v) => v.type)).toEqual(plainRecords('netifyd-5.0/stream.bin').map((r) => r.type))
  })

  it('gives flows new digests on each further pass, with times moving forward', async () => {
    agent = await startReplayAgent({ files: [PRETTY], listen: 'tcp://127.0.0.1:0', speed: 0, now: true, loop: true })
    const count = plainRecords('netifyd-5.0/pretty/legacy.bin').length
    const got: Record<string, any>[] = []
    await new Promise<void>((resolve, reject) => {
      const decoder = createFrameDecoder()
      const s = require('node:net').createConnection({ host: '127.0.0.1', port: Number(agent!.address.split(':').pop()) })
      s.on('data', (c: Buffer) => {
        for (const f of decoder.push(c).frames) got.push(f.value as Record<string, any>)
        if (got.length >= count * 2) {
          s.destroy()
          resolve()
        }
      })
      s.on('error', reject)
    })
    const digests = (pass: Record<string, any>[]) => new Set(pass.filter((r) => r.flow).map((r) => r.flow.digest))
    const first = digests(got.slice(0, count))
    const second = digests(got.slice(count, count * 2))
    expect(first.size).toBeGreaterThan(0)
    expect(second.size).toBe(first.size)
    for (const d of second) expect(first.has(d)).toBe(false)
    const lastSeen = (pass: Record<string, any>[]) => Math.max(...pass.filter((r) => r.flow?.last_seen_at).map((r) => r.flow.last_seen_at))
    expect(lastSeen(got.slice(count, count * 2))).toBeGreaterThanOrEqual(lastSeen(got.slice(0, count)))
  })
})

describe('replay agent, listening', () => {
  it('replaces a stale socket file left by a killed agent', async () => {
    const path = join(tempDir(), 'stale.sock')
    const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`])
    await new Promise((resolve) => child.stdout.once('data', resolve))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    expect(existsSync(path)).toBe(true)
    agent = await startReplayAgent({ files: [PRETTY], listen: `unix:${path}`, speed: 0 })
    expect((await readAll(agent.address)).equals(readFileSync(PRETTY))).toBe(true)
    await agent.close()
    agent = undefined
    expect(existsSync(path)).toBe(false)
  })

  it('refuses to take over a path that is not a socket', async () => {
    const path = join(tempDir(), 'notes.txt')
    writeFileSync(path, 'keep me')
    await expect(startReplayAgent({ files: [PRETTY], listen: `unix:${path}` })).rejects.toThrow(/cannot listen on unix:.*notes\.txt: EADDRINUSE/)
    expect(readFileSync(path, 'utf8')).toBe('keep me')
  })

  it('rejects a missing recording with its name', async () => {
    await expect(startReplayAgent({ files: ['/nonexistent/x.raw'], listen: 'tcp://127.0.0.1:0' })).rejects.toThrow(/cannot read recording \/nonexistent\/x\.raw: ENOENT/)
  })

  it('rejects a file no framing can read', async () => {
    const path = join(tempDir(), 'noise.bin')
    writeFileSync(path, Buffer.alloc(200 * 1024, 'noise '))
    await expect(startReplayAgent({ files: [path], listen: 'tcp://127.0.0.1:0' })).rejects.toThrow(/noise\.bin/)
  })
})
