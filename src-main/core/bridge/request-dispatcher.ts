/**
 * One place where every renderer-to-core request is checked, whichever bridge carried it.
 *
 * Both bridges (Electron IPC and web mode's WebSocket) hand the raw name and payload they
 * received to a dispatcher; it refuses unknown names, validates the payload with the contract's
 * zod schema, and turns handler failures into a message a user can read. Nothing throws out.
 */
import type { z } from 'zod'
import {
  requestSchemas, type BridgeErrorPayload, type RequestHandlers, type RequestName,
} from '../../contract/contract'

export type DispatchResult =
  | { ok: true; result: unknown }
  | { ok: false; error: BridgeErrorPayload }

export interface RequestDispatcher {
  /** Never rejects: every failure comes back as `{ ok: false, error }`. */
  dispatch(name: unknown, payload: unknown): Promise<DispatchResult>
}

/** Longest message we return for an invalid payload; zod can list many issues at once. */
const MAX_ISSUES = 5

/** True for a name declared in the contract (guards against `__proto__` and friends). */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name)
}

/** Each issue as `path: reason`, so the user sees which field was wrong and why. */
export function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'payload'
    return `${path}: ${issue.message}`
  })
  const more = error.issues.length - MAX_ISSUES
  if (more > 0) lines.push(`(${more} more)`)
  return lines.join('; ')
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name
  return typeof err === 'string' ? err : 'request failed'
}

/** Builds the dispatcher both bridges use in front of the core's handlers. */
export function createRequestDispatcher(handlers: RequestHandlers): RequestDispatcher {
  return {
    async dispatch(name, payload) {
      if (!isRequestName(name)) {
        const shown = typeof name === 'string' ? `"${name.slice(0, 100)}"` : typeof name
        return { ok: false, error: { code: 'unknown_request', message: `unknown request ${shown}` } }
      }
      const parsed = requestSchemas[name].safeParse(payload)
      if (!parsed.success) {
        const message = `invalid ${name} request: ${describeIssues(parsed.error)}`
        return { ok: false, error: { code: 'invalid_request', message } }
      }
      try {
        const handler = handlers[name] as (p: unknown) => unknown
        const result = await handler(parsed.data)
        return { ok: true, result }
      } catch (err) {
        return { ok: false, error: { code: 'failed', message: errorMessage(err) } }
      }
    },
  }
}
