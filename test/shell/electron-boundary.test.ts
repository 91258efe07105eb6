/**
 * The rule that keeps the app testable without the Electron binary: only the shell's wiring
 * files and the preload entry load `electron` at run time; everything else may at most import
 * its types. The preload also loads nothing but `electron` and its own folder, since a
 * sandboxed preload cannot require node_modules.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(__dirname, '../../src-main')
const ELECTRON_ENTRY_FILES = ['shell/main.ts', 'shell/main-window.ts', 'shell/electron-hardening.ts', 'preload/preload.ts']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

/** Module specifiers loaded at run time (type-only imports are erased by the compiler). */
function runtimeImports(code: string): string[] {
  const specs: string[] = []
  for (const m of code.matchAll(/^\s*import\s+(?!type\b)([^;]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
    const clause = m[1].trim()
    const onlyTypes = /^\{[^}]*\}$/.test(clause) && clause.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))
    if (!onlyTypes) specs.push(m[2])
  }
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specs.push(m[1])
  for (const m of code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1])
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1])
  return specs
}

describe('electron boundary', () => {
  it('lets only the shell wiring and the preload entry load electron', () => {
    const loaders = sourceFiles(SRC)
      .filter((file) => runtimeImports(readFileSync(file, 'utf8')).some((s) => s === 'electron' || s.startsWith('electron/')))
      .map((file) => relative(SRC, file).replace(/\\/g, '/'))
      .sort()
    expect(loaders).toEqual([...ELECTRON_ENTRY_FILES].sort())
  })

  it('keeps the preload free of node_modules', () => {
    for (const file of sourceFiles(join(SRC, 'preload'))) {
      const outside = runtimeImports(readFileSync(file, 'utf8')).filter((s) => s !== 'electron' && !s.startsWith('./'))
      expect(outside, relative(SRC, file)).toEqual([])
    }
  })

  it('sees through the import forms it polices', () => {
    expect(runtimeImports("import { app } from 'electron'\nimport type { Tray } from 'electron'\nimport { type Menu } from 'electron'")).toEqual(['electron'])
    expect(runtimeImports("const e = require('electron')")).toEqual(['electron'])
  })
})
