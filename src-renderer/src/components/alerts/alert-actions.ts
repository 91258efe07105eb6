/**
 * Pure helpers behind the alert actions: which mute rules make sense for the chosen alerts, the
 * rule a choice builds, and when a snooze ends. Kept out of the components so the rules the core
 * will receive are tested directly.
 */
import type { AlertView } from '@contract/views'
import type { MuteRule } from '../../stores/alerts'

export type MuteBy = 'device' | 'application' | 'riskId' | 'host'

export interface MuteOption {
  by: MuteBy
  /** What the user reads: "device Living room TV (aa:bb:...)". */
  label: string
  value: string | number
}

const HOUR = 3_600_000
export const SNOOZE_HOURS = [1, 8, 24] as const

/** When a snooze chosen now for `hours` ends (epoch ms), from the caller's clock. */
export function snoozeUntil(now: number, hours: number): number {
  return Math.round(now) + hours * HOUR
}

/** The value every alert shares for `pick`, or undefined when they differ or one lacks it. */
function shared<T>(alerts: readonly AlertView[], pick: (a: AlertView) => T | undefined): T | undefined {
  const first = alerts.length > 0 ? pick(alerts[0]) : undefined
  return first !== undefined && alerts.every((a) => pick(a) === first) ? first : undefined
}

/**
 * The ways to mute all of `alerts` with one rule: by a device, application, risk or host they
 * all share. A mixed selection offers only what is common to every alert in it.
 */
export function muteOptions(alerts: readonly AlertView[], deviceLabel: (mac: string) => string): MuteOption[] {
  const options: MuteOption[] = []
  const device = shared(alerts, (a) => a.device)
  if (device) options.push({ by: 'device', value: device, label: `device ${deviceLabel(device)}` })
  const app = shared(alerts, (a) => a.application)
  if (app) options.push({ by: 'application', value: app, label: `application ${app}` })
  const risk = shared(alerts, (a) => a.riskId)
  if (risk !== undefined) options.push({ by: 'riskId', value: risk, label: `risk ${shared(alerts, (a) => a.riskName) ?? `#${risk}`}` })
  const host = shared(alerts, (a) => a.host)
  if (host) options.push({ by: 'host', value: host, label: `host ${host}` })
  return options
}

/** The rule for the chosen options (all must match to mute); undefined when none is chosen. */
export function buildMuteRule(options: readonly MuteOption[], chosen: ReadonlySet<MuteBy>): MuteRule | undefined {
  const rule: MuteRule = {}
  for (const o of options) {
    if (!chosen.has(o.by)) continue
    if (o.by === 'riskId') rule.riskId = Number(o.value)
    else rule[o.by] = String(o.value)
  }
  return Object.keys(rule).length > 0 ? rule : undefined
}
