/** Names a user gave to devices, keyed by lowercase MAC (a device's identity across agents). */
import { all, get, str } from './sqlite'
import type { StoreContext } from './store-context'
import { StorageInputError } from './validation'

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/
export const MAX_ALIAS_LENGTH = 100

export interface AliasStore {
  list(): Array<{ mac: string; alias: string }>
  get(mac: string): string | undefined
  /** An empty (or blank) alias removes the name. Throws StorageInputError on a bad MAC or length. */
  set(mac: string, alias: string): void
}

function normalMac(mac: string): string {
  const lower = mac.trim().toLowerCase()
  if (!MAC.test(lower)) throw new StorageInputError(`"${mac}" is not a MAC address (expected aa:bb:cc:dd:ee:ff)`)
  return lower
}

export function createAliasStore(ctx: StoreContext): AliasStore {
  const { db } = ctx
  return {
    list() {
      return all(db, 'SELECT mac, alias FROM aliases ORDER BY mac').map((r) => ({ mac: str(r.mac), alias: str(r.alias) }))
    },
    get(mac) {
      const value = get(db, 'SELECT alias FROM aliases WHERE mac = ?', mac.trim().toLowerCase())?.alias
      return typeof value === 'string' ? value : undefined
    },
    set(mac, alias) {
      const key = normalMac(mac)
      const name = alias.trim()
      if (name.length > MAX_ALIAS_LENGTH) throw new StorageInputError(`An alias can be at most ${MAX_ALIAS_LENGTH} characters`)
      if (name === '') db.run('DELETE FROM aliases WHERE mac = ?', key)
      else db.run('INSERT INTO aliases (mac, alias) VALUES (?, ?) ON CONFLICT(mac) DO UPDATE SET alias = excluded.alias', [key, name])
    },
  }
}
