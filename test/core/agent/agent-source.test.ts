import { describe, expect, it } from 'vitest'
import { AgentSourceError, formatAgentSource, parseAgentSource } from '../../../src-main/core/agent/agent-source'

describe('parseAgentSource', () => {
  it.each([
    ['tcp://127.0.0.1:7150', { kind: 'tcp', host: '127.0.0.1', port: 7150 }],
    ['tcp://router.lan:7150', { kind: 'tcp', host: 'router.lan', port: 7150 }],
    ['tcp://[::1]:7150', { kind: 'tcp', host: '::1', port: 7150 }],
    ['tcp://[fe80::1%eth0]:7150', { kind: 'tcp', host: 'fe80::1%eth0', port: 7150 }],
    ['unix:/var/run/netifyd/netifyd.sock', { kind: 'unix', path: '/var/run/netifyd/netifyd.sock' }],
    ['unix:///var/run/netifyd/netifyd.sock', { kind: 'unix', path: '/var/run/netifyd/netifyd.sock' }],
  ])('reads %s', (text, expected) => {
    expect(parseAgentSource(text)).toEqual(expected)
  })

  it.each(['', 'localhost:7150', 'http://127.0.0.1:7150', 'tcp://127.0.0.1', 'tcp://127.0.0.1:99999', 'tcp://::1:7150', 'unix:', 'udp://1.2.3.4:5'])(
    'refuses %j with a message naming the expected forms',
    (text) => {
      expect(() => parseAgentSource(text)).toThrow(AgentSourceError)
      expect(() => parseAgentSource(text)).toThrow(/tcp:\/\/|unix:/)
    },
  )

  it('formats back to the canonical text (IPv6 in brackets)', () => {
    for (const text of ['tcp://[::1]:7150', 'tcp://10.0.0.1:1', 'unix:/tmp/a.sock']) expect(formatAgentSource(parseAgentSource(text))).toBe(text)
    expect(formatAgentSource(parseAgentSource('unix:///tmp/a.sock'))).toBe('unix:/tmp/a.sock')
  })
})
