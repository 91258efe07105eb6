/**
 * Where the app keeps its database when no folder is given: the same place Electron's
 * `app.getPath('userData')` gives the desktop app (per platform), so web mode and the desktop
 * app share profiles, aliases and history (one at a time: the database is locked while open).
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

const APP_FOLDER = 'netify-monitor'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_FOLDER)
}

/** The built renderer (`out/renderer`), found from the built CLI (`out/main`) or from source. */
export function findRendererDir(start: string = __dirname): string | undefined {
  let dir = start
  for (;;) {
    const candidate = join(dir, 'out', 'renderer')
    if (existsSync(join(candidate, 'index.html'))) return candidate
    const sibling = join(dir, 'renderer')
    if (existsSync(join(sibling, 'index.html'))) return sibling
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}
