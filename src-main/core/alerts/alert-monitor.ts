/**
 * Turns the model's observations into alerts in the book.
 *
 * - risk: one alert per (agent, device, risk, host or application); severity from the flow's
 *   `ndpi_risk_score` (see severity.ts).
 * - new_device: a device first seen after the agent's first full update interval. What an agent
 *   reports before its second status is the network as it already was when we connected (every
 *   device would otherwise be "new" on each fresh start); devices known from a previous run can
 *   be restored with `markKnownDevices`.
 * - new_application: an application a device had not used before, once the device is past its
 *   learning period (default 24 h from its first seen), so a device's normal habits are learnt
 *   quietly first.
 * - traffic_threshold: a device moved more than the user's threshold within the window (default
 *   one hour); raised once per crossing.
 * - agent_down / agent_stalled / capture_drops: from connection changes and blind spots.
 */
import type { AlertKind, Severity } from '../../contract/views'
import type { ModelSignal } from '../model/signals'
import type { AlertBook, AlertInput, RaisedAlert } from './alert-book'
import { riskExplanation, riskName } from './risk-table'
import { severityFromScore } from './severity'

export interface AlertMonitorOptions {
  learningHours: number
  trafficThresholdBytes?: number
  trafficWindowMs: number
}

export const DEFAULT_MONITOR_OPTIONS: AlertMonitorOptions = { learningHours: 24, trafficWindowMs: 60 * 60_000 }

const MAX_KNOWN = 50_000

export class AlertMonitor {
  options: AlertMonitorOptions
  private readonly known = new Set<string>()
  private readonly overThreshold = new Set<string>()

  constructor(private readonly book: AlertBook, options: Partial<AlertMonitorOptions> = {}) {
    this.options = { ...DEFAULT_MONITOR_OPTIONS, ...options }
  }

  setOptions(options: Partial<AlertMonitorOptions>): void {
    this.options = { ...this.options, ...options }
  }

  markKnownDevices(macs: Iterable<string>): void {
    for (const m of macs) this.remember(m.toLowerCase())
  }

  knownDevices(): string[] {
    return [...this.known]
  }

  observe(signals: ModelSignal[]): RaisedAlert[] {
    const raised: RaisedAlert[] = []
    for (const s of signals) this.observeOne(s, raised)
    return raised
  }

  /** Check devices against the traffic threshold; `bytesWithin` comes from the model. */
  checkTraffic(macs: Iterable<string>, bytesWithin: (mac: string, windowMs: number) => number, now: number): RaisedAlert[] {
    const limit = this.options.trafficThresholdBytes
    if (!limit) return []
    const raised: RaisedAlert[] = []
    for (const mac of macs) {
      const bytes = bytesWithin(mac, this.options.trafficWindowMs)
      if (bytes <= limit) {
        this.overThreshold.delete(mac)
        continue
      }
      if (this.overThreshold.has(mac)) continue
      this.overThreshold.add(mac)
      const minutes = Math.round(this.options.trafficWindowMs / 60_000)
      raised.push(this.book.raise({
        kind: 'traffic_threshold', severity: 'medium', device: mac, title: `Heavy traffic from ${mac}`,
        explanation: `${mac} moved ${bytes} bytes in the last ${minutes} min, over the ${limit} byte threshold.`,
      }, now))
    }
    return raised
  }

  private observeOne(s: ModelSignal, raised: RaisedAlert[]): void {
    switch (s.kind) {
      case 'flow_risk':
        for (const riskId of s.risks) {
          const name = riskName(riskId)
          raised.push(this.book.raise({
            kind: 'risk', severity: severityFromScore(s.score), agentId: s.agentId, device: s.mac, application: s.application,
            host: s.host, riskId, riskName: name, title: `${name}${s.host ? ` (${s.host})` : ''}`, explanation: riskExplanation(riskId),
          }, s.at))
        }
        return
      case 'new_device':
        if (this.known.has(s.mac)) return
        this.remember(s.mac)
        if (s.baseline) return
        raised.push(this.book.raise({
          kind: 'new_device', severity: 'low', agentId: s.agentId, device: s.mac, title: `New device ${s.mac}`,
          explanation: 'A device this monitor had not seen before appeared on the network.',
        }, s.at))
        return
      case 'new_device_application':
        if (s.at - s.deviceFirstSeen < this.options.learningHours * 3_600_000) return
        raised.push(this.book.raise({
          kind: 'new_application', severity: 'info', device: s.mac, application: s.application,
          title: `${s.application} is new for ${s.mac}`, explanation: 'This device used an application it had not used before.',
        }, s.at))
        return
      case 'agent_connection':
        return this.connectionAlert(s, raised)
      case 'blind_spot':
        if (s.spot.kind === 'capture_drops' || s.spot.kind === 'queue_drops' || s.spot.kind === 'flow_drops') {
          raised.push(this.agentAlert('capture_drops', 'medium', s.spot.agentId, `Agent ${s.spot.agentId} is dropping traffic`, `${s.spot.detail}: some traffic was not analysed.`, s.at))
        }
        return
    }
  }

  private connectionAlert(s: Extract<ModelSignal, { kind: 'agent_connection' }>, raised: RaisedAlert[]): void {
    if (s.status === 'disconnected' && (s.previous === 'connected' || s.previous === 'stalled')) {
      raised.push(this.agentAlert('agent_down', 'high', s.agentId, `Lost agent ${s.label}`, `The connection to ${s.label} was lost${s.error ? ` (${s.error})` : ''}: traffic is not being watched.`, s.at))
    } else if (s.status === 'stalled') {
      raised.push(this.agentAlert('agent_stalled', 'medium', s.agentId, `Agent ${s.label} stopped sending`, `${s.label} is connected but has sent nothing for longer than its update interval.`, s.at))
    }
  }

  private agentAlert(kind: AlertKind, severity: Severity, agentId: string, title: string, explanation: string, at: number): RaisedAlert {
    const input: AlertInput = { kind, severity, agentId, title, explanation }
    return this.book.raise(input, at)
  }

  private remember(mac: string): void {
    this.known.add(mac)
    if (this.known.size > MAX_KNOWN) this.known.delete(this.known.values().next().value as string)
  }
}
