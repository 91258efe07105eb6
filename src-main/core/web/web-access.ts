/**
 * Who may use web mode: a browser that holds the random token, talking to the address we bound,
 * from a page we served.
 *
 * The token travels in the first URL (`?token=`); a cookie carries it for the page's assets,
 * and the WebSocket URL repeats it. The Host check defeats DNS rebinding (a hostile name that
 * resolves to 127.0.0.1), and the Origin check defeats cross-site WebSocket hijacking.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import ipaddr from 'ipaddr.js'
import { WEB_TOKEN_PARAM } from '../../contract/wire-messages'

/** 32 random bytes, URL-safe. */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokensEqual(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true
  if (!ipaddr.isValid(host)) return false
  return ipaddr.process(host).range() === 'loopback'
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::'
}

/** How a host name is written in a URL or Host header (IPv6 in brackets), lowercase. */
export function urlHost(host: string): string {
  return ipaddr.IPv6.isValid(host) ? `[${host.toLowerCase()}]` : host.toLowerCase()
}

export interface AccessPolicy {
  token: string
  port: number
  /** Host names (as in a URL) a request may name besides any IP literal allowed below. */
  hostNames: ReadonlySet<string>
  /** A wildcard bind is reached through any of the machine's addresses. */
  anyIpLiteral: boolean
  cookieName: string
}

export function createAccessPolicy(token: string, host: string, port: number): AccessPolicy {
  const names = new Set([urlHost(host)])
  if (isLoopbackHost(host) || isWildcardHost(host)) names.add('localhost')
  if (isWildcardHost(host)) names.add('127.0.0.1')
  // Cookies are shared by every port of a host: the port in the name keeps instances apart.
  return { token, port, hostNames: names, anyIpLiteral: isWildcardHost(host), cookieName: `netify_monitor_${port}` }
}

function parseHost(value: string): URL | undefined {
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(value)) return undefined
  try {
    return new URL(`http://${value}`)
  } catch {
    return undefined
  }
}

/** True when the Host header names the address we serve (defeats DNS rebinding). */
export function hostAllowed(policy: AccessPolicy, hostHeader: string | undefined): boolean {
  if (hostHeader === undefined) return false
  const url = parseHost(hostHeader)
  if (url === undefined || (url.port || '80') !== String(policy.port)) return false
  if (policy.hostNames.has(url.hostname)) return true
  const bare = url.hostname.replace(/^\[|\]$/g, '')
  return policy.anyIpLiteral && ipaddr.isValid(bare)
}

/** True when a WebSocket's Origin is the page we served on this same host. */
export function originAllowed(hostHeader: string | undefined, origin: string | undefined): boolean {
  if (hostHeader === undefined || origin === undefined) return false
  const host = parseHost(hostHeader)
  try {
    return host !== undefined && new URL(origin).origin === host.origin
  } catch {
    return false
  }
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export function queryToken(url: URL): string | null {
  return url.searchParams.get(WEB_TOKEN_PARAM)
}

/** A page or asset request: the token in the URL, or the cookie a first load set. */
export function pageRequestAllowed(policy: AccessPolicy, req: IncomingMessage, url: URL): boolean {
  return tokensEqual(policy.token, queryToken(url)) || tokensEqual(policy.token, cookieValue(req, policy.cookieName))
}

/** The cookie that lets the page's assets load after the first, token-bearing URL. */
export function accessCookie(policy: AccessPolicy): string {
  return `${policy.cookieName}=${policy.token}; Path=/; HttpOnly; SameSite=Strict`
}
