import { describe, expect, it } from 'vitest'
import type { FlowRow } from '@contract/views'
import { parseFilter } from '../../../src-renderer/src/lib/filter-parse'
import { compileFilter, flowFilter, type DeviceLookup } from '../../../src-renderer/src/lib/filter-match'
import { loadFixtureFlows, toFlowRow, type FixtureFlow } from './fixture-flows'

const fixtures = loadFixtureFlows()
// Every other flow is still open, so closed:yes/no both select something.
const rows: FlowRow[] = fixtures.map((f, i) => toFlowRow(f, i % 2 === 0))
const lc = (s: string | undefined): string => (s ?? '').toLowerCase()
const hostOf = (x: FixtureFlow): string | undefined => x.flow.ssl?.client_sni ?? x.flow.host_server_name ?? x.flow.dns_host_name
const count = (expr: string, lookup?: DeviceLookup): number => rows.filter(flowFilter(expr, lookup)).length
const expected = (pred: (x: FixtureFlow, i: number) => boolean): number => fixtures.filter(pred).length

function errorOf(expr: string): { message: string; column: number } {
  const r = parseFilter(expr)
  if (r.ok) throw new Error(`expected "${expr}" to fail`)
  return r.error
}

describe('filter expressions over flows from the 4.4 recordings', () => {
  it('has enough variety in the recordings to make the assertions meaningful', () => {
    expect(rows.length).toBeGreaterThan(100)
    expect(expected((x) => lc(x.flow.detected_protocol_name) === 'quic')).toBeGreaterThan(0)
  })

  it('matches text fields as case-insensitive substrings', () => {
    expect(count('app:MICROSOFT')).toBe(expected((x) => lc(x.flow.detected_application_name).includes('microsoft')))
    expect(count('proto:quic')).toBe(expected((x) => lc(x.flow.detected_protocol_name).includes('quic')))
    expect(count('agent:dns')).toBe(expected((x) => x.agentId.includes('dns')))
    expect(count('ip:192.168.')).toBe(expected((x) => `${x.flow.local_ip} ${x.flow.other_ip}`.includes('192.168.')))
    expect(count('type:multicast')).toBe(expected((x) => x.flow.other_type === 'multicast'))
    expect(count('iface:nfb')).toBe(expected((x) => lc(x.iface).includes('nfb')))
    const mac = fixtures[0].flow.local_mac ?? ''
    expect(count(`mac:${mac}`)).toBe(expected((x) => x.flow.local_mac === mac))
    expect(count('app:microsoft')).toBeGreaterThan(0)
  })

  it('matches globs against the whole host name, and host: is the same field as sni:', () => {
    const google = expected((x) => lc(hostOf(x)).endsWith('.google.com'))
    expect(google).toBeGreaterThan(0)
    expect(count('sni:*.google.com')).toBe(google)
    expect(count('host:*.GOOGLE.COM')).toBe(google)
    expect(count('sni:www.*.com')).toBe(expected((x) => /^www\..*\.com$/i.test(hostOf(x) ?? '')))
    // Without a star the value is a substring anywhere in the name.
    expect(count('sni:google')).toBe(expected((x) => lc(hostOf(x)).includes('google')))
  })

  it('compares numeric fields, with k/M/G suffixes, and port matches either side', () => {
    const score = (x: FixtureFlow): number => x.flow.risks?.ndpi_risk_score ?? 0
    expect(count('risk>=50')).toBe(expected((x) => score(x) >= 50))
    expect(count('risk>50')).toBe(expected((x) => score(x) > 50))
    expect(count('risk<10')).toBe(expected((x) => score(x) < 10))
    expect(count('risk<=10')).toBe(expected((x) => score(x) <= 10))
    expect(count('risk=110')).toBe(expected((x) => score(x) === 110))
    expect(count('risk:110')).toBe(count('risk=110'))
    expect(count('risk=110')).toBeGreaterThan(0)
    expect(count('bytes>10k')).toBe(expected((x) => x.totalBytes > 10_000))
    expect(count('bytes>0.01M')).toBe(count('bytes>10k'))
    expect(count('port:443')).toBe(expected((x) => x.flow.local_port === 443 || x.flow.other_port === 443))
    expect(count('port>=1024')).toBe(expected((x) => (x.flow.local_port ?? -1) >= 1024 || (x.flow.other_port ?? -1) >= 1024))
  })

  it('negates with - and not, ORs alternatives, ANDs neighbours, groups with parentheses', () => {
    const dns = expected((x) => lc(x.flow.detected_protocol_name).includes('dns'))
    expect(count('-proto:dns')).toBe(rows.length - dns)
    expect(count('not proto:dns')).toBe(rows.length - dns)
    expect(count('proto:DoT OR proto:QUIC')).toBe(expected((x) => ['dot', 'quic'].includes(lc(x.flow.detected_protocol_name))))
    const httpsRisky = expected((x) => lc(x.flow.detected_protocol_name).includes('http/s') && (x.flow.risks?.ndpi_risk_score ?? 0) >= 50)
    expect(count('proto:HTTP/S risk>=50')).toBe(httpsRisky)
    expect(count('proto:HTTP/S AND risk>=50')).toBe(httpsRisky)
    expect(count('(proto:DoT OR proto:QUIC) -risk>=100')).toBe(
      expected((x) => ['dot', 'quic'].includes(lc(x.flow.detected_protocol_name)) && (x.flow.risks?.ndpi_risk_score ?? 0) < 100),
    )
  })

  it('matches bare words and quoted phrases against any text field', () => {
    const any = (x: FixtureFlow, w: string): boolean =>
      [x.flow.detected_application_name, x.flow.detected_protocol_name, hostOf(x), x.flow.local_ip, x.flow.other_ip, x.flow.local_mac, x.agentId, x.iface, x.flow.other_type]
        .some((v) => lc(v).includes(w))
    expect(count('ntop')).toBe(expected((x) => any(x, 'ntop')))
    expect(count('ntop')).toBeGreaterThan(0)
    expect(count('"www.ntop.org"')).toBe(expected((x) => any(x, 'www.ntop.org')))
  })

  it('tells closed flows from open ones', () => {
    expect(count('closed:yes')).toBe(expected((x, i) => i % 2 === 1 && x.purgeReason !== undefined))
    expect(count('closed:no') + count('closed:yes')).toBe(rows.length)
  })

  it('finds a device by alias, vendor or MAC through the lookup', () => {
    const tvMac = fixtures[0].flow.local_mac ?? ''
    const lookup: DeviceLookup = (mac) => (mac === tvMac ? { alias: 'Living room TV', vendor: 'Samsung' } : undefined)
    const onTv = expected((x) => x.flow.local_mac === tvMac)
    expect(count('device:"living ROOM tv"', lookup)).toBe(onTv)
    expect(count('device:samsung', lookup)).toBe(onTv)
    expect(count(`device:${tvMac.slice(0, 8)}`, lookup)).toBe(expected((x) => lc(x.flow.local_mac).startsWith(tvMac.slice(0, 8))))
    expect(count('"Living room"', lookup)).toBe(onTv)
  })
})

