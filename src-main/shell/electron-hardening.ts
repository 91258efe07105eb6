/**
 * Applies the navigation, window-open, webview and permission policy (navigation-policy.ts) to
 * Electron objects, and the CSP header to the app's responses. Thin by design: every decision
 * is made by the tested pure functions.
 */
import { shell, type Session, type WebContents } from 'electron'
import { decideNavigation, decidePermission, decideWindowOpen, type NavigationDecision } from './navigation-policy'
import { withCspHeader } from './window-options'

function openExternally(decision: NavigationDecision, log: (message: string) => void): void {
  if (decision.action !== 'open-external') return
  shell.openExternal(decision.url).catch((err: unknown) => log(`Could not open ${decision.url}: ${String(err)}`))
}

/** For every web contents the app creates (`app.on('web-contents-created')`). */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean, log: (message: string) => void): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, isAppUrl)
    if (decision.action === 'allow') return
    event.preventDefault()
    openExternally(decision, log)
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.setWindowOpenHandler((details) => {
    openExternally(decideWindowOpen(details.url), log)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Permissions are refused outright, and the app's own responses carry the CSP header. */
export function hardenSession(ses: Session, isAppUrl: (url: string) => boolean): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)))
  ses.setPermissionCheckHandler((_contents, permission) => decidePermission(permission))
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: isAppUrl(details.url) ? withCspHeader(details.responseHeaders) : details.responseHeaders })
  })
}
