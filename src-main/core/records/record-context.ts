/**
 * What a normaliser needs besides the record: where it was in the stream, and where to count
 * fields it does not know.
 */
import type { z } from 'zod'
import type { AgentEvent } from './agent-event'
import type { UnknownFieldSink } from './known-fields'

export interface RecordContext {
  offset: number
  unknownField: UnknownFieldSink
}

/** Turns one validated record of a known type into its events. */
export type Normaliser = (record: Record<string, unknown>, type: string, ctx: RecordContext) => AgentEvent[]

/** The `invalid` event for a record that failed its schema: first issue, zod path joined with '.'. */
export function invalidEvent(type: string, error: z.ZodError, offset: number, pathPrefix = ''): AgentEvent {
  const issue = error.issues[0]
  const path = [pathPrefix, ...(issue?.path ?? []).map(String)].filter((p) => p !== '').join('.')
  return { kind: 'invalid', type, path, message: issue?.message ?? 'invalid record', offset }
}
