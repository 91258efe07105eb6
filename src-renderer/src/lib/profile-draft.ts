/**
 * The profile editor's working copy: form fields as strings/booleans, converted to a
 * `ProfileView` and validated with the contract's own schema before anything is sent.
 */
import { profileSchema } from '@contract/contract'
import type { ProfileView } from '@contract/views'

export interface AgentDraft {
  label: string
  source: string
  /** Seconds; empty for "agent default". */
  interval: string
  enabled: boolean
}

export interface ProfileDraft {
  id: string
  name: string
  agents: AgentDraft[]
}

export function draftFromProfile(p: ProfileView): ProfileDraft {
  return {
    id: p.id,
    name: p.name,
    agents: p.agents.map((a) => ({
      label: a.label, source: a.source, interval: a.updateIntervalHint !== undefined ? String(a.updateIntervalHint) : '', enabled: a.enabled,
    })),
  }
}

export function emptyAgent(n: number): AgentDraft {
  return { label: `Agent ${n}`, source: 'tcp://127.0.0.1:7150', interval: '', enabled: true }
}

/** A fresh id for a new profile, unique among `existing`. */
export function newProfileId(existing: readonly string[], now: number): string {
  let id = `profile-${now.toString(36)}`
  for (let i = 2; existing.includes(id); i++) id = `profile-${now.toString(36)}-${i}`
  return id
}

export type DraftResult = { ok: true; profile: ProfileView } | { ok: false; errors: string[] }

function describePath(path: readonly PropertyKey[]): string {
  if (path[0] === 'agents' && typeof path[1] === 'number') return `Agent ${path[1] + 1} ${String(path[2] ?? '')}`.trim()
  return String(path[0] ?? 'profile')
}

export function profileFromDraft(d: ProfileDraft): DraftResult {
  const candidate = {
    id: d.id,
    name: d.name.trim(),
    agents: d.agents.map((a) => ({
      label: a.label.trim(),
      source: a.source.trim(),
      ...(a.interval.trim() ? { updateIntervalHint: Number(a.interval) } : {}),
      enabled: a.enabled,
    })),
  }
  const parsed = profileSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, profile: parsed.data }
  return { ok: false, errors: parsed.error.issues.map((i) => `${describePath(i.path)}: ${i.message}`) }
}
