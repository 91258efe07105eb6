/**
 * The settings form's working copy and its conversion to a validated `SettingsView`: numbers
 * typed as text, the traffic threshold in megabytes, quiet hours as an on/off plus two times,
 * notification kinds as "notify me" checkboxes (the contract stores the opt-outs).
 */
import { settingsSchema } from '@contract/contract'
import type { AlertKind, SettingsView, Severity } from '@contract/views'

export const ALERT_KINDS: ReadonlyArray<{ kind: AlertKind; label: string }> = [
  { kind: 'risk', label: 'Flow risks' },
  { kind: 'new_device', label: 'New devices' },
  { kind: 'new_application', label: 'New applications' },
  { kind: 'traffic_threshold', label: 'Traffic over the threshold' },
  { kind: 'agent_down', label: 'Agent down' },
  { kind: 'agent_stalled', label: 'Agent stalled' },
  { kind: 'capture_drops', label: 'Capture drops' },
]

/** A numeric input's value: text as typed, or the number v-model parsed from it. */
export type NumericField = string | number

export interface SettingsDraft {
  theme: SettingsView['theme']
  closeToTray: boolean
  retentionDays: NumericField
  flowTableCap: NumericField
  learningHours: NumericField
  /** Megabytes; empty for no threshold. */
  trafficThresholdMb: NumericField
  minSeverity: Severity
  ratePerMinute: NumericField
  quietEnabled: boolean
  quietStart: string
  quietEnd: string
  /** Kinds the user wants notifications for. */
  notifyKinds: AlertKind[]
}

const MB = 1_000_000

export function draftFromSettings(s: SettingsView): SettingsDraft {
  const n = s.notifications
  return {
    theme: s.theme,
    closeToTray: s.closeToTray,
    retentionDays: String(s.retentionDays),
    flowTableCap: String(s.flowTableCap),
    learningHours: String(s.learningHours),
    trafficThresholdMb: s.trafficThresholdBytes !== undefined ? String(s.trafficThresholdBytes / MB) : '',
    minSeverity: n.minSeverity,
    ratePerMinute: String(n.ratePerMinute),
    quietEnabled: n.quietHours !== undefined,
    quietStart: n.quietHours?.start ?? '22:00',
    quietEnd: n.quietHours?.end ?? '07:00',
    notifyKinds: ALERT_KINDS.map((k) => k.kind).filter((k) => !n.disabledKinds.includes(k)),
  }
}

const LABELS: Record<string, string> = {
  retentionDays: 'Retention (days)',
  flowTableCap: 'Flow table cap',
  learningHours: 'Learning period (hours)',
  trafficThresholdBytes: 'Traffic alert threshold',
  ratePerMinute: 'Notifications per minute',
  quietHours: 'Quiet hours',
}

export type SettingsResult = { ok: true; settings: SettingsView } | { ok: false; errors: string[] }

/**
 * Field values become numbers (an emptied field is rejected, never silently 0). Vue's v-model
 * gives a number for a filled `type="number"` input and a string for an empty one.
 */
function num(value: NumericField): number {
  return String(value).trim() === '' ? Number.NaN : Number(value)
}

export function settingsFromDraft(d: SettingsDraft): SettingsResult {
  const threshold = String(d.trafficThresholdMb).trim() === '' ? undefined : Math.round(num(d.trafficThresholdMb) * MB)
  const candidate = {
    theme: d.theme,
    closeToTray: d.closeToTray,
    retentionDays: num(d.retentionDays),
    flowTableCap: num(d.flowTableCap),
    learningHours: num(d.learningHours),
    ...(threshold !== undefined ? { trafficThresholdBytes: threshold } : {}),
    notifications: {
      minSeverity: d.minSeverity,
      ratePerMinute: num(d.ratePerMinute),
      ...(d.quietEnabled ? { quietHours: { start: d.quietStart, end: d.quietEnd } } : {}),
      disabledKinds: ALERT_KINDS.map((k) => k.kind).filter((k) => !d.notifyKinds.includes(k)),
    },
  }
  const parsed = settingsSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, settings: parsed.data }
  const errors = parsed.error.issues.map((i) => {
    const key = [...i.path].reverse().find((p) => typeof p === 'string' && p in LABELS)
    return `${key ? LABELS[key as string] : i.path.join('.')}: ${i.message}`
  })
  return { ok: false, errors }
}
