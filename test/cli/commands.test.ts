import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startReplayAgent, type ReplayAgent } from '../../src-main/core/replay/replay-agent'
import { fixturePath, plainRecords } from '../core/summary/plain-records'
import { expectOneLine, finish, firstLine, runCli, startCli } from './cli-process'
import { tempDir } from '../temp-dirs'

let agent: ReplayAgent | undefined
afterEach(async () => {
  await agent?.close()
  agent = undefined
})

const HTTP = 'netifyd-4.4/02-http.raw'

describe('netify-monitor', () => {
  it('prints usage naming every command with --help', async () => {
    const r = await runCli(['--help'])
    expect(r.code).toBe(0)
    for (const name of ['summary', 'tail', 'record', 'replay-agent']) expect(r.stdout).toContain(`netify-monitor ${name}`)
  })

  it('refuses an unknown command on one line', async () => {
    const r = await runCli(['frobnicate'])
    expect(r.code).toBe(2)
    expect(expectOneLine(r.stderr)).toMatch(/unknown command "frobnicate"/)
  })
})

describe('netify-monitor tail', () => {
  it('prints the records of the chosen types as NDJSON', async () => {
    const r = await runCli(['tail', fixturePath(HTTP), '--type', 'flow_purge', '--type', 'agent_hello'])
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))
    const expected = plainRecords(HTTP).filter((x) => x.type === 'flow_purge' || x.type === 'agent_hello')
    expect(lines).toHaveLength(expected.length)
    expect(lines.filter((e) => e.type === 'flow_purge').map((e) => e.counters.digest)).toEqual(expected.filter((x) => x.type === 'flow_purge').map((x) => x.flow.digest))
  })
})

describe('netify-monitor record', () => {
  it('saves the exact bytes the agent sent, until it closes', async () => {
    agent = await startReplayAgent({ files: [fixturePath(HTTP)], listen: 'tcp://127.0.0.1:0', speed: 0 })
    const out = join(tempDir(), 'saved.raw')
    const r = await runCli(['record', agent.address, out])
    expect(r.code).toBe(0)
    expect(readFileSync(out).equals(readFileSync(fixturePath(HTTP)))).toBe(true)
  })

  it('flushes what it received when interrupted', async () => {
    agent = await startReplayAgent({ files: [fixturePath(HTTP)], listen: 'tcp://127.0.0.1:0', speed: 1, loop: true })
    const out = join(tempDir(), 'partial.raw')
    const child = startCli(['record', agent.address, out])
    const done = finish(child)
    while (agent.clients === 0 || !existsSync(out)) await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 300))
    child.kill('SIGINT')
    const r = await done
    expect(r.code).toBe(0)
    const saved = readFileSync(out)
    const file = readFileSync(fixturePath(HTTP))
    const firstFrameEnd = file.indexOf('\n') + 1 + JSON.parse(file.subarray(0, file.indexOf('\n')).toString()).length
    expect(saved.length).toBeGreaterThanOrEqual(firstFrameEnd)
    expect(saved.equals(file.subarray(0, saved.length))).toBe(true)
  })
})

describe('netify-monitor replay-agent', () => {
  it('prints its address, serves every client, and exits cleanly on SIGINT', async () => {
    const path = join(tempDir(), 'demo.sock')
    const child = startCli(['replay-agent', fixturePath(HTTP), '--listen', `unix:${path}`, '--speed', '0'])
    const done = finish(child)
    const line = await firstLine(child)
    expect(line).toBe(`listening on unix:${path}`)
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['summary', `unix:${path}`])
      expect(JSON.parse(r.stdout).records.flow).toBe(plainRecords(HTTP).filter((x) => x.type === 'flow').length)
    }
    child.kill('SIGINT')
    expect((await done).code).toBe(0)
    expect(existsSync(path)).toBe(false)
  })

  it('refuses to start without --listen', async () => {
    const r = await runCli(['replay-agent', fixturePath(HTTP)])
    expect(r.code).toBe(2)
    expect(expectOneLine(r.stderr)).toMatch(/--listen/)
  })
})
