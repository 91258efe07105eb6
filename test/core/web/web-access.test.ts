import { describe, expect, it } from 'vitest'
import {
  createAccessPolicy, hostAllowed, isLoopbackHost, originAllowed, tokensEqual,
} from '../../../src-main/core/web/web-access'

describe('web mode access rules', () => {
  it('treats only loopback addresses as loopback', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', 'localhost', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true)
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'fe80::1', 'example.com', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false)
  })

  it('accepts the bound address and localhost on the bound port only', () => {
    const v4 = createAccessPolicy('t'.repeat(43), '127.0.0.1', 8123)
    expect(hostAllowed(v4, '127.0.0.1:8123')).toBe(true)
    expect(hostAllowed(v4, 'LOCALHOST:8123')).toBe(true)
    expect(hostAllowed(v4, '127.0.0.1')).toBe(false)
    expect(hostAllowed(v4, '127.0.0.2:8123')).toBe(false)
    expect(hostAllowed(v4, 'rebind.attacker.example:8123')).toBe(false)
    expect(hostAllowed(v4, '127.0.0.1:8123@evil')).toBe(false)
    expect(hostAllowed(v4, undefined)).toBe(false)
    const v6 = createAccessPolicy('t'.repeat(43), '::1', 8123)
    expect(hostAllowed(v6, '[::1]:8123')).toBe(true)
    expect(hostAllowed(v6, '127.0.0.1:8123')).toBe(false)
  })

  it('accepts any IP literal but no name besides localhost on a wildcard bind', () => {
    const any = createAccessPolicy('t'.repeat(43), '0.0.0.0', 80)
    expect(hostAllowed(any, '192.168.1.10')).toBe(true)
    expect(hostAllowed(any, '[fe80::1]:80')).toBe(true)
    expect(hostAllowed(any, 'router.lan')).toBe(false)
  })

  it('accepts an Origin only when it is the page on the same host and port', () => {
    expect(originAllowed('127.0.0.1:8123', 'http://127.0.0.1:8123')).toBe(true)
    expect(originAllowed('127.0.0.1:8123', 'https://127.0.0.1:8123')).toBe(false)
    expect(originAllowed('127.0.0.1:8123', 'http://localhost:8123')).toBe(false)
    expect(originAllowed('127.0.0.1:8123', 'null')).toBe(false)
    expect(originAllowed('127.0.0.1:8123', undefined)).toBe(false)
  })

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true)
    expect(tokensEqual('abc', 'abcd')).toBe(false)
    expect(tokensEqual('abc', 'abd')).toBe(false)
    expect(tokensEqual('abc', null)).toBe(false)
  })
})
