/**
 * The envelope both bridges use on their transport (WebSocket frames as JSON text; Electron
 * IPC carries the same request/response pairs through ipcMain.handle / invoke).
 */
import type { BridgeErrorPayload, PushName, PushTypes, RequestName } from './contract'

export interface RequestMessage {
  type: 'request'
  /** Chosen by the client, echoed in the response. */
  id: number
  name: RequestName
  payload: unknown
}

export type ResponseMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: BridgeErrorPayload }

export interface PushMessage<P extends PushName = PushName> {
  type: 'push'
  name: P
  payload: PushTypes[P]
}

export type ClientMessage = RequestMessage
export type ServerMessage = ResponseMessage | PushMessage

/** The query parameter that carries web mode's random access token. */
export const WEB_TOKEN_PARAM = 'token'
/** The WebSocket path web mode serves. */
export const WEB_SOCKET_PATH = '/bridge'
