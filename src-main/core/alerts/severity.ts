/**
 * Severity of a risk alert from the flow's `ndpi_risk_score`.
 *
 * nDPI scores each risk by its severity class: low 10, medium 50, high 100, severe 150,
 * critical 200, emergency 250 (`ndpi_risk2score`), and a flow's score is the sum over its risks
 * (the recordings agree: [46] scores 10, [16, 46] 60, [30] 100, [36, 27, 42] 210). The bands
 * therefore follow those classes, so one risk of a class lands in the matching band and several
 * lesser risks add up to the next:
 *
 * | score    | severity | meaning                                              |
 * |----------|----------|------------------------------------------------------|
 * | < 10     | info     | flagged without a scored risk                        |
 * | 10 - 49  | low      | only low risks (e.g. unidirectional traffic)          |
 * | 50 - 99  | medium   | a medium risk, or several low ones                    |
 * | 100 - 199| high     | a high or severe risk (expired certificate, obsolete TLS) |
 * | >= 200   | critical | a critical risk, or several serious ones together     |
 */
import type { Severity } from '../../contract/views'

export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical']

export function severityFromScore(score: number | undefined): Severity {
  const s = typeof score === 'number' && Number.isFinite(score) ? score : 0
  if (s < 10) return 'info'
  if (s < 50) return 'low'
  if (s < 100) return 'medium'
  if (s < 200) return 'high'
  return 'critical'
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s)
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b
}
