import { describe, expect, it } from 'vitest'
import type { HistoryRow } from '../../src-main/contract/views'
import { DAY, MINUTE, open, T0, useTempDatabase } from '../core/storage/storage-test-helpers'
import { expectOneLine, runCli } from './cli-process'

const temp = useTempDatabase()

const TV = 'aa:bb:cc:00:11:22'
const LAPTOP = 'aa:bb:cc:00:11:33'
const HOSTILE = 'evil\u001b[31mred\u009b2J'

function seed(): HistoryRow[] {
  const rows: HistoryRow[] = []
  for (let m = 0; m < 10; m++) {
    rows.push({ t: T0 + m * MINUTE, device: TV, application: 'netify.netflix', bytesSent: 10 + m, bytesReceived: 1000 * (m + 1) })
    rows.push({ t: T0 + m * MINUTE, device: LAPTOP, application: m % 2 ? 'netify.zoom' : HOSTILE, bytesSent: 7, bytesReceived: 3 })
  }
  const s = open(temp.path)
  s.usage.add(rows)
  s.close()
  return rows
}

const byKey = (a: HistoryRow, b: HistoryRow) => a.t - b.t || a.device.localeCompare(b.device) || a.application.localeCompare(b.application)

// Each case starts the CLI from source (tsx), a second or two apiece on a busy machine.
describe('netify-monitor history', { timeout: 60_000 }, () => {
  it('answers a range as JSON (ISO or epoch ms, from inclusive, to exclusive) and filters by device', async () => {
    const rows = seed()
    const from = new Date(T0 + 2 * MINUTE).toISOString()
    const to = String(T0 + 6 * MINUTE)
    const r = await runCli(['history', '--db', temp.path, '--from', from, '--to', to, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const expected = rows.filter((x) => x.t >= T0 + 2 * MINUTE && x.t < T0 + 6 * MINUTE).sort(byKey)
    expect(JSON.parse(r.stdout)).toEqual(expected)
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)

    const tv = await runCli(['history', '--db', temp.path, '--from', from, '--to', to, '--device', TV.toUpperCase(), '--json'])
    expect(JSON.parse(tv.stdout)).toEqual(expected.filter((x) => x.device === TV))
  })

  it('prints a table with escaped control characters and a totals line; --totals groups per device and application', async () => {
    const rows = seed()
    const r = await runCli(['history', '--db', temp.path, '--from', String(T0), '--to', String(T0 + DAY)])
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^minute\s+device\s+application\s+sent\s+received$/)
    expect(lines).toHaveLength(rows.length + 2)
    expect(r.stdout).not.toContain('\u001b')
    expect(r.stdout).not.toContain('\u009b')
    expect(r.stdout).toContain('evil\\u001b[31mred\\u009b2J')
    const sent = rows.reduce((n, x) => n + x.bytesSent, 0)
    const received = rows.reduce((n, x) => n + x.bytesReceived, 0)
    expect(lines[lines.length - 1]).toBe(`${rows.length} rows; ${sent} bytes sent, ${received} bytes received`)
    expect(lines[1].split(/\s+/)).toEqual([new Date(T0).toISOString(), TV, 'netify.netflix', '10', '1000'])

    const totals = await runCli(['history', '--db', temp.path, '--from', String(T0), '--to', String(T0 + DAY), '--totals', '--json'])
    const netflix = rows.filter((x) => x.application === 'netify.netflix')
    expect(JSON.parse(totals.stdout)[0]).toEqual({
      device: TV, application: 'netify.netflix',
      bytesSent: netflix.reduce((n, x) => n + x.bytesSent, 0), bytesReceived: netflix.reduce((n, x) => n + x.bytesReceived, 0),
    })
    expect(JSON.parse(totals.stdout)).toHaveLength(3)
  })

  it('reports bad usage on one line', async () => {
    const noDb = await runCli(['history', '--from', '0'])
    expect(noDb.code).toBe(2)
    expect(expectOneLine(noDb.stderr)).toMatch(/--db FILE is required/)

    const badTime = await runCli(['history', '--db', temp.path, '--from', 'yesterday'])
    expect(badTime.code).toBe(2)
    expect(expectOneLine(badTime.stderr)).toContain('--from: "yesterday" is not an ISO 8601 time or epoch milliseconds')
  })

  it('reports a missing or busy database on one line', async () => {
    const missing = await runCli(['history', '--db', temp.path])
    expect(missing.code).toBe(1)
    expect(expectOneLine(missing.stderr)).toContain(`No database at ${temp.path}`)

    seed()
    const held = open(temp.path)
    const busy = await runCli(['history', '--db', temp.path])
    held.close()
    expect(busy.code).toBe(1)
    expect(expectOneLine(busy.stderr)).toContain(`is in use by another program (process ${process.pid})`)
  })
})
