import { describe, expect, it } from 'vitest'
import {
  createAppUrlMatcher, decideNavigation, decidePermission, decideWindowOpen, entryUrl,
} from '../../src-main/shell/navigation-policy'

const builtApp = createAppUrlMatcher({ kind: 'file', path: '/opt/Netify Monitor/resources/app.asar/out/renderer/index.html' })
const devApp = createAppUrlMatcher({ kind: 'url', url: 'http://localhost:5173/' })

describe('app URL matcher', () => {
  it('accepts the built index.html with any hash or query, and nothing else on disk', () => {
    const index = entryUrl({ kind: 'file', path: '/opt/Netify Monitor/resources/app.asar/out/renderer/index.html' })
    expect(index).toBe('file:///opt/Netify%20Monitor/resources/app.asar/out/renderer/index.html')
    expect(builtApp(index)).toBe(true)
    expect(builtApp(`${index}#/alerts`)).toBe(true)
    expect(builtApp('file:///opt/Netify%20Monitor/resources/app.asar/out/renderer/other.html')).toBe(false)
    expect(builtApp('file:///etc/passwd')).toBe(false)
    expect(builtApp('https://example.com/out/renderer/index.html')).toBe(false)
  })

  it('turns a Windows path into a file URL the matcher recognises', () => {
    const win = { kind: 'file', path: 'C:\\Program Files\\Netify Monitor\\out\\renderer\\index.html' } as const
    expect(createAppUrlMatcher(win)('file:///C:/Program%20Files/Netify%20Monitor/out/renderer/index.html')).toBe(true)
  })

  it('accepts the dev server origin only', () => {
    expect(devApp('http://localhost:5173/src/main.ts')).toBe(true)
    expect(devApp('http://localhost:5174/')).toBe(false)
    expect(devApp('http://127.0.0.1:5173/')).toBe(false)
    expect(devApp('not a url')).toBe(false)
  })
})

describe('navigation and new windows', () => {
  it('opens web links in the OS browser instead of the app window', () => {
    expect(decideNavigation('https://www.netify.ai/resources', builtApp)).toEqual({ action: 'open-external', url: 'https://www.netify.ai/resources' })
    expect(decideWindowOpen('http://192.168.1.1/')).toEqual({ action: 'open-external', url: 'http://192.168.1.1/' })
  })

  it('refuses file:, javascript:, data: and custom schemes', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'smb://nas/share', 'ms-settings:', 'vbscript:x', 'netify://x']) {
      expect(decideNavigation(url, builtApp)).toEqual({ action: 'deny' })
      expect(decideWindowOpen(url)).toEqual({ action: 'deny' })
    }
  })

  it('refuses web links that carry credentials', () => {
    expect(decideWindowOpen('https://user:pass@example.com/')).toEqual({ action: 'deny' })
  })

  it('lets the app reload itself but never opens it in a new window', () => {
    expect(decideNavigation('http://localhost:5173/', devApp)).toEqual({ action: 'allow' })
    expect(decideWindowOpen('file:///opt/Netify%20Monitor/resources/app.asar/out/renderer/index.html')).toEqual({ action: 'deny' })
  })
})

describe('permissions', () => {
  it('refuses every permission the page could ask for', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'serial', 'hid']) {
      expect(decidePermission(p)).toBe(false)
    }
  })
})
