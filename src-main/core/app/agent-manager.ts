/**
 * The set of live agent connections for the active profile.
 *
 * Switching profile or editing one hands the new agent list to `setAgents`: connections whose
 * source and label are unchanged keep running (no needless reconnect), the others are stopped and
 * their agents removed from the model, new ones start. Plain Node.
 */
import { AgentConnection, type AgentConnectionError } from '../agent/agent-connection'
import { parseAgentSource } from '../agent/agent-source'
import type { DecoderStats } from '../decode/agent-event-decoder'
import type { AgentEvent } from '../records/agent-event'
import type { ConnectionStateView } from '../../contract/views'

export interface ManagedAgent {
  /** The agent's id in the model: its source string (unique within a profile). */
  id: string
  label: string
  source: string
  /** Stall threshold from the profile's update-interval hint (3 intervals). */
  stallAfterMs?: number
}

export interface AgentManagerListener {
  event(agentId: string, event: AgentEvent): void
  state(agent: ManagedAgent, state: ConnectionStateView): void
  error(agentId: string, error: AgentConnectionError): void
  removed(agentId: string): void
}

interface Entry {
  agent: ManagedAgent
  connection: AgentConnection
  unsubscribe: Array<() => void>
}

export class AgentManager {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly listener: AgentManagerListener,
    private readonly now: () => number = Date.now,
  ) {}

  /** Replace the agent list; returns the sources that could not be parsed (with the reason). */
  setAgents(agents: ManagedAgent[], connect: boolean): string[] {
    const problems: string[] = []
    const wanted = new Map(agents.map((a) => [a.id, a]))
    for (const [id, entry] of this.entries) {
      const next = wanted.get(id)
      if (!next || next.label !== entry.agent.label || next.stallAfterMs !== entry.agent.stallAfterMs) this.remove(id)
    }
    for (const agent of agents) {
      if (this.entries.has(agent.id)) continue
      try {
        this.add(agent, connect)
      } catch (error) {
        problems.push(`${agent.label}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    return problems
  }

  connectAll(): void {
    for (const e of this.entries.values()) e.connection.start()
  }

  disconnectAll(): void {
    for (const e of this.entries.values()) e.connection.stop()
  }

  /** Skip the backoff and connect now (starting the connection if it was stopped). */
  reconnect(agentId: string): boolean {
    const e = this.entries.get(agentId)
    if (!e) return false
    if (e.connection.state.status === 'stopped') e.connection.start()
    else e.connection.reconnectNow()
    return true
  }

  decoderStats(agentId: string): DecoderStats | undefined {
    return this.entries.get(agentId)?.connection.decoderStats
  }

  ids(): string[] {
    return [...this.entries.keys()]
  }

  states(): Array<{ agent: ManagedAgent; state: ConnectionStateView }> {
    return [...this.entries.values()].map((e) => ({ agent: e.agent, state: e.connection.state }))
  }

  stopAll(): void {
    for (const id of [...this.entries.keys()]) this.remove(id)
  }

  private add(agent: ManagedAgent, connect: boolean): void {
    const connection = new AgentConnection({
      id: agent.id,
      source: parseAgentSource(agent.source),
      stallAfterMs: agent.stallAfterMs,
      now: this.now,
    })
    const unsubscribe = [
      connection.onEvent((event) => this.listener.event(agent.id, event)),
      connection.onState((state) => this.listener.state(agent, state)),
      connection.onError((error) => this.listener.error(agent.id, error)),
    ]
    this.entries.set(agent.id, { agent, connection, unsubscribe })
    this.listener.state(agent, connection.state)
    if (connect) connection.start()
  }

  private remove(agentId: string): void {
    const e = this.entries.get(agentId)
    if (!e) return
    e.connection.stop()
    for (const u of e.unsubscribe) u()
    this.entries.delete(agentId)
    this.listener.removed(agentId)
  }
}
