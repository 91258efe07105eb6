// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import type { AlertView, DeviceView } from '@contract/views'
import { csvCell, exportFileName, toJson } from '../../../src-renderer/src/lib/export-format'
import { alertsToCsv, devicesToCsv, flowsToCsv } from '../../../src-renderer/src/lib/export-tables'
import { downloadText } from '../../../src-renderer/src/lib/export-download'
import { loadFixtureFlows, toFlowRow } from './fixture-flows'

/** A small RFC 4180 reader, written independently of the exporter, to read back what it wrote. */
function parseCsv(text: string): string[][] {
  const out: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), out.push(row), (row = []), (cell = ''), i++
    else cell += c
  }
  return out
}

const rows = loadFixtureFlows().map((f) => toFlowRow(f))

const device: DeviceView = {
  mac: 'aa:bb:cc:dd:ee:ff', alias: '=HYPERLINK("http://evil","click")', vendor: 'Acme, "Best" Inc.\nLine two', localAdmin: false,
  ips: ['192.168.1.13', 'fe80::1'], agents: ['router'], firstSeen: 1_796_314_319_373, lastSeen: 1_796_314_329_373,
  bytesSent: 10, bytesReceived: 20, rateOut: 1, rateIn: 2, activeFlows: 3, applications: ['netify.youtube'], riskCount: -1,
}

describe('CSV export', () => {
  it('writes a header and one row per flow that reads back field for field', () => {
    const table = parseCsv(flowsToCsv(rows))
    expect(table[0]).toContain('host')
    expect(table.length).toBe(rows.length + 1)
    const hostCol = table[0].indexOf('host')
    const portCol = table[0].indexOf('other_port')
    rows.forEach((r, i) => {
      expect(table[i + 1][hostCol]).toBe(r.host ?? '')
      expect(table[i + 1][portCol]).toBe(r.otherPort === undefined ? '' : String(r.otherPort))
    })
  })

  it('quotes commas, quotes and newlines as RFC 4180 says', () => {
    const text = devicesToCsv([device])
    expect(text).toContain('"Acme, ""Best"" Inc.\nLine two"')
    const [header, line] = parseCsv(text)
    expect(line[header.indexOf('vendor')]).toBe('Acme, "Best" Inc.\nLine two')
    expect(line[header.indexOf('ips')]).toBe('192.168.1.13; fe80::1')
    expect(line[header.indexOf('first_seen')]).toBe(new Date(device.firstSeen).toISOString())
  })

  it('defuses cells a spreadsheet would run as formulas, but keeps negative numbers', () => {
    for (const bad of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/)
    }
    expect(csvCell('safe.example.com')).toBe('safe.example.com')
    expect(csvCell(-1)).toBe('-1')
    const [header, line] = parseCsv(devicesToCsv([device]))
    expect(line[header.indexOf('alias')]).toBe(`'=HYPERLINK("http://evil","click")`)
    expect(line[header.indexOf('risk_count')]).toBe('-1')
  })

  it('exports alerts with their hostile text defused', () => {
    const alert: AlertView = {
      id: 'a1', kind: 'risk', severity: 'high', state: 'new', title: '@evil', explanation: 'x', count: 2,
      firstSeen: 1, lastSeen: 2, host: '-cmd|calc',
    }
    const [header, line] = parseCsv(alertsToCsv([alert]))
    expect(line[header.indexOf('title')]).toBe("'@evil")
    expect(line[header.indexOf('host')]).toBe("'-cmd|calc")
    expect(line[header.indexOf('severity')]).toBe('high')
  })
})

describe('JSON export', () => {
  it('round-trips the rows exactly, pretty-printed', () => {
    const text = toJson(rows)
    expect(text.split('\n').length).toBeGreaterThan(rows.length)
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(rows)))
    expect(JSON.parse(toJson([device]))).toEqual([device])
  })
})

describe('download', () => {
  it('hands the text to the browser as a named file and releases the URL', async () => {
    const blobs: Blob[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'))
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    let clicked: HTMLAnchorElement | undefined
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this
    })
    const name = exportFileName('flows', 'csv', Date.UTC(2026, 0, 2, 10, 11, 12))
    expect(name).toBe('netify-flows-20260102-101112.csv')
    downloadText(name, 'a,b\r\n', 'text/csv')
    expect(clicked?.download).toBe(name)
    expect(document.querySelector('a[download]')).toBeNull()
    expect(await blobs[0].text()).toBe('a,b\r\n')
    await new Promise((r) => setTimeout(r, 5))
    expect(revoke).toHaveBeenCalledWith('blob:x')
    create.mockRestore(), revoke.mockRestore(), click.mockRestore()
  })
})
