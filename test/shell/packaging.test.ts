/**
 * The packaging configuration, checked against electron-builder's own schema (packaging itself
 * downloads Electron and runs on a user's machine).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')

interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  extraResources: Array<{ from: string; to: string; filter: string[] }>
  linux: { target: string[]; category: string; icon: string }
  mac: { target: string; category: string; hardenedRuntime: boolean; icon: string }
  win: { target: string; icon: string }
}

// electron-builder's own YAML reader (a dependency of it, without type declarations).
const yaml = (await import('js-yaml' as string)) as { load(text: string): unknown }
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js' as string)
    const { DebugLogger } = await import('builder-util' as string)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('ships the built bundles the package.json main points to', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> }
    expect(pkg.main).toBe('out/main/index.js')
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', 'bin/**']))
    expect(pkg.scripts.dist).toContain('electron-builder')
  })

  it('copies resources where the app looks for them, without the icon generator', () => {
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*', '!icons/make-icons.mjs'] }])
  })

  it('builds AppImage and deb, a hardened dmg and an NSIS installer, with existing icons', () => {
    expect(config.appId).toBe('org.netifymonitor.app')
    expect(config.productName).toBe('Netify Monitor')
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Network' })
    expect(config.mac).toMatchObject({ target: 'dmg', category: 'public.app-category.utilities', hardenedRuntime: true })
    expect(config.win.target).toBe('nsis')
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(existsSync(join(ROOT, icon)), icon).toBe(true)
  })
})