describe('parsing', () => {
  it('parses the documented example into five ANDed terms', () => {
    const r = parseFilter('app:netflix device:"Living room TV" risk>=50 proto:QUIC sni:*.google.com')
    expect(r).toEqual({
      ok: true,
      ast: {
        kind: 'and',
        children: [
          { kind: 'text', field: 'app', value: 'netflix' },
          { kind: 'text', field: 'device', value: 'Living room TV' },
          { kind: 'compare', field: 'risk', op: '>=', value: 50 },
          { kind: 'text', field: 'proto', value: 'QUIC' },
          { kind: 'text', field: 'sni', value: '*.google.com' },
        ],
      },
    })
  })

  it('keeps colons inside values (MAC, IPv6) and unescapes quotes', () => {
    expect(parseFilter('mac:aa:bb:cc')).toEqual({ ok: true, ast: { kind: 'text', field: 'mac', value: 'aa:bb:cc' } })
    expect(parseFilter('ip:fe80::1')).toEqual({ ok: true, ast: { kind: 'text', field: 'ip', value: 'fe80::1' } })
    expect(parseFilter('sni:"a \\"b\\" c"')).toEqual({ ok: true, ast: { kind: 'text', field: 'sni', value: 'a "b" c' } })
  })

  it('treats an empty expression as matching everything', () => {
    const r = parseFilter('   ')
    expect(r).toEqual({ ok: true, ast: null })
    expect(rows.filter(compileFilter(null)).length).toBe(rows.length)
  })

  it('reports what is wrong and at which column', () => {
    expect(errorOf('app:netflix sni2:foo')).toMatchObject({ column: 13, message: expect.stringContaining('unknown field "sni2"') })
    expect(errorOf('risk>=abc')).toMatchObject({ column: 7, message: 'expected a number after "risk>=" at column 7' })
    expect(errorOf('app:x sni:"abc')).toMatchObject({ column: 11, message: 'unterminated quote at column 11' })
    expect(errorOf('proto:DNS OR')).toMatchObject({ column: 11, message: 'expected a term after "OR" at column 11' })
    expect(errorOf('OR proto:DNS').message).toBe('expected a term before "OR" at column 1')
    expect(errorOf('(proto:DNS').message).toBe('missing ")" for this "(" at column 1')
    expect(errorOf('proto:DNS)').message).toBe('unexpected ")" with no matching "(" at column 10')
    expect(errorOf('risk >= 50').message).toMatch(/^unexpected ">=".*risk>=50 at column 6$/)
    expect(errorOf('app>5').message).toMatch(/"app" is text.* at column 4$/)
    expect(errorOf('closed:maybe').message).toBe('expected yes or no after "closed:" at column 8')
    expect(errorOf('app: x').message).toBe('expected a value after "app:" at column 5')
    expect(errorOf('proto:DNS - x').message).toBe('expected a term after "-" at column 11')
    expect(errorOf('()').message).toBe('expected a term after "(" at column 1')
    expect(errorOf('('.repeat(200) + 'x' + ')'.repeat(200)).message).toMatch(/nested too deeply/)
  })
})
