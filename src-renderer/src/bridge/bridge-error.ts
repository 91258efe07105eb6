import type { BridgeErrorPayload } from '@contract/contract'

/**
 * A failed request as the renderer sees it: `message` is shown to the user as is, `code` lets a
 * view tell "the core refused this" from "we are offline".
 */
export class BridgeError extends Error {
  readonly code: BridgeErrorPayload['code']

  constructor(payload: BridgeErrorPayload) {
    super(payload.message)
    this.name = 'BridgeError'
    this.code = payload.code
  }
}

/** The readable text of anything a request rejected with. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message
  return typeof err === 'string' ? err : 'Unknown error'
}
