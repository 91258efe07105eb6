/**
 * An `AppCore` that records what reached it, for bridge and end-to-end tests.
 *
 * Like the real core it pushes a snapshot as soon as a client attaches, and its sessions number
 * their snapshots. Handlers answer from `cannedResponses()`; `failWith` makes one throw.
 */
import type {
  PushName, PushTypes, RequestHandlers, RequestName, RequestPayload, ResponseTypes,
} from '../../src-main/contract/contract'
import type { AppCore, ClientSession, PushSender, TrayStatus } from '../../src-main/core/app/app-core-types'
import type { Snapshot } from '../../src-main/contract/views'
import { cannedResponses } from './sample-requests'
import { emptySnapshot } from './sample-views'

export interface RecordedCall {
  name: RequestName
  payload: unknown
}

export interface FakeSession extends ClientSession {
  readonly visibility: boolean[]
  readonly resyncs: number
  readonly closed: boolean
}

export interface FakeCore extends AppCore {
  /** Requests that reached the core's own handlers, in order, payload as the handler saw it. */
  readonly calls: RecordedCall[]
  /** Every session ever attached, in order. */
  readonly sessions: FakeSession[]
  readonly responses: ResponseTypes
  failWith(name: RequestName, error: Error): void
  /** Pushes to every open session. */
  push<P extends PushName>(name: P, payload: PushTypes[P]): void
  /** Resolves once `count` sessions have attached. */
  waitForSessions(count: number): Promise<void>
}

const idleTray: TrayStatus = { state: 'idle', unread: 0, agentsUp: 0, agentsTotal: 0, rateIn: 0, rateOut: 0, profiles: [] }

function createFakeSession(send: PushSender): FakeSession & { send: PushSender } {
  let seq = 0
  let resyncs = 0
  let closed = false
  const visibility: boolean[] = []
  const next = (): Snapshot => emptySnapshot(++seq, 1000 * seq)
  return {
    send,
    visibility,
    get resyncs() { return resyncs },
    get closed() { return closed },
    setVisible: (visible) => { visibility.push(visible) },
    resync: () => { resyncs += 1; send('snapshot', next()) },
    snapshot: next,
    close: () => { closed = true },
  }
}

function createHandlers(calls: RecordedCall[], responses: ResponseTypes, failures: Map<RequestName, Error>): RequestHandlers {
  const handle = <N extends RequestName>(name: N) => (payload: RequestPayload<N>): ResponseTypes[N] => {
    calls.push({ name, payload })
    const failure = failures.get(name)
    if (failure) throw failure
    return responses[name]
  }
  const names = Object.keys(responses) as RequestName[]
  return Object.fromEntries(names.map((name) => [name, handle(name)])) as unknown as RequestHandlers
}

export function createFakeCore(): FakeCore {
  const calls: RecordedCall[] = []
  const sessions: Array<FakeSession & { send: PushSender }> = []
  const failures = new Map<RequestName, Error>()
  const responses = cannedResponses()
  const waiters: Array<{ count: number; resolve: () => void }> = []
  return {
    calls,
    sessions,
    responses,
    handlers: createHandlers(calls, responses, failures),
    failWith: (name, error) => { failures.set(name, error) },
    attachClient(send) {
      const session = createFakeSession(send)
      sessions.push(session)
      session.resync()
      for (const waiter of waiters.filter((w) => sessions.length >= w.count)) waiter.resolve()
      return session
    },
    push(name, payload) {
      for (const session of sessions) if (!session.closed) session.send(name, payload)
    },
    waitForSessions(count) {
      if (sessions.length >= count) return Promise.resolve()
      return new Promise((resolve) => { waiters.push({ count, resolve }) })
    },
    onNotification: () => () => undefined,
    onTrayStatus: () => () => undefined,
    trayStatus: () => idleTray,
    start: async () => undefined,
    stop: async () => undefined,
  }
}
