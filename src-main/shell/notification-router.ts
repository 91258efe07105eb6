/**
 * Shows the core's notifications on the desktop and routes a click to the alert. The core's
 * policy already chose what to show; this only honours a running pause (which the tray sets)
 * and turns a click into "focus the window, open that alert".
 */
import type { CoreNotification } from '../core/app/app-core-types'
import type { NavigateRequest } from '../contract/views'
import { isPaused } from './notification-pause'

/** The part of Electron's `Notification` the router uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown
  show(): void
}

/** The subset of Electron's `NotificationConstructorOptions` the router fills in. */
export interface NotificationOptions {
  title: string
  body: string
  urgency: 'low' | 'normal' | 'critical'
  silent: boolean
  icon?: string
}

export interface NotificationRouterOptions {
  createNotification(options: NotificationOptions): NotificationLike
  /** Whether the platform can show notifications at all (`Notification.isSupported()`). */
  isSupported(): boolean
  /** Shows, restores and focuses the main window (creating it if needed). */
  focusWindow(): void
  /** Delivers `navigate` to the window's session once it can receive it. */
  navigate(request: NavigateRequest): void
  pausedUntil(): number | undefined
  now(): number
  iconPath?: string
}

/** Electron drops a notification's click handler once the object is collected: keep recent ones. */
const KEPT_NOTIFICATIONS = 20
const TITLE_MAX = 120
const BODY_MAX = 400

/**
 * Alert titles and bodies carry network strings (hostnames, SNI). Notification daemons may
 * render a markup subset, so control characters go and lengths are bounded; Electron escapes
 * markup for servers that parse it.
 */
export function notificationText(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** Where a click leads: the alert itself, or the alerts view for a digest. */
export function navigationFor(n: CoreNotification): NavigateRequest {
  return n.alertId !== undefined ? { view: 'alerts', alertId: n.alertId } : { view: 'alerts' }
}

function urgencyFor(n: CoreNotification): NotificationOptions['urgency'] {
  if (n.severity === 'critical' || n.kind === 'agent_down') return 'critical'
  return n.severity === 'info' || n.severity === 'low' ? 'low' : 'normal'
}

/** Returns the listener to pass to `core.onNotification`; it reports whether it showed anything. */
export function createNotificationRouter(options: NotificationRouterOptions): (n: CoreNotification) => boolean {
  const kept: NotificationLike[] = []
  return (n) => {
    if (!options.isSupported() || isPaused(options.pausedUntil(), options.now())) return false
    const notification = options.createNotification({
      title: notificationText(n.title, TITLE_MAX),
      body: notificationText(n.body, BODY_MAX),
      urgency: urgencyFor(n),
      silent: n.severity === 'info' || n.severity === 'low',
      ...(options.iconPath ? { icon: options.iconPath } : {}),
    })
    const target = navigationFor(n)
    notification.on('click', () => {
      options.focusWindow()
      options.navigate(target)
    })
    notification.on('close', () => {
      const i = kept.indexOf(notification)
      if (i >= 0) kept.splice(i, 1)
    })
    kept.push(notification)
    if (kept.length > KEPT_NOTIFICATIONS) kept.shift()
    notification.show()
    return true
  }
}
