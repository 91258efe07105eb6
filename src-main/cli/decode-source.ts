/**
 * Feed an opened source through a fresh event decoder: non-fatal errors are passed on and the
 * stream goes on; a fatal one (framing nothing can read) stops reading and fails the command.
 */
import { createAgentEventDecoder, type DecodeError, type DecodeOutput, type DecoderStats } from '../core/decode/agent-event-decoder'
import type { AgentEvent } from '../core/records/agent-event'
import { CliError } from './cli-error'
import type { OpenedSource } from './source-input'

export interface DecodeHandlers {
  /** May return a promise (e.g. waiting for stdout to drain); decoding waits for it. */
  onEvent(event: AgentEvent): void | Promise<void>
  onError(error: DecodeError): void
}

export async function decodeSource(source: OpenedSource, handlers: DecodeHandlers): Promise<DecoderStats> {
  const decoder = createAgentEventDecoder()
  const deliver = async (out: DecodeOutput): Promise<void> => {
    for (const event of out.events) await handlers.onEvent(event)
    for (const error of out.errors) {
      if (error.fatal) {
        source.close()
        throw new CliError(`${source.label}: unreadable stream at byte ${error.offset}: ${error.message}`)
      }
      handlers.onError(error)
    }
  }
  for await (const chunk of source.chunks()) await deliver(safely(() => decoder.push(chunk)))
  await deliver(safely(() => decoder.end()))
  return decoder.stats
}

/** A decoder that throws is treated as unreadable framing, never as a crash. */
function safely(decode: () => DecodeOutput): DecodeOutput {
  try {
    return decode()
  } catch (error) {
    return { events: [], errors: [{ offset: 0, message: error instanceof Error ? error.message : String(error), fatal: true }] }
  }
}
