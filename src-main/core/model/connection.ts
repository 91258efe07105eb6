/**
 * Connection state changes from the connection manager into the model: a stall or a
 * disconnection (after the agent was once connected) is a blind spot until data flows again.
 */
import type { ConnectionStateView } from '../../contract/views'
import type { AgentState } from './agents'
import type { ModelParts } from './model-parts'

export function applyConnection(p: ModelParts, agent: AgentState, label: string, source: string, state: ConnectionStateView, now: number): void {
  const previous = agent.connection.status
  agent.label = label
  agent.source = source
  agent.connection = { ...state }
  const spots = agent.blindSpots
  const since = Math.min(state.since, now)
  switch (state.status) {
    case 'connected':
      agent.everConnected = true
      spots.endAll(['disconnected', 'stalled'], now)
      break
    case 'stalled': {
      const spot = spots.begin('stalled', since, `no data from the agent since ${new Date(since).toISOString()}`)
      if (spot) p.signals.push({ kind: 'blind_spot', spot: { ...spot }, at: now })
      break
    }
    case 'disconnected': {
      spots.end('stalled', since)
      if (!agent.everConnected) break
      const spot = spots.begin('disconnected', since, state.lastError ?? 'the connection closed')
      if (spot) p.signals.push({ kind: 'blind_spot', spot: { ...spot }, at: now })
      break
    }
    case 'stopped':
      spots.endAll(['disconnected', 'stalled'], now)
      break
    case 'connecting':
      break
  }
  if (previous !== state.status) {
    p.signals.push({ kind: 'agent_connection', agentId: agent.id, label, status: state.status, previous, error: state.lastError, at: now })
  }
  p.changes.agent(agent.id)
}
