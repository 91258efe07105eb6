import type { SettingsView } from '../../contract/views'

/** What a first run uses, and what replaces any stored setting that no longer validates. */
export const DEFAULT_SETTINGS: SettingsView = {
  theme: 'system',
  closeToTray: true,
  retentionDays: 30,
  flowTableCap: 100_000,
  learningHours: 24,
  notifications: { minSeverity: 'medium', ratePerMinute: 5, disabledKinds: [] },
}

/** A fresh copy, so no caller can mutate the defaults. */
export function defaultSettings(): SettingsView {
  return structuredClone(DEFAULT_SETTINGS)
}
