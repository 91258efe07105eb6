import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_CSP, buildWindowOptions, builtPaths, chooseRendererEntry, RENDERER_META_CSP, withCspHeader,
} from '../../src-main/shell/window-options'

function directives(csp: string): string[] {
  return csp.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean)
}

describe('main window options', () => {
  const options = buildWindowOptions({ preloadPath: '/app/out/preload/index.js', dark: true })
  const prefs = options.webPreferences!

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.preload).toBe('/app/out/preload/index.js')
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
  })

  it('starts hidden so the window appears once painted', () => {
    expect(options.show).toBe(false)
  })

  it('finds the built preload and renderer next to the main bundle', () => {
    const paths = builtPaths('/app/out/main')
    expect(paths.preloadPath).toBe(join('/app/out/preload/index.js'))
    expect(paths.rendererIndex).toBe(join('/app/out/renderer/index.html'))
  })

  it('uses the dev server only in an unpackaged run', () => {
    expect(chooseRendererEntry('http://localhost:5173', false, '/i.html')).toEqual({ kind: 'url', url: 'http://localhost:5173' })
    expect(chooseRendererEntry('http://localhost:5173', true, '/i.html')).toEqual({ kind: 'file', path: '/i.html' })
    expect(chooseRendererEntry(undefined, false, '/i.html')).toEqual({ kind: 'file', path: '/i.html' })
  })
})

describe('content security policy', () => {
  it('matches the meta policy of src-renderer/index.html', () => {
    const html = readFileSync(join(__dirname, '../../src-renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta).not.toBeNull()
    expect(directives(meta![1])).toEqual(directives(RENDERER_META_CSP))
  })

  it('keeps every meta directive in the header and only adds restrictions', () => {
    const header = directives(APP_CSP)
    for (const d of directives(RENDERER_META_CSP)) expect(header).toContain(d)
    expect(header).toEqual(expect.arrayContaining(["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]))
    expect(APP_CSP).not.toMatch(/unsafe-eval/)
    expect(directives(APP_CSP).find((d) => d.startsWith('script-src'))).toBe("script-src 'self'")
  })

  it('replaces a CSP the server sent, whatever its case, and keeps other headers', () => {
    const out = withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] })
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [APP_CSP] })
  })
})
