/**
 * Profile import and export files. An export is one profile, pretty-printed; an import accepts
 * that, an array of profiles, or `{ "profiles": [...] }`, and either takes every profile or none.
 */
import { profileSchema } from '../../contract/contract'
import type { ProfileView } from '../../contract/views'
import { describeIssues, StorageInputError } from './validation'

/** Bounds an import so a huge file cannot fill the database. */
export const MAX_IMPORTED_PROFILES = 100

function profilesArray(parsed: unknown): { items: unknown[]; prefix: (i: number) => string } {
  if (Array.isArray(parsed)) return { items: parsed, prefix: (i) => `[${i}]` }
  if (parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { profiles?: unknown }).profiles)) {
    return { items: (parsed as { profiles: unknown[] }).profiles, prefix: (i) => `profiles[${i}]` }
  }
  return { items: [parsed], prefix: () => '' }
}

/** Validates every profile in an import file; throws a StorageInputError naming the bad field. */
export function parseProfilesJson(text: string): ProfileView[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new StorageInputError(`The profile file is not valid JSON: ${(err as Error).message}`)
  }
  const { items, prefix } = profilesArray(parsed)
  if (items.length === 0) throw new StorageInputError('The profile file holds no profiles')
  if (items.length > MAX_IMPORTED_PROFILES) {
    throw new StorageInputError(`The profile file holds ${items.length} profiles; at most ${MAX_IMPORTED_PROFILES} can be imported at once`)
  }
  return items.map((item, i) => {
    const result = profileSchema.safeParse(item)
    if (!result.success) {
      throw new StorageInputError(`The profile file is invalid, nothing was imported: ${describeIssues(result.error, prefix(i))}`)
    }
    return result.data
  })
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
}

export function profileExport(profile: ProfileView): { json: string; fileName: string } {
  return {
    json: JSON.stringify(profile, null, 2) + '\n',
    fileName: `${slug(profile.name) || 'profile'}.netify-profile.json`,
  }
}
