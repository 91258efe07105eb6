/** Where web mode finds the built UI. */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

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
