/**
 * Mute rules: "never bother me about this device / application / risk / host". Every field a
 * rule names must match (a rule naming a device and a risk mutes that risk on that device only).
 * A host rule also matches sub-domains (`example.com` mutes `cdn.example.com`).
 */
import type { z } from 'zod'
import type { muteRuleSchema } from '../../contract/contract'

export type MuteRule = z.infer<typeof muteRuleSchema>

export interface MuteTarget {
  device?: string
  application?: string
  riskId?: number
  host?: string
}

function hostMatches(ruleHost: string, host: string | undefined): boolean {
  if (!host) return false
  const r = ruleHost.toLowerCase().replace(/^\.+/, '')
  const h = host.toLowerCase()
  return h === r || h.endsWith(`.${r}`)
}

export function ruleMatches(rule: MuteRule, t: MuteTarget): boolean {
  const named = [rule.device, rule.application, rule.riskId, rule.host].some((v) => v !== undefined)
  if (!named) return false
  if (rule.device !== undefined && rule.device.toLowerCase() !== t.device) return false
  if (rule.application !== undefined && rule.application !== t.application) return false
  if (rule.riskId !== undefined && rule.riskId !== t.riskId) return false
  if (rule.host !== undefined && !hostMatches(rule.host, t.host)) return false
  return true
}

export function sameRule(a: MuteRule, b: MuteRule): boolean {
  return a.device?.toLowerCase() === b.device?.toLowerCase() && a.application === b.application && a.riskId === b.riskId && a.host === b.host
}
