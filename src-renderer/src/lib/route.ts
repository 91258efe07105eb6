/**
 * Hash routes make every view linkable (`#/devices/aa:bb:cc:dd:ee:ff`), survive a reload, and
 * let a clicked notification open the right page through a `navigate` push.
 */
import type { AppView, NavigateRequest } from '@contract/views'
import { APP_VIEWS } from '@contract/contract'

export interface Route {
  view: AppView
  /** The item shown inside the view: a device MAC, an application id, an alert id. */
  param?: string
}

export const DEFAULT_ROUTE: Route = { view: 'overview' }

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/')
  const view = parts[0] as AppView
  if (!APP_VIEWS.includes(view)) return DEFAULT_ROUTE
  const rest = parts.slice(1).join('/')
  if (!rest) return { view }
  try {
    return { view, param: decodeURIComponent(rest) }
  } catch {
    return { view }
  }
}

export function formatHash(route: Route): string {
  return route.param === undefined ? `#/${route.view}` : `#/${route.view}/${encodeURIComponent(route.param)}`
}

/** Where a `navigate` push (a clicked notification) leads. */
export function routeForNavigate(n: NavigateRequest): Route {
  if (n.alertId) return { view: n.view, param: n.alertId }
  if (n.device) return { view: n.view, param: n.device }
  return { view: n.view }
}
