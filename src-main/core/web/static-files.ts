/**
 * Serves the built renderer (`out/renderer`) and nothing outside it.
 *
 * A request path is percent-decoded, resolved under the root and checked against the root's
 * prefix, then its real path (symlinks followed) is checked again; dotfiles and directories are
 * never served. Hashed Vite assets may be cached for good; index.html never is.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { sendText, setSecurityHeaders } from './security-headers'

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function mimeType(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

export type StaticResolution = { path: string } | { status: 400 | 403 | 404 }

function within(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep)
}

/** Maps a URL path onto a file under `root`, or says why not. `root` must be absolute. */
export function resolveStaticPath(root: string, pathname: string): StaticResolution {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { status: 400 }
  }
  if (decoded.includes('\0') || !decoded.startsWith('/')) return { status: 400 }
  const relative = decoded === '/' ? 'index.html' : `.${decoded}`
  const resolved = path.resolve(root, relative)
  if (!within(root, resolved)) return { status: 403 }
  const segments = path.relative(root, resolved).split(path.sep)
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 }
  return { path: resolved }
}

function cacheControl(root: string, file: string): string {
  if (path.basename(file) === 'index.html') return 'no-store'
  return within(path.join(root, 'assets'), file) ? 'private, max-age=31536000, immutable' : 'no-cache'
}

/**
 * Answers a GET/HEAD for a file; the caller has checked access. `root` must be a real path
 * (symlinks resolved), as files are checked against it after following theirs.
 */
export async function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse, extraHeaders: Record<string, string> = {}): Promise<void> {
  const resolution = resolveStaticPath(root, pathname)
  if ('status' in resolution) {
    sendText(res, resolution.status, resolution.status === 400 ? 'Bad request path' : 'Not found')
    return
  }
  let size: number
  let real: string
  try {
    real = await realpath(resolution.path)
    const info = await stat(real)
    if (!within(root, real) || !info.isFile()) throw new Error('not a file under the root')
    size = info.size
  } catch {
    sendText(res, 404, 'Not found')
    return
  }
  setSecurityHeaders(res)
  res.writeHead(200, {
    'Content-Type': mimeType(resolution.path),
    'Content-Length': size,
    'Cache-Control': cacheControl(root, resolution.path),
    ...extraHeaders,
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(real).on('error', () => res.destroy()).pipe(res)
}
