/**
 * Connection profiles (named sets of agents) and which one is active. Every profile is
 * validated with the contract's `profileSchema` on the way in and on the way out; a stored row
 * that no longer validates is moved to `rejected_rows` with a notice and the others still load.
 */
import { profileSchema } from '../../contract/contract'
import type { ProfileView } from '../../contract/views'
import { readKv, writeKv } from './kv'
import { parseProfilesJson, profileExport } from './profile-json'
import { keepRejected } from './rejected-rows'
import { all, get, inTransaction, num, str } from './sqlite'
import type { StoreContext } from './store-context'
import { describeIssues, StorageInputError } from './validation'

const ACTIVE_KEY = 'activeProfileId'

export interface ProfileStore {
  /** Profiles in the order they were first saved. */
  list(): ProfileView[]
  get(id: string): ProfileView | undefined
  /** Creates or replaces; throws StorageInputError naming the bad field. */
  save(profile: ProfileView): ProfileView
  delete(id: string): boolean
  /** A copy under a new id and "(copy)" name; throws StorageInputError if `id` is unknown. */
  duplicate(id: string): ProfileView
  /** `undefined` clears the choice; an unknown id throws StorageInputError. */
  setActive(id: string | undefined): void
  getActive(): string | undefined
  /**
   * All or nothing. A profile identical to a stored one is not duplicated; one whose id is
   * taken by a different profile gets a new id, so an import never overwrites.
   */
  importJson(text: string): ProfileView[]
  exportJson(id: string): { json: string; fileName: string }
}

function sameProfile(a: ProfileView, b: ProfileView): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function createProfileStore(ctx: StoreContext): ProfileStore {
  const { db } = ctx

  function list(): ProfileView[] {
    const rows = all(db, 'SELECT id, json FROM profiles ORDER BY position, id')
    const good: ProfileView[] = []
    for (const row of rows) {
      const id = str(row.id)
      let reason: string
      try {
        const result = profileSchema.safeParse(JSON.parse(str(row.json)))
        if (result.success) {
          good.push(result.data)
          continue
        }
        reason = describeIssues(result.error)
      } catch (err) {
        reason = `not JSON (${(err as Error).message})`
      }
      inTransaction(db, () => {
        db.run('DELETE FROM profiles WHERE id = ?', id)
        keepRejected(db, { source: 'profiles', key: id, value: str(row.json), reason }, ctx.now())
      })
      ctx.notice(`Saved profile "${id}" was invalid (${reason}) and was set aside; the other profiles are loaded`)
    }
    return good
  }

  function find(id: string): ProfileView | undefined {
    return list().find((p) => p.id === id)
  }

  function write(profile: ProfileView): void {
    const existing = get(db, 'SELECT position FROM profiles WHERE id = ?', profile.id)
    const position = existing ? num(existing.position) : num(get(db, 'SELECT COALESCE(MAX(position), -1) + 1 AS p FROM profiles')?.p)
    db.run('INSERT INTO profiles (id, position, json) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json', [
      profile.id, position, JSON.stringify(profile),
    ])
  }

  function freeId(base: string, taken: Set<string>): string {
    const stem = base.slice(0, 90)
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? stem : `${stem}-${n}`
      if (!taken.has(candidate)) return candidate
    }
  }

  function validated(profile: ProfileView): ProfileView {
    const result = profileSchema.safeParse(profile)
    if (!result.success) throw new StorageInputError(`The profile is invalid: ${describeIssues(result.error)}`)
    return result.data
  }

  return {
    list,
    get: find,
    save(profile) {
      const clean = validated(profile)
      inTransaction(db, () => write(clean))
      return clean
    },
    delete(id) {
      return inTransaction(db, () => {
        if (readKv(db, ACTIVE_KEY) === id) writeKv(db, ACTIVE_KEY, undefined)
        return db.run('DELETE FROM profiles WHERE id = ?', id).changes > 0
      })
    },
    duplicate(id) {
      const source = find(id)
      if (!source) throw new StorageInputError(`No profile with id "${id}"`)
      const taken = new Set(list().map((p) => p.id))
      const copy = validated({ ...source, id: freeId(`${source.id}-copy`, taken), name: `${source.name} (copy)`.slice(0, 200) })
      inTransaction(db, () => write(copy))
      return copy
    },
    setActive(id) {
      if (id !== undefined && !find(id)) throw new StorageInputError(`No profile with id "${id}"`)
      writeKv(db, ACTIVE_KEY, id)
    },
    getActive() {
      const id = readKv(db, ACTIVE_KEY)
      return id !== undefined && find(id) ? id : undefined
    },
    importJson(text) {
      const incoming = parseProfilesJson(text)
      const existing = list()
      const taken = new Set(existing.map((p) => p.id))
      const result: ProfileView[] = []
      const toWrite: ProfileView[] = []
      for (const profile of incoming) {
        const same = existing.find((p) => sameProfile(p, profile))
        if (same) {
          result.push(same)
          continue
        }
        const id = taken.has(profile.id) ? freeId(`${profile.id}-imported`, taken) : profile.id
        taken.add(id)
        const stored = { ...profile, id }
        toWrite.push(stored)
        result.push(stored)
      }
      inTransaction(db, () => toWrite.forEach(write))
      return result
    },
    exportJson(id) {
      const profile = find(id)
      if (!profile) throw new StorageInputError(`No profile with id "${id}"`)
      return profileExport(profile)
    },
  }
}
