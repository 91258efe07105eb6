/**
 * The flow family as events: `flow` / `flow_dpi_update` become `kind: 'flow'` (metadata, plus
 * counters for the 5.x update), `flow_stats` / `flow_purge` / `flow_dpi_complete` become
 * `kind: 'counters'`. The hand-written checks of `flow-fast-path.ts` go first; zod decides
 * (and explains) whatever they do not accept.
 */
import type { AgentEvent, FlowCounters, FlowMetadata } from './agent-event'
import { fastFlowCounters, fastFlowMetadata, fastPlacement } from './flow-fast-path'
import { countersRecordSchema, flowCountersSchema, flowRecordSchema } from './flow-schemas'
import { countUnknown, FLOW_COUNTER_KEYS, FLOW_TOP_KEYS, flowExtras } from './known-fields'
import { invalidEvent, type Normaliser } from './record-context'

interface Placement { interface?: string; internal?: boolean; reason?: string }

export const normaliseFlow: Normaliser = (record, type, ctx) => {
  countUnknown(record, FLOW_TOP_KEYS, type, ctx.unknownField)
  const raw = record.flow as Record<string, unknown>
  let flow = fastPlacement(record) ? fastFlowMetadata(raw) : undefined
  if (flow === undefined) {
    const parsed = flowRecordSchema.safeParse(record)
    if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
    flow = parsed.data.flow as FlowMetadata
  }
  const extra = flowExtras(raw, `${type}.flow`, ctx.unknownField)
  if (extra) flow.extra = extra
  let counters: FlowCounters | undefined
  if (type === 'flow_dpi_update' && raw.local_bytes !== undefined) {
    counters = fastFlowCounters(raw)
    if (counters === undefined) {
      const c = flowCountersSchema.safeParse(raw)
      if (!c.success) return [invalidEvent(type, c.error, ctx.offset, 'flow')]
      counters = c.data
    }
  }
  const event: AgentEvent = { kind: 'flow', type: type as 'flow' | 'flow_dpi_update', flow, offset: ctx.offset }
  place(event, record)
  if (counters) event.counters = counters
  return [event]
}

export const normaliseCounters: Normaliser = (record, type, ctx) => {
  countUnknown(record, FLOW_TOP_KEYS, type, ctx.unknownField)
  let counters = fastPlacement(record) ? fastFlowCounters(record.flow) : undefined
  if (counters === undefined) {
    const parsed = countersRecordSchema.safeParse(record)
    if (!parsed.success) return [invalidEvent(type, parsed.error, ctx.offset)]
    counters = parsed.data.flow
  }
  countUnknown(record.flow as Record<string, unknown>, FLOW_COUNTER_KEYS, `${type}.flow`, ctx.unknownField)
  const event: AgentEvent = {
    kind: 'counters',
    type: type as 'flow_stats' | 'flow_purge' | 'flow_dpi_complete',
    counters,
    offset: ctx.offset,
  }
  place(event, record)
  if (typeof record.reason === 'string') event.reason = record.reason
  return [event]
}

/** Copy `interface` / `internal` (already type-checked) onto the event, omitting absent ones. */
function place(event: Placement, record: Record<string, unknown>): void {
  if (typeof record.interface === 'string') event.interface = record.interface
  if (typeof record.internal === 'boolean') event.internal = record.internal
}
