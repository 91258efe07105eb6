/**
 * Requests that concern the asking UI client rather than the core as a whole.
 *
 * `view.visibility` slows one window's updates, and `snapshot.get` restarts one window's
 * sequence; the core's shared handlers cannot know which client asked, so each bridge binds
 * these two to the client's own session, once per connection or window.
 */
import type { RequestHandlers } from '../../contract/contract'
import type { ClientSession } from '../app/app-core-types'

/** The core's handlers with the per-client requests routed to `session`. */
export function bindSessionHandlers(handlers: RequestHandlers, session: ClientSession): RequestHandlers {
  return {
    ...handlers,
    'snapshot.get': () => session.snapshot(),
    'view.visibility': ({ visible }) => {
      session.setVisible(visible)
      return { ok: true }
    },
  }
}
