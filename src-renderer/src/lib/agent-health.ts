/**
 * What the UI says about an agent's health: connection wording with the reconnect countdown,
 * drop totals, and the blind spots still open. Pure; `now` passed in.
 */
import type { AgentView, BlindSpotView, ConnectionStateView } from '@contract/views'
import { formatDuration } from './format'

const STATUS_TEXT: Record<ConnectionStateView['status'], string> = {
  connecting: 'Connecting',
  connected: 'Connected',
  stalled: 'Stalled',
  disconnected: 'Disconnected',
  stopped: 'Stopped',
}

export function connectionText(c: ConnectionStateView, now: number): string {
  const base = STATUS_TEXT[c.status]
  if (c.status === 'disconnected' && c.nextRetryAt !== undefined) {
    const wait = c.nextRetryAt - now
    return wait > 0 ? `${base}, retrying in ${formatDuration(wait)}` : `${base}, retrying now`
  }
  if (c.status === 'connected' || c.status === 'stalled') return `${base} for ${formatDuration(now - c.since)}`
  return base
}

/** A status needing attention: the strip and the agent page flag it. */
export function isUnhealthy(c: ConnectionStateView): boolean {
  return c.status === 'disconnected' || c.status === 'stalled'
}

export interface DropTotals {
  capture: number
  queue: number
  flow: number
}

export function dropTotals(a: AgentView): DropTotals {
  return a.interfaces.reduce(
    (t, i) => ({ capture: t.capture + i.captureDropped, queue: t.queue + i.queueDropped, flow: t.flow + i.flowDropped }),
    { capture: 0, queue: 0, flow: 0 },
  )
}

export function openBlindSpots(a: AgentView): BlindSpotView[] {
  return a.blindSpots.filter((b) => b.end === undefined)
}

const KIND_TEXT: Record<BlindSpotView['kind'], string> = {
  capture_drops: 'Capture drops',
  queue_drops: 'Queue drops',
  flow_drops: 'Flow table drops',
  stalled: 'Agent stalled',
  disconnected: 'Agent disconnected',
  restart: 'Agent restarted',
}

export function blindSpotText(b: BlindSpotView, now: number): string {
  const where = b.interface ? ` on ${b.interface}` : ''
  // A restart is an instant: "for 0 s" would say nothing.
  const span = b.end === undefined ? ` since ${formatDuration(now - b.start)}` : b.end - b.start >= 1000 ? ` for ${formatDuration(b.end - b.start)}` : ''
  return `${KIND_TEXT[b.kind]}${where}${span}: ${b.detail}`
}
