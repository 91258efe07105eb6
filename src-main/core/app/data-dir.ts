/**
 * Where the app keeps its database: the per-platform user-data folder, named the same whether
 * the desktop app (whose product name has a space) or web mode opens it, so both share
 * profiles, aliases and history (one at a time: the database is locked while open).
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

const APP_FOLDER = 'netify-monitor'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_FOLDER)
}
