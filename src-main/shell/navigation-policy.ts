/**
 * What the window may load, open and ask for. Every decision is a pure function of a URL so the
 * policy is tested without Electron; the wiring only applies the answers.
 */

/** Where the renderer comes from: the dev server in development, the built index.html otherwise. */
export type RendererEntry = { kind: 'url'; url: string } | { kind: 'file'; path: string }

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** The renderer's own URL form, for comparing a frame's URL with what the app loaded. */
export function entryUrl(entry: RendererEntry): string {
  if (entry.kind === 'url') return entry.url
  const path = entry.path.replace(/\\/g, '/')
  return new URL(`file://${path.startsWith('/') ? '' : '/'}${path}`).href
}

/**
 * Answers "is this URL the app itself?": same origin as the dev server, or for a built app
 * exactly the index.html file (any query or hash), never another file on disk.
 */
export function createAppUrlMatcher(entry: RendererEntry): (url: string) => boolean {
  const base = parse(entryUrl(entry))
  if (!base) return () => false
  return (url) => {
    const u = parse(url)
    if (!u) return false
    if (base.protocol === 'file:') return u.protocol === 'file:' && u.host === base.host && u.pathname === base.pathname
    return (base.protocol === 'http:' || base.protocol === 'https:') && u.origin === base.origin
  }
}

/** Links the user may open in the OS browser: plain web pages only. */
export function isExternalWebUrl(url: string): boolean {
  const u = parse(url)
  return u !== undefined && (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === ''
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'open-external'; url: string }

/**
 * `will-navigate`: the window only ever shows the app. A web link is handed to the OS browser;
 * file:, javascript:, data: and custom schemes are refused.
 */
export function decideNavigation(url: string, isAppUrl: (url: string) => boolean): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' }
  if (isExternalWebUrl(url)) return { action: 'open-external', url: new URL(url).href }
  return { action: 'deny' }
}

/** `setWindowOpenHandler`: no new Electron windows, ever; web links go to the OS browser. */
export function decideWindowOpen(url: string): NavigationDecision {
  if (isExternalWebUrl(url)) return { action: 'open-external', url: new URL(url).href }
  return { action: 'deny' }
}

/**
 * Permission requests and checks (camera, notifications from the page, geolocation, clipboard,
 * ...): the renderer needs none, since desktop notifications are shown by the main process.
 */
export function decidePermission(_permission: string): boolean {
  return false
}
