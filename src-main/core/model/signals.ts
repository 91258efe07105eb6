/**
 * Observations the model hands to the alert monitor: facts about the network worth judging
 * (a risky flow, a device or application never seen before, an agent going away, a blind spot
 * opening). The model only reports; the alert side decides what becomes an alert.
 */
import type { BlindSpotView, ConnectionStatus } from '../../contract/views'

export type ModelSignal =
  | {
      kind: 'flow_risk'
      agentId: string
      flowKey: string
      mac?: string
      application: string
      host?: string
      /** Only the risk ids not yet reported for this flow. */
      risks: number[]
      score: number
      at: number
    }
  | {
      kind: 'new_device'
      agentId: string
      mac: string
      /** Seen before the agent's first full update interval: part of the starting picture. */
      baseline: boolean
      at: number
    }
  | { kind: 'new_device_application'; agentId: string; mac: string; application: string; deviceFirstSeen: number; at: number }
  | { kind: 'agent_connection'; agentId: string; label: string; status: ConnectionStatus; previous?: ConnectionStatus; error?: string; at: number }
  | { kind: 'blind_spot'; spot: BlindSpotView; at: number }

/** A bounded queue: if nobody drains it, the oldest signals go (and are counted). */
export class SignalQueue {
  private items: ModelSignal[] = []
  dropped = 0

  constructor(private readonly cap = 10_000) {}

  push(s: ModelSignal): void {
    this.items.push(s)
    if (this.items.length > this.cap) {
      this.items.shift()
      this.dropped++
    }
  }

  drain(): ModelSignal[] {
    const out = this.items
    this.items = []
    return out
  }
}
