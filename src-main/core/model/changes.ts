/**
 * What changed in the model since a publisher last asked, as sets of keys.
 *
 * A publisher sends only these, so the size of an update follows what changed rather than how
 * many flows or devices exist. A key both changed and removed is reported as removed only.
 */
import type { ThroughputPoint } from '../../contract/views'

const MAX_POINTS = 180

export interface ModelChanges {
  devices: Set<string>
  devicesRemoved: Set<string>
  flows: Set<string>
  flowsRemoved: Set<string>
  applications: Set<number>
  applicationsRemoved: Set<number>
  agents: Set<string>
  /** Throughput buckets completed since the last drain (bytes/s), oldest first, at most the live window. */
  throughput: ThroughputPoint[]
}

export function emptyChanges(): ModelChanges {
  return {
    devices: new Set(),
    devicesRemoved: new Set(),
    flows: new Set(),
    flowsRemoved: new Set(),
    applications: new Set(),
    applicationsRemoved: new Set(),
    agents: new Set(),
    throughput: [],
  }
}

export class ChangeTracker {
  private pending = emptyChanges()

  device(mac: string): void {
    this.pending.devices.add(mac)
  }
  deviceRemoved(mac: string): void {
    this.pending.devices.delete(mac)
    this.pending.devicesRemoved.add(mac)
  }
  flow(key: string): void {
    this.pending.flows.add(key)
  }
  flowRemoved(key: string): void {
    this.pending.flows.delete(key)
    this.pending.flowsRemoved.add(key)
  }
  application(id: number): void {
    this.pending.applications.add(id)
  }
  applicationRemoved(id: number): void {
    this.pending.applications.delete(id)
    this.pending.applicationsRemoved.add(id)
  }
  agent(id: string): void {
    this.pending.agents.add(id)
  }
  throughputPoint(point: ThroughputPoint): void {
    this.pending.throughput.push(point)
    if (this.pending.throughput.length > MAX_POINTS) this.pending.throughput.shift()
  }

  drain(): ModelChanges {
    const out = this.pending
    this.pending = emptyChanges()
    return out
  }
}
