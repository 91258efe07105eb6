/**
 * The model and the alerts together, as the core runs them: every event updates the model, the
 * model's observations become alerts, and one drain tells a publisher everything that changed
 * (model parts plus alert ids).
 */
import type { AgentEvent } from '../records/agent-event'
import type { AlertView, ConnectionStateView } from '../../contract/views'
import { NetworkModel, type NetworkModelOptions } from '../model/network-model'
import type { ModelChanges } from '../model/changes'
import { AlertBook, type RaisedAlert } from './alert-book'
import { AlertMonitor, type AlertMonitorOptions } from './alert-monitor'

export interface LiveChanges extends ModelChanges {
  alerts: Set<string>
  alertsRemoved: Set<string>
}

export interface LiveMonitorOptions {
  model?: NetworkModelOptions
  alerts?: Partial<AlertMonitorOptions>
  alertCap?: number
}

export class LiveMonitor {
  readonly model: NetworkModel
  readonly book: AlertBook
  readonly monitor: AlertMonitor

  constructor(options: LiveMonitorOptions = {}) {
    this.model = new NetworkModel(options.model)
    this.book = new AlertBook(options.alertCap)
    this.monitor = new AlertMonitor(this.book, options.alerts)
  }

  /** Apply one event; returns the alerts it raised (for the notification policy). */
  apply(agentId: string, event: AgentEvent, now: number): RaisedAlert[] {
    this.model.apply(agentId, event, now)
    return this.monitor.observe(this.model.drainSignals())
  }

  setAgentConnection(agentId: string, label: string, source: string, state: ConnectionStateView, now: number): RaisedAlert[] {
    this.model.setAgentConnection(agentId, label, source, state, now)
    return this.monitor.observe(this.model.drainSignals())
  }

  /** Advance time (about once a second): model upkeep, then the traffic threshold check. */
  tick(now: number): RaisedAlert[] {
    this.model.tick(now)
    const raised = this.monitor.observe(this.model.drainSignals())
    if (this.monitor.options.trafficThresholdBytes) {
      raised.push(...this.monitor.checkTraffic(this.model.deviceMacs(), (mac, w) => this.model.deviceBytesWithin(mac, w, now), now))
    }
    return raised
  }

  /** A device's display name for alert views: the user's alias, else its vendor. */
  deviceName(mac: string): string | undefined {
    return this.model.alias(mac) ?? this.model.device(mac)?.vendor
  }

  alerts(): AlertView[] {
    return this.book.views((mac) => this.deviceName(mac))
  }

  alert(id: string): AlertView | undefined {
    const a = this.book.get(id)
    return a ? this.book.view(a, (mac) => this.deviceName(mac)) : undefined
  }

  drainChanges(): LiveChanges {
    const alerts = this.book.drainChanges()
    return { ...this.model.drainChanges(), alerts: alerts.changed, alertsRemoved: alerts.removed }
  }
}
