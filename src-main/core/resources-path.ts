/**
 * Where the project's `resources/` folder (risk and protocol tables) lives at run time.
 *
 * The same code runs from source (vitest, tsx: `src-main/core/`), from the build (`out/main/`)
 * and packaged inside Electron (resources copied next to `app.asar`), so the folder is found by
 * looking rather than by a fixed relative path. Plain Node: no electron import.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

let cached: string | undefined

function packagedResources(): string | undefined {
  const base = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath
  if (typeof base !== 'string' || base.length === 0) return undefined
  const dir = join(base, 'resources')
  return existsSync(dir) ? dir : undefined
}

function walkUp(start: string, probe: string): string | undefined {
  let dir = start
  for (;;) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, probe))) return candidate
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** The resources folder itself; throws with every place tried when it cannot be found. */
export function resourcesDir(): string {
  if (cached) return cached
  const found = packagedResources() ?? walkUp(__dirname, 'risks.txt') ?? walkUp(process.cwd(), 'risks.txt')
  if (!found) {
    throw new Error(`resources folder not found (looked above ${__dirname} and ${process.cwd()}, and in process.resourcesPath)`)
  }
  cached = found
  return found
}

/**
 * Absolute path of one file in `resources/`, wherever the app runs from, so callers never
 * depend on the build layout.
 */
export function resourcePath(name: string): string {
  return join(resourcesDir(), name)
}
