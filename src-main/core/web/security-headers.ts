/**
 * Headers every web mode response carries: the page may load only its own scripts, styles and
 * socket, may not be framed, and leaks no URL (which holds the token) through the Referer.
 */
import type { ServerResponse } from 'node:http'

/**
 * Same policy as the meta tag in src-renderer/index.html, but `connect-src 'self'` alone:
 * 'self' covers the page's own ws:// origin, and nothing else is reachable.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
}

/** A short plain-text answer (errors, refusals), never HTML: nothing in it is interpreted. */
export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  setSecurityHeaders(res)
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  })
  res.end(text)
}
