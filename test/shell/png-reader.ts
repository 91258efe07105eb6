/**
 * Reads the RGBA PNGs make-icons.mjs writes (8-bit RGBA, unfiltered rows), enough to check an
 * icon's size and colours in a test.
 */
import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'

export interface Png {
  width: number
  height: number
  rgba: Buffer
}

export function readPng(path: string): Png {
  const buf = readFileSync(path)
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${path}: not a PNG`)
  let offset = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (offset < buf.length) {
    const len = buf.readUInt32BE(offset)
    const type = buf.toString('ascii', offset + 4, offset + 8)
    const data = buf.subarray(offset + 8, offset + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[9] !== 6) throw new Error(`${path}: expected 8-bit RGBA`)
    }
    if (type === 'IDAT') idat.push(data)
    offset += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const rgba = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1)
    if (raw[row] !== 0) throw new Error(`${path}: filtered rows are not supported by this reader`)
    raw.copy(rgba, y * width * 4, row + 1, row + 1 + width * 4)
  }
  return { width, height, rgba }
}

/** Counts clearly visible pixels whose colour is dominated by one channel pattern. */
export function countPixels(png: Png, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0
  for (let i = 0; i < png.rgba.length; i += 4) {
    if (png.rgba[i + 3] >= 200 && test(png.rgba[i], png.rgba[i + 1], png.rgba[i + 2])) n++
  }
  return n
}

export const isRed = (r: number, g: number, b: number): boolean => r > 180 && g < 110 && b < 110
export const isGreen = (r: number, g: number, b: number): boolean => g > 140 && r < 120 && b < 150
export const isAmber = (r: number, g: number, b: number): boolean => r > 200 && g > 130 && g < 200 && b < 80
