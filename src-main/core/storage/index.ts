/**
 * Persistence for the core: import from here, not from the files behind it, so the storage
 * internals (SQLite access, lock recovery, migrations) can change without touching callers.
 */
export { openStorage, type Storage, type StorageOptions } from './storage'
export { DEFAULT_SETTINGS, defaultSettings } from './default-settings'
export { StorageWriter, type FlushResult, type StorageWriterOptions } from './storage-writer'
export { startFlushTimer } from './flush-timer'
export { StorageInputError } from './validation'
export { StorageOpenError } from './open-database'
export { SCHEMA_VERSION } from './schema'
export type { ProfileStore } from './profile-store'
export type { AliasStore } from './alias-store'
export type { MuteRule, MuteRuleStore, StoredMuteRule } from './mute-rule-store'
export type { SettingsStore } from './settings-store'
export type { AlertStore } from './alert-store'
export { DEFAULT_QUERY_LIMIT, type UsageRange, type UsageSeriesPoint, type UsageStore, type UsageTotal } from './usage-store'
