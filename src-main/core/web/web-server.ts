/**
 * Web mode: the renderer served over HTTP on loopback, with the bridge on a WebSocket, so the
 * UI runs in any browser without Electron.
 */
import { existsSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import path from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { WEB_SOCKET_PATH, WEB_TOKEN_PARAM } from '../../contract/wire-messages'
import type { AppCore } from '../app/app-core-types'
import { CLOSE_CODES, serveBridgeConnection } from './bridge-connection'
import {
  accessCookie, createAccessPolicy, createAccessToken, hostAllowed, isLoopbackHost, isWildcardHost,
  originAllowed, pageRequestAllowed, queryToken, tokensEqual, urlHost, type AccessPolicy,
} from './web-access'
import { sendText } from './security-headers'
import { serveStatic } from './static-files'

/** Largest request frame: `profile.import` carries up to a million characters of JSON. */
export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024
// A full snapshot at the 100k-flow table cap is ~56 MB of JSON (npm run bench -- publisher), and
// deltas queue behind it while it drains: leave room for that before calling a client too slow.
const DEFAULT_MAX_BUFFERED_BYTES = 256 * 1024 * 1024

export interface WebServerOptions {
  core: AppCore
  /** The built renderer, normally `out/renderer`. */
  staticDir: string
  host?: string
  port?: number
  /** A fixed token (tests); a random one otherwise. */
  token?: string
  /** Must be set to listen on anything but loopback (the CLI's `--host`). */
  allowNonLoopback?: boolean
  warn?: (message: string) => void
  maxMessageBytes?: number
  maxBufferedBytes?: number
}

export interface WebServer {
  /** The URL to open, token included. */
  readonly url: string
  readonly token: string
  readonly port: number
  close(): Promise<void>
}

const UNAUTHORISED = 'Open the address printed by netify-monitor: it carries the access token.'

function checkBindHost(host: string, options: WebServerOptions): void {
  if (isLoopbackHost(host)) return
  if (!options.allowNonLoopback) {
    throw new Error(`refusing to listen on ${host}: web mode listens on loopback unless --host is given explicitly`)
  }
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`))
  warn(`warning: web mode listens on ${host}; other machines can reach it, and anyone holding the URL with its token can see this network's traffic`)
}

/**
 * The request target as a URL. Only origin-form targets (`/path?query`) are accepted; the
 * target is appended rather than resolved so `//name` stays a path, not a host.
 */
function requestUrl(req: IncomingMessage): URL | undefined {
  const target = req.url ?? ''
  if (!target.startsWith('/')) return undefined
  try {
    return new URL(`http://localhost${target}`)
  } catch {
    return undefined
  }
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, policy: AccessPolicy, root: string): Promise<void> {
  if (!hostAllowed(policy, req.headers.host)) return sendText(res, 403, 'Unknown host')
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
  const url = requestUrl(req)
  if (url === undefined) return sendText(res, 400, 'Bad request path')
  if (!pageRequestAllowed(policy, req, url)) return sendText(res, 401, UNAUTHORISED)
  const cookie: Record<string, string> = tokensEqual(policy.token, queryToken(url)) ? { 'Set-Cookie': accessCookie(policy) } : {}
  return serveStatic(root, url.pathname, req, res, cookie)
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** Why an upgrade is refused, or undefined when it may proceed. */
function upgradeRefusal(req: IncomingMessage, policy: AccessPolicy): [number, string] | undefined {
  if (!hostAllowed(policy, req.headers.host)) return [403, 'Forbidden']
  const url = requestUrl(req)
  if (url?.pathname !== WEB_SOCKET_PATH) return [404, 'Not Found']
  if (!tokensEqual(policy.token, url.searchParams.get(WEB_TOKEN_PARAM))) return [401, 'Unauthorized']
  if (!originAllowed(req.headers.host, req.headers.origin)) return [403, 'Forbidden']
  return undefined
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`web mode cannot listen on ${host}:${port}: ${err.message}`)))
    server.listen(port, host, () => {
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : port)
    })
  })
}

async function closeSockets(sockets: Set<WebSocket>): Promise<void> {
  const closed = [...sockets].map((ws) => new Promise<void>((resolve) => {
    ws.once('close', () => resolve())
    ws.close(CLOSE_CODES.goingAway, 'server shutting down')
  }))
  let timer: NodeJS.Timeout | undefined
  await Promise.race([Promise.all(closed), new Promise((resolve) => { timer = setTimeout(resolve, 1000) })])
  clearTimeout(timer)
  for (const ws of sockets) ws.terminate()
}

/** Pages and assets over HTTP, the bridge over the WebSocket upgrade; nothing else. */
function routeRequests(server: Server, wss: WebSocketServer, policy: AccessPolicy, root: string, options: WebServerOptions): void {
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES
  server.on('error', (err) => (options.warn ?? console.error)(`web mode: ${err.message}`))
  server.on('request', (req, res) => {
    handleRequest(req, res, policy, root).catch(() => { if (!res.headersSent) sendText(res, 500, 'Internal error'); else res.destroy() })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const refusal = upgradeRefusal(req, policy)
    if (refusal) return refuseUpgrade(socket, ...refusal)
    wss.handleUpgrade(req, socket, head, (ws) => serveBridgeConnection(ws, options.core, { maxBufferedBytes }))
  })
}

/** Starts web mode; resolves once it is listening, with the URL to open. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  checkBindHost(host, options)
  if (!existsSync(path.join(options.staticDir, 'index.html'))) {
    throw new Error(`no renderer build in ${options.staticDir}: run "npx electron-vite build" first`)
  }
  const root = await realpath(path.resolve(options.staticDir))
  const token = options.token ?? createAccessToken()
  if (token.length < 16) throw new Error('web mode access token is too short (16 characters at least)')
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES })
  const server = createServer()
  const port = await listen(server, options.port ?? 0, host)
  const policy = createAccessPolicy(token, host, port)
  routeRequests(server, wss, policy, root, options)
  const shownHost = isWildcardHost(host) ? '127.0.0.1' : urlHost(host)
  return {
    url: `http://${shownHost}:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    token,
    port,
    async close() {
      await closeSockets(wss.clients)
      wss.close()
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() })
    },
  }
}
