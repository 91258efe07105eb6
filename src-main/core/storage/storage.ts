/**
 * The app's persistence in one SQLite file: profiles, settings, device aliases, mute rules,
 * alert history and per-minute usage. `openStorage` never throws (unless `readOnly`): whatever
 * it had to do to the file (move a corrupt one aside, work in memory because the file belongs to
 * a newer version...) is in `notices`, for the UI to show.
 */
import { createAlertStore, type AlertStore } from './alert-store'
import { createAliasStore, type AliasStore } from './alias-store'
import { createMuteRuleStore, type MuteRuleStore } from './mute-rule-store'
import { closeDatabase, openDatabase } from './open-database'
import { createProfileStore, type ProfileStore } from './profile-store'
import { createSettingsStore, type SettingsStore } from './settings-store'
import { errorMessage } from './sqlite'
import type { StoreContext } from './store-context'
import { StorageWriter, type StorageWriterOptions } from './storage-writer'
import { createUsageStore, DAY_MS, type UsageStore } from './usage-store'

export interface StorageOptions {
  /** The clock for timestamps (file names of moved-aside files, rejected rows, flush times). */
  now?: () => number
  log?: (message: string) => void
  /** Query-only use (the history command): see OpenDatabaseOptions.readOnly. */
  readOnly?: boolean
  writer?: StorageWriterOptions
}

export interface Storage {
  readonly path: string
  /** false: this session runs on an in-memory database (see `notices` for why). */
  readonly persistent: boolean
  /** Messages for the user about the file, oldest first; stores append to it later too. */
  readonly notices: string[]
  readonly profiles: ProfileStore
  readonly aliases: AliasStore
  readonly muteRules: MuteRuleStore
  readonly settings: SettingsStore
  readonly alerts: AlertStore
  readonly usage: UsageStore
  /** Batches usage rows and alert upserts; `close()` flushes it. */
  readonly writer: StorageWriter
  /** Applies the retention setting to usage rows and alerts; returns rows deleted. */
  prune(now: number): { usage: number; alerts: number }
  /** Flushes the writer and closes the file. Safe to call twice. */
  close(): void
}

export function openStorage(path: string, options: StorageOptions = {}): Storage {
  const now = options.now ?? Date.now
  const log = options.log ?? (() => undefined)
  const opened = openDatabase(path, { now, log, readOnly: options.readOnly })
  const notices = opened.notices
  const ctx: StoreContext = {
    db: opened.db,
    now,
    notice: (message) => {
      notices.push(message)
      log(message)
    },
  }
  const settings = createSettingsStore(ctx)
  const usage = createUsageStore(ctx)
  const alerts = createAlertStore(ctx)
  const writer = new StorageWriter(opened.db, now(), log, options.writer)
  return {
    path,
    persistent: opened.persistent,
    notices,
    profiles: createProfileStore(ctx),
    aliases: createAliasStore(ctx),
    muteRules: createMuteRuleStore(ctx),
    settings,
    alerts,
    usage,
    writer,
    prune(at) {
      const cutoff = settings.get().retentionDays
      return { usage: usage.prune(at, cutoff), alerts: alerts.prune(at - cutoff * DAY_MS) }
    },
    close() {
      if (!opened.db.isOpen) return
      const result = writer.flush(now())
      if (!result.ok) log(`Closing with ${result.queued} unsaved rows: ${result.error}`)
      try {
        closeDatabase(path, opened)
      } catch (err) {
        log(`Closing the database failed: ${errorMessage(err)}`)
      }
    },
  }
}
