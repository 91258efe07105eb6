/**
 * The History view's ranges: presets end at `now`; a custom range comes from two
 * `datetime-local` inputs and is checked before a query is sent.
 */
import { fromDateTimeLocal } from './format'

export const HISTORY_PRESETS = [
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 3_600_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 3_600_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * 3_600_000 },
] as const

export type HistoryPresetId = (typeof HISTORY_PRESETS)[number]['id']

export interface TimeRange {
  from: number
  to: number
}

export function presetRange(id: HistoryPresetId, now: number): TimeRange {
  const p = HISTORY_PRESETS.find((x) => x.id === id) ?? HISTORY_PRESETS[0]
  return { from: now - p.ms, to: now }
}

export type CustomRangeResult = { ok: true; range: TimeRange } | { ok: false; error: string }

export function customRange(fromValue: string, toValue: string): CustomRangeResult {
  const from = fromDateTimeLocal(fromValue)
  const to = fromDateTimeLocal(toValue)
  if (from === undefined || to === undefined) return { ok: false, error: 'Enter both a start and an end date and time.' }
  if (to <= from) return { ok: false, error: 'The end must be after the start.' }
  return { ok: true, range: { from, to } }
}
