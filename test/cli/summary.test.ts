import { afterEach, describe, expect, it } from 'vitest'
import { writeFileSync, readFileSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import { startReplayAgent, type ReplayAgent } from '../../src-main/core/replay/replay-agent'
import { fixturePath, plainRecords, plainSummary, RECORDINGS } from '../core/summary/plain-records'
import { expectOneLine, runCli } from './cli-process'
import { tempDir } from '../temp-dirs'

let agent: ReplayAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

const riskLines = readFileSync(fixturePath('../../resources/risks.txt'), 'utf8').split('\n')

async function summaryOf(source: string): Promise<any> {
  const r = await runCli(['summary', source])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

describe('netify-monitor summary', () => {
  it.each(RECORDINGS)('matches figures read straight from %s', async (name) => {
    const expected = plainSummary(plainRecords(name))
    const got = await summaryOf(fixturePath(name))
    expect(got.records).toEqual(expected.records)
    expect(got.invalid).toBe(0)
    expect(got.errors).toEqual([])
    expect(got.flows).toBe(expected.flows)
    expect(got.unattributed).toBe(expected.unattributed)
    expect(new Map(got.devices.map((d: any) => [d.mac, { ips: d.ips, flows: d.flows, bytes: d.bytes }]))).toEqual(expected.devices)
    expect(new Map(got.applications.map((a: any) => [a.id, { flows: a.flows, bytes: a.bytes }]))).toEqual(expected.applications)
    expect(new Map(got.risks.map((r: any) => [r.id, r.flows]))).toEqual(expected.risks)
    for (const risk of got.risks) expect(riskLines.find((l) => l.trim().startsWith(`${risk.id}:`))?.split(':')[1].trim()).toBe(risk.name)
    const bytes = got.devices.map((d: any) => d.bytes)
    expect(bytes).toEqual([...bytes].sort((a, b) => b - a))
  })

  it('counts every record of several sources, and keeps their flows apart', async () => {
    const a = 'netifyd-4.4/03-dns.raw'
    const got = JSON.parse((await runCli(['summary', fixturePath(a), fixturePath(a)])).stdout)
    const one = plainSummary(plainRecords(a))
    expect(got.flows).toBe(one.flows * 2)
    expect(got.records.flow).toBe(one.records.flow * 2)
  })

  it.each(['tcp', 'unix'])('gives the same summary over %s from the replay agent as from the file', async (kind) => {
    const file = fixturePath('netifyd-4.4/07-risks-ssh-smtp.raw')
    const listen = kind === 'tcp' ? 'tcp://127.0.0.1:0' : `unix:${join(tempDir(), 'agent.sock')}`
    agent = await startReplayAgent({ files: [file], listen, speed: 0 })
    const fromFile = await summaryOf(file)
    const fromSocket = await summaryOf(agent.address)
    expect(fromSocket).toEqual(fromFile)
  })

  it('gives the same summary for a bare-JSON stream served over a socket', async () => {
    const file = fixturePath('netifyd-5.0/stream.bin')
    agent = await startReplayAgent({ files: [file], listen: 'tcp://127.0.0.1:0', speed: 0 })
    const [fromFile, fromSocket] = await Promise.all([summaryOf(file), summaryOf(agent.address)])
    expect(fromSocket).toEqual(fromFile)
  })
})

describe('netify-monitor summary failures', () => {
  it('reports a missing file on one line and exits non-zero', async () => {
    const r = await runCli(['summary', '/nonexistent/agent.raw'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(expectOneLine(r.stderr)).toMatch(/cannot open \/nonexistent\/agent\.raw: no such file/)
  })

  it('reports a refused connection', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port
        s.close(() => resolve(p))
      })
    })
    const r = await runCli(['summary', `tcp://127.0.0.1:${port}`])
    expect(r.code).toBe(1)
    expect(expectOneLine(r.stderr)).toMatch(new RegExp(`cannot connect to tcp://127\\.0\\.0\\.1:${port}: connection refused`))
  })

  it('reports unreadable framing with the byte offset', async () => {
    const file = join(tempDir(), 'noise.bin')
    writeFileSync(file, Buffer.alloc(256 * 1024, 'this is not an agent stream '))
    const r = await runCli(['summary', file])
    expect(r.code).not.toBe(0)
    expect(r.stdout).toBe('')
    expect(expectOneLine(r.stderr)).toMatch(/noise\.bin: unreadable stream at byte \d+/)
  })

  it('refuses a malformed source and unknown options as usage errors', async () => {
    const bad = await runCli(['summary', 'tcp://nowhere'])
    expect(bad.code).toBe(2)
    expect(expectOneLine(bad.stderr)).toMatch(/expected tcp:\/\/HOST:PORT/)
    const opt = await runCli(['summary', '--frobnicate'])
    expect(opt.code).toBe(2)
    expect(expectOneLine(opt.stderr)).toMatch(/--frobnicate/)
  })
})
