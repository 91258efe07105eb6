/**
 * A throwaway renderer build next to a secret file, and raw HTTP and WebSocket clients that
 * send paths and headers exactly as written (fetch would normalise them).
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { WebSocket } from 'ws'

export const SECRET = 'SECRET-OUTSIDE-THE-RENDERER'
export const INDEX_HTML = '<!doctype html><html><head><title>Netify Monitor</title></head><body></body></html>'

/** `<tmp>/renderer/` holds the build; `<tmp>/secret.txt` and `<tmp>/package.json` must stay unreachable. */
export function makeStaticDir(): { base: string; root: string } {
  const base = mkdtempSync(path.join(tmpdir(), 'nm-web-'))
  const root = path.join(base, 'renderer')
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), INDEX_HTML)
  writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log("app")')
  writeFileSync(path.join(root, 'assets', 'index-abc123.css'), 'body{margin:0}')
  writeFileSync(path.join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(path.join(root, 'assets', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  writeFileSync(path.join(root, 'assets', 'data.bin'), Buffer.from([1, 2, 3]))
  writeFileSync(path.join(root, '.env'), SECRET)
  writeFileSync(path.join(base, 'secret.txt'), SECRET)
  writeFileSync(path.join(base, 'package.json'), JSON.stringify({ name: SECRET }))
  symlinkSync(base, path.join(root, 'escape'))
  return { base, root }
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function rawGet(port: number, rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}

export type UpgradeOutcome = { opened: WebSocket; messages: unknown[] } | { status: number }

/**
 * Attempts a WebSocket upgrade and reports the HTTP status if it is refused. Messages are
 * collected from the start: the first push can arrive before an `await` resumes.
 */
export function tryUpgrade(url: string, options: { origin?: string; host?: string; maxPayload?: number } = {}): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = options.host ? { Host: options.host } : {}
    const ws = new WebSocket(url, { origin: options.origin, headers })
    const messages = collectMessages(ws)
    ws.once('open', () => resolve({ opened: ws, messages }))
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 })
      res.resume()
      ws.terminate()
    })
    ws.on('error', reject)
  })
}

export interface Closed {
  code: number
  reason: string
}

export function waitForClose(ws: WebSocket): Promise<Closed> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/** Collects every text frame the server sends, parsed. */
export function collectMessages(ws: WebSocket): unknown[] {
  const messages: unknown[] = []
  ws.on('message', (data) => messages.push(JSON.parse(String(data))))
  return messages
}
