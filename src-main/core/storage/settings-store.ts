/**
 * The one settings document. A stored field that no longer validates (hand-edited file, a
 * value range tightened by an update) falls back to its default on its own: the other fields
 * keep the user's choices, the bad document is kept in `rejected_rows`, and a notice says which
 * field was reset.
 */
import { z } from 'zod'
import { settingsSchema } from '../../contract/contract'
import type { SettingsView } from '../../contract/views'
import { defaultSettings } from './default-settings'
import { readKv, writeKv } from './kv'
import { keepRejected } from './rejected-rows'
import { inTransaction } from './sqlite'
import type { StoreContext } from './store-context'
import { describeIssues, StorageInputError } from './validation'

const KEY = 'settings'

export interface SettingsStore {
  get(): SettingsView
  /** Replaces the whole document; throws StorageInputError naming the bad field. */
  update(next: SettingsView): SettingsView
}

type Shape = Record<string, z.ZodType>

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** Field by field: valid stored values win, anything else takes the fallback. */
function mergeValid(shape: Shape, stored: Record<string, unknown>, fallback: Record<string, unknown>, path: string, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(shape)) {
    const value = stored[key]
    const name = path ? `${path}.${key}` : key
    if (value === undefined) {
      if (fallback[key] !== undefined) out[key] = fallback[key]
    } else if (schema instanceof z.ZodObject && isRecord(value) && isRecord(fallback[key])) {
      out[key] = mergeValid(schema.shape as Shape, value, fallback[key] as Record<string, unknown>, name, problems)
    } else {
      const result = schema.safeParse(value)
      if (result.success) out[key] = result.data
      else {
        problems.push(describeIssues(result.error, name))
        if (fallback[key] !== undefined) out[key] = fallback[key]
      }
    }
  }
  return out
}

function repair(text: string): { settings: SettingsView; problems: string[] } {
  const defaults = defaultSettings()
  let stored: unknown
  try {
    stored = JSON.parse(text)
  } catch (err) {
    return { settings: defaults, problems: [`not JSON (${(err as Error).message})`] }
  }
  if (!isRecord(stored)) return { settings: defaults, problems: ['not an object'] }
  const problems: string[] = []
  const merged = mergeValid(settingsSchema.shape as Shape, stored, defaults as unknown as Record<string, unknown>, '', problems)
  const result = settingsSchema.safeParse(merged)
  return result.success ? { settings: result.data, problems } : { settings: defaults, problems: [...problems, describeIssues(result.error)] }
}

export function createSettingsStore(ctx: StoreContext): SettingsStore {
  const { db } = ctx
  return {
    get() {
      const text = readKv(db, KEY)
      if (text === undefined) return defaultSettings()
      const { settings, problems } = repair(text)
      if (problems.length === 0) return settings
      const reason = problems.join('; ')
      inTransaction(db, () => {
        keepRejected(db, { source: 'settings', key: KEY, value: text, reason }, ctx.now())
        writeKv(db, KEY, JSON.stringify(settings))
      })
      ctx.notice(`Some saved settings were invalid and were reset to their defaults (${reason})`)
      return settings
    },
    update(next) {
      const result = settingsSchema.safeParse(next)
      if (!result.success) throw new StorageInputError(`The settings are invalid: ${describeIssues(result.error)}`)
      writeKv(db, KEY, JSON.stringify(result.data))
      return result.data
    },
  }
}
