/**
 * Counts of alerts still wanting attention (new or acknowledged, not muted, not snoozed into
 * the future), per severity, most severe first: the overview's summary.
 */
import type { AlertView, Severity } from '@contract/views'

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info']

export function isActiveAlert(a: AlertView, now: number): boolean {
  if (a.state === 'muted') return false
  if (a.state === 'snoozed') return (a.snoozedUntil ?? 0) <= now
  return true
}

export function activeSeverityCounts(alerts: readonly AlertView[], now: number): Array<{ severity: Severity; count: number }> {
  const counts = new Map<Severity, number>(SEVERITY_ORDER.map((s) => [s, 0]))
  for (const a of alerts) if (isActiveAlert(a, now)) counts.set(a.severity, (counts.get(a.severity) ?? 0) + 1)
  return SEVERITY_ORDER.map((severity) => ({ severity, count: counts.get(severity) ?? 0 }))
}
