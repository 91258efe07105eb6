/**
 * The tray's state, derived from agents and alerts: a pure function, so the icon a user sees for
 * "an agent is down" or "unread alerts" is decided (and tested) in one place.
 */
import type { AgentView, ProfileView, ThroughputPoint } from '../../contract/views'
import type { TrayStatus } from './app-core-types'

export interface TrayInputs {
  agents: readonly AgentView[]
  unread: number
  latest?: ThroughputPoint
  profiles: readonly ProfileView[]
  activeProfileId?: string
  notificationsPausedUntil?: number
}

/** An agent that should deliver data and does not: down, stalled, or failing to connect. */
export function agentIsDown(agent: AgentView): boolean {
  const s = agent.connection.status
  return s === 'disconnected' || s === 'stalled' || (s === 'connecting' && agent.connection.attempt > 0)
}

export function deriveTrayStatus(input: TrayInputs): TrayStatus {
  const live = input.agents.filter((a) => a.connection.status !== 'stopped')
  const up = live.filter((a) => a.connection.status === 'connected').length
  const down = live.some(agentIsDown)
  const state: TrayStatus['state'] = live.length === 0 ? 'idle' : down ? 'down' : input.unread > 0 ? 'unread' : 'quiet'
  return {
    state,
    unread: input.unread,
    agentsUp: up,
    agentsTotal: live.length,
    rateIn: input.latest?.in ?? 0,
    rateOut: input.latest?.out ?? 0,
    activeProfileId: input.activeProfileId,
    profiles: input.profiles.map((p) => ({ id: p.id, name: p.name })),
    notificationsPausedUntil: input.notificationsPausedUntil,
  }
}

/** Whether two statuses differ in anything but the live rates (menu rebuilds follow this). */
export function sameTrayShape(a: TrayStatus, b: TrayStatus): boolean {
  return a.state === b.state && a.unread === b.unread && a.agentsUp === b.agentsUp && a.agentsTotal === b.agentsTotal &&
    a.activeProfileId === b.activeProfileId && a.notificationsPausedUntil === b.notificationsPausedUntil &&
    JSON.stringify(a.profiles) === JSON.stringify(b.profiles)
}
