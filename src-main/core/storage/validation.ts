/**
 * Turns zod issues into one sentence a user can act on: the path of the bad field and why.
 */
import type { z } from 'zod'

function formatPath(path: ReadonlyArray<PropertyKey>, prefix: string): string {
  let out = prefix
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(top level)'
}

/** e.g. `agents[0].source: expected tcp://host:port or unix:/path`, issues joined by "; ". */
export function describeIssues(error: z.ZodError, prefix = '', max = 5): string {
  const parts = error.issues.slice(0, max).map((issue) => `${formatPath(issue.path, prefix)}: ${issue.message}`)
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : ''
  return parts.join('; ') + more
}

/** A write that failed validation: nothing was stored, and the message says which field. */
export class StorageInputError extends Error {
  override name = 'StorageInputError'
}
