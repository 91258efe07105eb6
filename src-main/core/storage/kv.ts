import { get, type Db } from './sqlite'

/** Single values (the settings document, the active profile) keyed by name. */
export function readKv(db: Db, key: string): string | undefined {
  const value = get(db, 'SELECT value FROM kv WHERE key = ?', key)?.value
  return typeof value === 'string' ? value : undefined
}

export function writeKv(db: Db, key: string, value: string | undefined): void {
  if (value === undefined) db.run('DELETE FROM kv WHERE key = ?', key)
  else db.run('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value])
}
