/**
 * Mute rules: alerts matching a rule are stored as muted instead of notifying. Rules are kept
 * in a canonical form (fixed key order, lowercase MAC) so saving the same rule twice is a no-op.
 */
import type { z } from 'zod'
import { muteRuleSchema } from '../../contract/contract'
import { keepRejected } from './rejected-rows'
import { all, get, inTransaction, num, str } from './sqlite'
import type { StoreContext } from './store-context'
import { describeIssues, StorageInputError } from './validation'

export type MuteRule = z.infer<typeof muteRuleSchema>

export interface StoredMuteRule {
  id: number
  rule: MuteRule
  created: number
}

export interface MuteRuleStore {
  list(): StoredMuteRule[]
  /** Returns the rule's id (the existing one if the same rule is already stored). */
  add(rule: MuteRule): number
  remove(id: number): boolean
}

function canonical(rule: MuteRule): string {
  return JSON.stringify({
    device: rule.device?.toLowerCase(),
    application: rule.application,
    riskId: rule.riskId,
    host: rule.host,
  })
}

export function createMuteRuleStore(ctx: StoreContext): MuteRuleStore {
  const { db } = ctx

  function reject(id: number, json: string, reason: string): void {
    inTransaction(db, () => {
      db.run('DELETE FROM mute_rules WHERE id = ?', id)
      keepRejected(db, { source: 'mute_rules', key: String(id), value: json, reason }, ctx.now())
    })
    ctx.notice(`Saved mute rule ${id} was invalid (${reason}) and was set aside`)
  }

  return {
    list() {
      const out: StoredMuteRule[] = []
      for (const row of all(db, 'SELECT id, json, created FROM mute_rules ORDER BY id')) {
        const id = num(row.id)
        const json = str(row.json)
        let parsed: unknown
        try {
          parsed = JSON.parse(json)
        } catch (err) {
          reject(id, json, `not JSON (${(err as Error).message})`)
          continue
        }
        const result = muteRuleSchema.safeParse(parsed)
        if (result.success) out.push({ id, rule: result.data, created: num(row.created) })
        else reject(id, json, describeIssues(result.error))
      }
      return out
    },
    add(rule) {
      const result = muteRuleSchema.safeParse(rule)
      if (!result.success) throw new StorageInputError(`The mute rule is invalid: ${describeIssues(result.error)}`)
      const json = canonical(result.data)
      db.run('INSERT INTO mute_rules (json, created) VALUES (?, ?) ON CONFLICT(json) DO NOTHING', [json, ctx.now()])
      return num(get(db, 'SELECT id FROM mute_rules WHERE json = ?', json)?.id)
    },
    remove(id) {
      return db.run('DELETE FROM mute_rules WHERE id = ?', id).changes > 0
    },
  }
}
