/**
 * The fixed IPC channel names, shared by the preload and the main process.
 *
 * The sandboxed preload cannot load node_modules, so this file holds no runtime import: the
 * request names are a literal list, and the type checks below fail the build if the list and
 * the contract's `requestSchemas` ever disagree (test/preload/channels.test.ts checks the same
 * at run time).
 */
import type { PushName, RequestName } from '../contract/contract'

/** Every request the renderer may make, exactly the keys of the contract's `requestSchemas`. */
export const REQUEST_NAMES = [
  'snapshot.get',
  'flow.detail',
  'device.rename',
  'alert.acknowledge',
  'alert.mute',
  'alert.snooze',
  'alert.markAllRead',
  'profile.save',
  'profile.delete',
  'profile.duplicate',
  'profile.activate',
  'profile.import',
  'profile.export',
  'agents.connectAll',
  'agents.disconnectAll',
  'agent.reconnect',
  'settings.update',
  'history.query',
  'notifications.pause',
  'view.visibility',
] as const satisfies readonly RequestName[]

/** Every message the main process may push, exactly the keys of the contract's `PushTypes`. */
export const PUSH_NAMES = ['snapshot', 'delta', 'navigate'] as const satisfies readonly PushName[]

type Missing<All, Listed> = Exclude<All, Listed>
/** Compiles only when `Missing` is `never`, i.e. no contract name is left out of a list. */
type AssertNone<T extends never> = T
export type RequestNamesComplete = AssertNone<Missing<RequestName, (typeof REQUEST_NAMES)[number]>>
export type PushNamesComplete = AssertNone<Missing<PushName, (typeof PUSH_NAMES)[number]>>

const REQUEST_PREFIX = 'netify:req:'
const PUSH_PREFIX = 'netify:push:'

/** One channel per request, so main can register a handler for exactly the contract's names. */
export function requestChannel(name: RequestName): string {
  return REQUEST_PREFIX + name
}

/** One channel per pushed message, so the preload can subscribe to one kind without a switch. */
export function pushChannel(name: PushName): string {
  return PUSH_PREFIX + name
}

const requestNameSet: ReadonlySet<string> = new Set(REQUEST_NAMES)
const pushNameSet: ReadonlySet<string> = new Set(PUSH_NAMES)

/** The renderer is untrusted: any string it passes is checked against the fixed list. */
export function isRequestName(value: unknown): value is RequestName {
  return typeof value === 'string' && requestNameSet.has(value)
}

export function isPushName(value: unknown): value is PushName {
  return typeof value === 'string' && pushNameSet.has(value)
}
