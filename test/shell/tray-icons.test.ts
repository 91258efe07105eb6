import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { retinaName, TRAY_STATES, trayIconFileName } from '../../src-main/shell/tray-icons'
import { countPixels, isAmber, isGreen, isRed, readPng } from './png-reader'

const ICONS = join(__dirname, '../../resources/icons')
const RESOURCES = join(__dirname, '../../resources')

describe('tray icon files', () => {
  it('exist for every state and menu bar, at 16x16 and 32x32', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const state of TRAY_STATES) {
        for (const shade of ['dark', 'light'] as const) {
          const name = trayIconFileName(state, shade, platform)
          expect(existsSync(join(ICONS, name)), name).toBe(true)
          expect(readPng(join(ICONS, name))).toMatchObject({ width: 16, height: 16 })
          expect(readPng(join(ICONS, retinaName(name)))).toMatchObject({ width: 32, height: 32 })
        }
      }
    }
  })

  it('tell the states apart by colour: green quiet, amber badge for unread, red down, no colour idle', () => {
    const icon = (state: string) => readPng(join(ICONS, `tray-${state}-light@2x.png`))
    expect(countPixels(icon('quiet'), isGreen)).toBeGreaterThan(20)
    expect(countPixels(icon('unread'), isAmber)).toBeGreaterThan(20)
    expect(countPixels(icon('down'), isRed)).toBeGreaterThan(60)
    for (const check of [isGreen, isAmber, isRed]) expect(countPixels(icon('idle'), check)).toBe(0)
  })

  it('draw light strokes for a dark menu bar and dark strokes for a light one', () => {
    const brightness = (path: string) => {
      const png = readPng(path)
      let sum = 0, n = 0
      for (let i = 0; i < png.rgba.length; i += 4) {
        if (png.rgba[i + 3] < 200) continue
        sum += (png.rgba[i] + png.rgba[i + 1] + png.rgba[i + 2]) / 3
        n++
      }
      return sum / n
    }
    expect(brightness(join(ICONS, 'tray-quiet-dark@2x.png'))).toBeGreaterThan(150)
    expect(brightness(join(ICONS, 'tray-quiet-light@2x.png'))).toBeLessThan(100)
  })

  it('use black-only template images on macOS for the colourless states', () => {
    expect(trayIconFileName('quiet', 'dark', 'darwin')).toBe('tray-quietTemplate.png')
    expect(trayIconFileName('down', 'dark', 'darwin')).toBe('tray-down-dark.png')
    const png = readPng(join(ICONS, 'tray-quietTemplate@2x.png'))
    expect(countPixels(png, (r, g, b) => r + g + b > 0)).toBe(0)
    expect(countPixels(png, () => true)).toBeGreaterThan(50)
  })

  it('include a 512x512 app icon and well-formed .ico and .icns files for packaging', () => {
    expect(readPng(join(RESOURCES, 'icon.png'))).toMatchObject({ width: 512, height: 512 })
    const ico = readFileSync(join(RESOURCES, 'icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256)
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]))
    const icns = readFileSync(join(RESOURCES, 'icon.icns'))
    expect(icns.toString('ascii', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let o = 8; o < icns.length; o += icns.readUInt32BE(o + 4)) types.push(icns.toString('ascii', o, o + 4))
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']))
  })
})
