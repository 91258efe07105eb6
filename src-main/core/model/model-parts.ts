/**
 * The shared state of one `NetworkModel`, handed to the per-record handlers so each stays small.
 */
import type { AgentState } from './agents'
import type { BucketRing } from './bucket-ring'
import type { ChangeTracker } from './changes'
import type { DeviceTable } from './devices'
import type { FlowTable } from './flow-table'
import type { MinuteRollups } from './minute-rollups'
import type { NameTables } from './names'
import type { RateClock } from './rate-clock'
import type { SignalQueue } from './signals'
import type { UsageTable } from './usage'

export interface ModelParts {
  names: NameTables
  flows: FlowTable
  devices: DeviceTable
  applications: UsageTable
  protocols: UsageTable
  categories: UsageTable
  /** Channels: 0 out (sent by local devices), 1 in. */
  throughput: BucketRing
  changes: ChangeTracker
  signals: SignalQueue
  rollups: MinuteRollups
  agent(agentId: string, now: number): AgentState
  /** Flows (open or just closed) credited within the rate window, so the tick only revisits those. */
  ratedFlows: Set<string>
  /** Devices credited in the last minute, so the tick only recomputes their rates. */
  liveDevices: Set<string>
  /** Where every rate is read, set by the tick; its `end` also tells the tick when the live window slid. */
  rateClock: RateClock
}
