/**
 * The one contract between the core and the renderer.
 *
 * Every request names a zod schema for its payload (the core validates every payload it
 * receives, whichever bridge carried it) and the type of its response. Every pushed message
 * names its payload type. Both bridges (Electron IPC, WebSocket) implement `Bridge` over exactly
 * these names; the renderer depends on `Bridge` alone.
 */
import { z } from 'zod'
import type {
  AppView, DeltaBatch, FlowDetail, HistoryRow, NavigateRequest, ProfileView, SettingsView, Snapshot,
} from './views'

const severity = z.enum(['info', 'low', 'medium', 'high', 'critical'])
const alertKind = z.enum(['risk', 'new_device', 'new_application', 'traffic_threshold', 'agent_down', 'agent_stalled', 'capture_drops'])
const mac = z.string().regex(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/, 'expected a MAC address like 00:11:22:aa:bb:cc')
const sourceUrl = z.string().regex(/^(tcp:\/\/[^\s/]+:\d{1,5}|unix:\S+)$/, 'expected tcp://host:port or unix:/path')
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')

export const agentProfileEntrySchema = z.object({
  label: z.string().min(1).max(200),
  source: sourceUrl,
  updateIntervalHint: z.number().int().min(1).max(3600).optional(),
  enabled: z.boolean(),
})

export const profileSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  agents: z.array(agentProfileEntrySchema).max(64),
})

export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  closeToTray: z.boolean(),
  retentionDays: z.number().int().min(1).max(3650),
  flowTableCap: z.number().int().min(1000).max(1_000_000),
  learningHours: z.number().min(0).max(24 * 30),
  trafficThresholdBytes: z.number().int().positive().optional(),
  notifications: z.object({
    minSeverity: severity,
    ratePerMinute: z.number().int().min(1).max(600),
    quietHours: z.object({ start: clock, end: clock }).optional(),
    disabledKinds: z.array(alertKind),
  }),
})

export const muteRuleSchema = z
  .object({
    device: mac.optional(),
    application: z.string().max(200).optional(),
    riskId: z.number().int().min(0).optional(),
    host: z.string().max(300).optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined), 'a mute rule needs at least one of device, application, riskId, host')

const empty = z.object({}).strict()

/** Request name -> payload schema. */
export const requestSchemas = {
  'snapshot.get': empty,
  'flow.detail': z.object({ key: z.string().max(300) }),
  'device.rename': z.object({ mac, alias: z.string().max(100) }),
  'alert.acknowledge': z.object({ ids: z.array(z.string().max(300)).max(10_000) }),
  'alert.mute': z.object({ rule: muteRuleSchema }),
  'alert.snooze': z.object({ ids: z.array(z.string().max(300)).max(10_000), until: z.number().int().positive() }),
  'alert.markAllRead': empty,
  'profile.save': z.object({ profile: profileSchema }),
  'profile.delete': z.object({ id: z.string().max(100) }),
  'profile.duplicate': z.object({ id: z.string().max(100) }),
  'profile.activate': z.object({ id: z.string().max(100) }),
  'profile.import': z.object({ json: z.string().max(1_000_000) }),
  'profile.export': z.object({ id: z.string().max(100) }),
  'agents.connectAll': empty,
  'agents.disconnectAll': empty,
  'agent.reconnect': z.object({ agentId: z.string().max(200) }),
  'settings.update': z.object({ settings: settingsSchema }),
  'history.query': z.object({ from: z.number().int(), to: z.number().int(), device: mac.optional() }),
  'notifications.pause': z.object({ until: z.number().int().positive().nullable() }),
  /** The UI reports whether it is visible, so updates slow down while hidden. */
  'view.visibility': z.object({ visible: z.boolean() }),
} as const

export type RequestName = keyof typeof requestSchemas
export type RequestPayload<N extends RequestName> = z.infer<(typeof requestSchemas)[N]>

/** Request name -> response type. */
export interface ResponseTypes {
  'snapshot.get': Snapshot
  'flow.detail': FlowDetail | null
  'device.rename': { ok: true }
  'alert.acknowledge': { changed: number }
  'alert.mute': { changed: number }
  'alert.snooze': { changed: number }
  'alert.markAllRead': { changed: number }
  'profile.save': ProfileView
  'profile.delete': { ok: true }
  'profile.duplicate': ProfileView
  'profile.activate': { ok: true }
  'profile.import': ProfileView[]
  'profile.export': { json: string; fileName: string }
  'agents.connectAll': { ok: true }
  'agents.disconnectAll': { ok: true }
  'agent.reconnect': { ok: true }
  'settings.update': SettingsView
  'history.query': HistoryRow[]
  'notifications.pause': { until: number | null }
  'view.visibility': { ok: true }
}
export type RequestResponse<N extends RequestName> = ResponseTypes[N]

/** Pushed message name -> payload type. */
export interface PushTypes {
  snapshot: Snapshot
  delta: DeltaBatch
  navigate: NavigateRequest
}
export type PushName = keyof PushTypes

/** A failed request, as the renderer sees it on either bridge. */
export interface BridgeErrorPayload {
  code: 'invalid_request' | 'unknown_request' | 'failed' | 'disconnected'
  message: string
}

/**
 * What the renderer talks to. `request` rejects with an Error whose message is readable by a
 * user; `on` returns its unsubscribe.
 */
export interface Bridge {
  request<N extends RequestName>(name: N, payload: RequestPayload<N>): Promise<RequestResponse<N>>
  on<P extends PushName>(name: P, listener: (payload: PushTypes[P]) => void): () => void
}

/** The core's side: one handler per request, payload already validated. */
export type RequestHandlers = {
  [N in RequestName]: (payload: RequestPayload<N>) => Promise<RequestResponse<N>> | RequestResponse<N>
}

export const APP_VIEWS: readonly AppView[] = ['overview', 'devices', 'applications', 'flows', 'alerts', 'agents', 'history', 'settings']
