/**
 * One browser tab on the WebSocket bridge: its requests go through the shared dispatcher, the
 * core's pushes for its session go out as JSON text frames.
 *
 * Whatever a tab sends, the server stays up: a frame that is not a JSON request envelope closes
 * that one connection with a reason; oversized frames are refused by `ws` itself (close 1009).
 */
import { z } from 'zod'
import { WebSocket, type RawData } from 'ws'
import type { ServerMessage } from '../../contract/wire-messages'
import type { AppCore } from '../app/app-core-types'
import { createRequestDispatcher, type DispatchResult } from '../bridge/request-dispatcher'
import { bindSessionHandlers } from '../bridge/session-handlers'

/** Close codes from RFC 6455, section 7.4.1. */
export const CLOSE_CODES = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  tryAgainLater: 1013,
} as const

const requestEnvelope = z.object({
  type: z.literal('request'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  name: z.unknown(),
  payload: z.unknown(),
})

export interface BridgeConnectionOptions {
  /** A tab that reads slower than the core pushes is closed rather than buffered without end. */
  maxBufferedBytes: number
}

type Outcome = { message: z.infer<typeof requestEnvelope> } | { code: number; reason: string }

/** Reads one frame as a request envelope, or says why the connection must close. */
export function parseClientFrame(data: RawData, isBinary: boolean): Outcome {
  if (isBinary) return { code: CLOSE_CODES.unsupportedData, reason: 'text frames only' }
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
  const text = bytes.toString('utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { code: CLOSE_CODES.invalidPayload, reason: 'message is not JSON' }
  }
  const parsed = requestEnvelope.safeParse(json)
  if (!parsed.success) return { code: CLOSE_CODES.policyViolation, reason: 'expected {"type":"request","id","name","payload"}' }
  return { message: parsed.data }
}

function encodeResponse(id: number, reply: DispatchResult): string {
  try {
    return JSON.stringify({ type: 'response', id, ...reply } satisfies ServerMessage)
  } catch {
    const error = { code: 'failed' as const, message: 'the response could not be encoded' }
    return JSON.stringify({ type: 'response', id, ok: false, error } satisfies ServerMessage)
  }
}

/** Serves one accepted WebSocket until it closes. */
export function serveBridgeConnection(ws: WebSocket, core: AppCore, options: BridgeConnectionOptions): void {
  const sendText = (text: string): void => {
    if (ws.readyState !== WebSocket.OPEN) return
    if (ws.bufferedAmount > options.maxBufferedBytes) {
      ws.close(CLOSE_CODES.tryAgainLater, 'client too slow to keep up')
      return
    }
    ws.send(text)
  }
  const session = core.attachClient((name, payload) => sendText(JSON.stringify({ type: 'push', name, payload })))
  const dispatcher = createRequestDispatcher(bindSessionHandlers(core.handlers, session))
  ws.on('message', (data, isBinary) => {
    const outcome = parseClientFrame(data, isBinary)
    if ('code' in outcome) {
      ws.close(outcome.code, outcome.reason)
      return
    }
    const { id, name, payload } = outcome.message
    void dispatcher.dispatch(name, payload).then((reply) => sendText(encodeResponse(id, reply)))
  })
  ws.on('close', () => session.close())
  // `ws` closes the connection itself after a protocol error; nothing else to do.
  ws.on('error', () => undefined)
}
