/**
 * An in-memory `Bridge` for renderer tests. It validates every payload with the contract's zod
 * schemas (as the core does), records what was sent, answers with plausible responses that
 * tests can override, and lets a test emit pushes.
 */
import {
  requestSchemas, type Bridge, type PushName, type PushTypes, type RequestName, type RequestPayload, type RequestResponse,
} from '@contract/contract'
import type { Snapshot } from '@contract/views'
import { BridgeError } from '../../src-renderer/src/bridge/bridge-error'
import { makeSnapshot } from './view-factories'

export interface RecordedRequest {
  name: RequestName
  payload: unknown
}

type Handler<N extends RequestName> = (payload: RequestPayload<N>) => RequestResponse<N> | Promise<RequestResponse<N>>
type HandlerMap = { [N in RequestName]?: Handler<N> }

export interface FakeBridge extends Bridge {
  /** Every request received, in order (invalid ones included). */
  readonly requests: RecordedRequest[]
  /** Requests of one name, payloads only. */
  sent<N extends RequestName>(name: N): RequestPayload<N>[]
  /** Replaces the answer to one request; throw from `fn` to make the request fail. */
  handle<N extends RequestName>(name: N, fn: Handler<N>): void
  emit<P extends PushName>(name: P, payload: PushTypes[P]): void
  /** The snapshot `snapshot.get` returns. */
  snapshot: Snapshot
  listenerCount(name: PushName): number
}

function defaultHandlers(bridge: FakeBridge): HandlerMap {
  return {
    'snapshot.get': () => bridge.snapshot,
    'flow.detail': () => null,
    'device.rename': () => ({ ok: true }),
    'settings.update': (p) => p.settings,
    'history.query': () => [],
    'profile.save': (p) => p.profile,
    'profile.duplicate': (p) => ({ id: `${p.id}-copy`, name: 'Copy', agents: [] }),
    'profile.import': () => [],
    'profile.export': (p) => ({ json: JSON.stringify({ id: p.id }), fileName: `${p.id}.json` }),
    'notifications.pause': (p) => ({ until: p.until }),
  }
}

const OK_NAMES = new Set<RequestName>([
  'profile.delete', 'profile.activate', 'agents.connectAll', 'agents.disconnectAll', 'agent.reconnect', 'view.visibility',
])

export function createFakeBridge(init: { snapshot?: Snapshot } = {}): FakeBridge {
  const listeners = new Map<PushName, Set<(p: unknown) => void>>()
  const overrides: HandlerMap = {}
  const requests: RecordedRequest[] = []
  const bridge: FakeBridge = {
    requests,
    snapshot: init.snapshot ?? makeSnapshot(),
    sent: (name) => requests.filter((r) => r.name === name).map((r) => r.payload) as never,
    handle: (name, fn) => {
      ;(overrides as Record<string, unknown>)[name] = fn
    },
    emit: (name, payload) => {
      for (const l of [...(listeners.get(name) ?? [])]) l(payload)
    },
    listenerCount: (name) => listeners.get(name)?.size ?? 0,
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      const l = listener as (p: unknown) => void
      set.add(l)
      return () => set.delete(l)
    },
    request: async (name, payload) => {
      requests.push({ name, payload })
      const parsed = requestSchemas[name].safeParse(payload)
      if (!parsed.success) {
        throw new BridgeError({ code: 'invalid_request', message: `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}` })
      }
      const fn = (overrides[name] ?? defaultHandlers(bridge)[name]) as Handler<typeof name> | undefined
      if (fn) return fn(payload)
      if (OK_NAMES.has(name)) return { ok: true } as never
      return { changed: 0 } as never
    },
  }
  return bridge
}
