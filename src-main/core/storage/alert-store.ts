/**
 * Alert history with each alert's state, so acknowledged, muted and snoozed alerts stay that way
 * across restarts. Alerts come from the core's own model (already typed); rows read back are
 * checked again, and one that fails is set aside rather than breaking the list.
 */
import { z } from 'zod'
import type { AlertState, AlertView } from '../../contract/views'
import { keepRejected } from './rejected-rows'
import { all, inTransaction, runMany, type Db, type Row, type SqlParams } from './sqlite'
import type { StoreContext } from './store-context'
import { describeIssues } from './validation'

export interface AlertStore {
  /** Inserts or replaces by id, all in one transaction. */
  upsert(alerts: readonly AlertView[]): void
  /**
   * Most recently seen first. Note: if alert upserts are queued in a StorageWriter, queue the
   * changed alert there instead, or the queued copy will overwrite this state when it flushes.
   */
  list(options?: { limit?: number; since?: number }): AlertView[]
  setState(ids: readonly string[], state: AlertState, snoozedUntil?: number): number
  /** Deletes alerts last seen before `before`; returns how many. */
  prune(before: number): number
}

const text = z.string()
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().transform((v) => v ?? undefined)

const alertRowSchema = z.object({
  id: text,
  kind: z.enum(['risk', 'new_device', 'new_application', 'traffic_threshold', 'agent_down', 'agent_stalled', 'capture_drops']),
  severity: z.enum(['info', 'low', 'medium', 'high', 'critical']),
  state: z.enum(['new', 'acknowledged', 'muted', 'snoozed']),
  snoozed_until: optional(z.number()),
  title: text,
  explanation: text,
  agent_id: optional(text),
  device: optional(text),
  application: optional(text),
  host: optional(text),
  risk_id: optional(z.number()),
  risk_name: optional(text),
  count: z.number(),
  first_seen: z.number(),
  last_seen: z.number(),
})

const UPSERT = `INSERT INTO alerts (id, kind, severity, state, snoozed_until, title, explanation, agent_id,
  device, application, host, risk_id, risk_name, count, first_seen, last_seen)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, severity = excluded.severity, state = excluded.state,
  snoozed_until = excluded.snoozed_until, title = excluded.title, explanation = excluded.explanation,
  agent_id = excluded.agent_id, device = excluded.device, application = excluded.application, host = excluded.host,
  risk_id = excluded.risk_id, risk_name = excluded.risk_name, count = excluded.count,
  first_seen = excluded.first_seen, last_seen = excluded.last_seen`

function params(a: AlertView): SqlParams {
  return [
    a.id, a.kind, a.severity, a.state, a.snoozedUntil ?? null, a.title, a.explanation, a.agentId ?? null,
    a.device ?? null, a.application ?? null, a.host ?? null, a.riskId ?? null, a.riskName ?? null,
    a.count, a.firstSeen, a.lastSeen,
  ]
}

/** Writes inside the caller's transaction (the StorageWriter batches alerts with usage rows). */
export function writeAlerts(db: Db, alerts: Iterable<AlertView>): number {
  return runMany(db, UPSERT, [...alerts].map(params))
}

function toView(r: z.infer<typeof alertRowSchema>): AlertView {
  const view: AlertView = {
    id: r.id, kind: r.kind, severity: r.severity, state: r.state, title: r.title, explanation: r.explanation,
    count: r.count, firstSeen: r.first_seen, lastSeen: r.last_seen,
  }
  const extra: Partial<AlertView> = {
    snoozedUntil: r.snoozed_until, agentId: r.agent_id, device: r.device, application: r.application,
    host: r.host, riskId: r.risk_id, riskName: r.risk_name,
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) Object.assign(view, { [k]: v })
  return view
}

export function createAlertStore(ctx: StoreContext): AlertStore {
  const { db } = ctx

  function readRow(row: Row): AlertView | undefined {
    const result = alertRowSchema.safeParse(row)
    if (result.success) return toView(result.data)
    const reason = describeIssues(result.error)
    inTransaction(db, () => {
      db.run('DELETE FROM alerts WHERE id = ?', row.id)
      keepRejected(db, { source: 'alerts', key: String(row.id), value: JSON.stringify(row), reason }, ctx.now())
    })
    ctx.notice(`Saved alert ${String(row.id)} was invalid (${reason}) and was set aside`)
    return undefined
  }

  return {
    upsert(alerts) {
      inTransaction(db, () => writeAlerts(db, alerts))
    },
    list(options = {}) {
      const rows = all(db, 'SELECT * FROM alerts WHERE last_seen >= ? ORDER BY last_seen DESC, id LIMIT ?', [
        options.since ?? Number.MIN_SAFE_INTEGER, options.limit ?? 10_000,
      ])
      return rows.map(readRow).filter((a): a is AlertView => a !== undefined)
    },
    setState(ids, state, snoozedUntil) {
      const until = state === 'snoozed' ? snoozedUntil ?? null : null
      return inTransaction(db, () => runMany(db, 'UPDATE alerts SET state = ?, snoozed_until = ? WHERE id = ?', ids.map((id) => [state, until, id])))
    },
    prune(before) {
      return db.run('DELETE FROM alerts WHERE last_seen < ?', before).changes
    },
  }
}
