import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src-main/core/web/web-server'
import { createFakeCore } from '../../contract/fake-core'
import { INDEX_HTML, SECRET, makeStaticDir, rawGet } from './web-test-helpers'

const dirs = makeStaticDir()
let server: WebServer
let cookie: string

beforeAll(async () => {
  server = await startWebServer({ core: createFakeCore(), staticDir: dirs.root })
  const first = await rawGet(server.port, `/?token=${server.token}`)
  cookie = String(first.headers['set-cookie']).split(';')[0]
})
afterAll(async () => {
  await server.close()
  rmSync(dirs.base, { recursive: true, force: true })
})

describe('web mode page access', () => {
  it('prints a loopback URL carrying a 32-byte random token', () => {
    const url = new URL(server.url)
    expect(url.hostname).toBe('127.0.0.1')
    expect(url.searchParams.get('token')).toBe(server.token)
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32)
  })

  it('refuses the page without the token or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/assets/index-abc123.js', '/?token=', `/?token=${server.token.slice(1)}x`]) {
      const res = await rawGet(server.port, path)
      expect(res.status, path).toBe(401)
      expect(res.body, path).not.toContain('Netify Monitor</title>')
    }
    const forged = await rawGet(server.port, '/', { Cookie: 'netify_monitor_1=forged' })
    expect(forged.status).toBe(401)
  })

  it('serves index.html for the token URL and sets an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await rawGet(server.port, `/?token=${server.token}`)
    expect(res.status).toBe(200)
    expect(res.body).toBe(INDEX_HTML)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    const setCookie = String(res.headers['set-cookie'])
    expect(setCookie).toContain(`=${server.token}`)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
  })

  it('lets the page load its assets with the cookie alone', async () => {
    const res = await rawGet(server.port, '/assets/index-abc123.js', { Cookie: `theme=dark; ${cookie}` })
    expect(res.status).toBe(200)
    expect(res.body).toBe('console.log("app")')
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it('sends each file type with its MIME type', async () => {
    const expected: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/assets/index-abc123.js': 'text/javascript; charset=utf-8',
      '/assets/index-abc123.css': 'text/css; charset=utf-8',
      '/logo.svg': 'image/svg+xml',
      '/assets/inter.woff2': 'font/woff2',
      '/assets/data.bin': 'application/octet-stream',
    }
    for (const [path, type] of Object.entries(expected)) {
      const res = await rawGet(server.port, path, { Cookie: cookie })
      expect(res.status, path).toBe(200)
      expect(res.headers['content-type'], path).toBe(type)
    }
  })

  it('sends the security headers on pages and refusals alike', async () => {
    for (const res of [await rawGet(server.port, '/', { Cookie: cookie }), await rawGet(server.port, '/')]) {
      const csp = String(res.headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("connect-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe/)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
      expect(res.headers['x-frame-options']).toBe('DENY')
    }
  })

  it('lets hashed assets be cached and never index.html', async () => {
    const asset = await rawGet(server.port, '/assets/index-abc123.js', { Cookie: cookie })
    expect(asset.headers['cache-control']).toContain('immutable')
    const index = await rawGet(server.port, '/index.html', { Cookie: cookie })
    expect(index.headers['cache-control']).toBe('no-store')
  })

  it('serves nothing outside the renderer build, however the path is written', async () => {
    const attempts = [
      '/../package.json', '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt',
      '/%2E%2E%2Fpackage.json', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt', '/%252e%252e/secret.txt', '//secret.txt', '/escape/secret.txt', '/escape/package.json',
      '/.env', '/assets/..%2f.env', '/%00index.html', '/%c0%ae%c0%ae/secret.txt', '/assets',
    ]
    for (const path of attempts) {
      const res = await rawGet(server.port, path, { Cookie: cookie })
      expect([400, 403, 404], path).toContain(res.status)
      expect(res.body, path).not.toContain(SECRET)
    }
  })

  it('answers only GET and HEAD', async () => {
    const post = await rawGet(server.port, '/', { Cookie: cookie }, 'POST')
    expect(post.status).toBe(405)
    const head = await rawGet(server.port, '/', { Cookie: cookie }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)))
    expect(head.body).toBe('')
  })

  it('refuses requests naming another host (DNS rebinding), even with the token', async () => {
    const rebound = await rawGet(server.port, `/?token=${server.token}`, { Host: `attacker.example:${server.port}` })
    expect(rebound.status).toBe(403)
    const otherPort = await rawGet(server.port, `/?token=${server.token}`, { Host: `127.0.0.1:${server.port + 1}` })
    expect(otherPort.status).toBe(403)
    const localhost = await rawGet(server.port, `/?token=${server.token}`, { Host: `localhost:${server.port}` })
    expect(localhost.status).toBe(200)
  })
})

describe('web mode listening address', () => {
  let extra: WebServer | undefined
  afterEach(async () => {
    await extra?.close()
    extra = undefined
  })

  it('refuses a non-loopback address unless asked explicitly', async () => {
    await expect(startWebServer({ core: createFakeCore(), staticDir: dirs.root, host: '0.0.0.0' }))
      .rejects.toThrow(/refusing to listen on 0\.0\.0\.0.*--host/)
  })

  it('warns when asked to listen beyond loopback, and still checks the Host', async () => {
    const warnings: string[] = []
    extra = await startWebServer({ core: createFakeCore(), staticDir: dirs.root, host: '0.0.0.0', allowNonLoopback: true, warn: (m) => warnings.push(m) })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/0\.0\.0\.0.*other machines/)
    expect(new URL(extra.url).hostname).toBe('127.0.0.1')
    expect((await rawGet(extra.port, `/?token=${extra.token}`)).status).toBe(200)
    expect((await rawGet(extra.port, `/?token=${extra.token}`, { Host: `evil.example:${extra.port}` })).status).toBe(403)
  })

  it('says how to build the renderer when the build is missing', async () => {
    await expect(startWebServer({ core: createFakeCore(), staticDir: dirs.base + '/missing' }))
      .rejects.toThrow(/electron-vite build/)
  })
})
