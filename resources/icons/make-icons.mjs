#!/usr/bin/env node
/**
 * Draws the tray icons and the app icon with no dependency beyond Node (zlib): shapes are
 * rendered from distance functions with 4x4 supersampling and written as RGBA PNGs, then the
 * app icon is packed into .ico (PNG entries) and .icns containers.
 *
 *   node resources/icons/make-icons.mjs      # rewrites resources/icons/*.png, resources/icon.{png,ico,icns}
 *
 * Tray files: tray-<state>-<bar>.png (16x16) and @2x (32x32), where <bar> is the menu bar the
 * icon sits on (dark bar: light strokes; light bar: dark strokes), plus macOS template images
 * tray-<state>Template.png for the monochrome states. States: quiet (ring + green dot), unread
 * (ring + dot + amber badge), down (red ring with a no-entry bar), idle (faint empty ring).
 * Shapes differ per state, not only colours, so the states stay apart for colour-blind users.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))
const resources = dirname(here)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

function hex(color, alpha = 1) {
  const n = parseInt(color.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha]
}

/** Signed-distance shapes in unit coordinates (0..1 across the icon). Negative inside. */
const shapes = {
  disc: (s) => (x, y) => Math.hypot(x - s.cx, y - s.cy) - s.r,
  ring: (s) => (x, y) => Math.abs(Math.hypot(x - s.cx, y - s.cy) - s.r) - s.w / 2,
  bar: (s) => (x, y) => {
    const c = Math.cos(s.angle), n = Math.sin(s.angle)
    const dx = x - s.cx, dy = y - s.cy
    const u = Math.abs(dx * c + dy * n) - s.len / 2, v = Math.abs(-dx * n + dy * c) - s.w / 2
    return Math.hypot(Math.max(u, 0), Math.max(v, 0)) + Math.min(Math.max(u, v), 0)
  },
  roundRect: (s) => (x, y) => {
    const u = Math.abs(x - 0.5) - (0.5 - s.inset - s.radius), v = Math.abs(y - 0.5) - (0.5 - s.inset - s.radius)
    return Math.hypot(Math.max(u, 0), Math.max(v, 0)) + Math.min(Math.max(u, v), 0) - s.radius
  },
}

/** Paints layers in order; a layer with `erase` cuts transparency (the gap around a badge). */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4)
  const n = 4
  const fns = layers.map((l) => ({ ...l, sd: shapes[l.shape](l) }))
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size, y = (py + (sy + 0.5) / n) / size
          let cr = 0, cg = 0, cb = 0, ca = 0
          for (const l of fns) {
            if (l.sd(x, y) > 0) continue
            if (l.erase) { cr = cg = cb = ca = 0; continue }
            const [lr, lg, lb, la] = l.color
            cr = lr * la + cr * (1 - la); cg = lg * la + cg * (1 - la); cb = lb * la + cb * (1 - la)
            ca = la + ca * (1 - la)
          }
          r += cr; g += cg; b += cb; a += ca
        }
      }
      const i = (py * size + px) * 4, k = n * n
      out[i + 3] = Math.round((a / k) * 255)
      // Colours were premultiplied while blending; un-premultiply for PNG.
      out[i] = a > 0 ? Math.round(r / a) : 0
      out[i + 1] = a > 0 ? Math.round(g / a) : 0
      out[i + 2] = a > 0 ? Math.round(b / a) : 0
    }
  }
  return encodePng(size, out)
}

const GREEN = '#2fb36b', AMBER = '#f2a516', RED = '#e0433c'
const INK = { dark: '#ececec', light: '#2b2f36', template: '#000000' }

function trayLayers(state, bar) {
  const ink = INK[bar]
  const ring = { shape: 'ring', cx: 0.5, cy: 0.5, r: 0.34, w: 0.13 }
  switch (state) {
    case 'quiet':
      return [{ ...ring, color: hex(ink) }, { shape: 'disc', cx: 0.5, cy: 0.5, r: 0.15, color: hex(bar === 'template' ? ink : GREEN) }]
    case 'unread':
      return [
        { ...ring, color: hex(ink) },
        { shape: 'disc', cx: 0.5, cy: 0.5, r: 0.13, color: hex(ink) },
        { shape: 'disc', cx: 0.78, cy: 0.22, r: 0.24, erase: true },
        { shape: 'disc', cx: 0.78, cy: 0.22, r: 0.18, color: hex(AMBER) },
      ]
    case 'down':
      return [{ ...ring, color: hex(RED) }, { shape: 'bar', cx: 0.5, cy: 0.5, len: 0.5, w: 0.14, angle: Math.PI / 4, color: hex(RED) }]
    case 'idle':
      return [{ ...ring, color: hex(ink, 0.55) }]
    default:
      throw new Error(`unknown state ${state}`)
  }
}

function writeTrayIcons() {
  for (const state of ['quiet', 'unread', 'down', 'idle']) {
    for (const bar of ['dark', 'light']) {
      writeFileSync(join(here, `tray-${state}-${bar}.png`), render(16, trayLayers(state, bar)))
      writeFileSync(join(here, `tray-${state}-${bar}@2x.png`), render(32, trayLayers(state, bar)))
    }
  }
  for (const state of ['quiet', 'idle']) {
    writeFileSync(join(here, `tray-${state}Template.png`), render(16, trayLayers(state, 'template')))
    writeFileSync(join(here, `tray-${state}Template@2x.png`), render(32, trayLayers(state, 'template')))
  }
}

const APP_LAYERS = [
  { shape: 'roundRect', inset: 0.06, radius: 0.2, color: hex('#173454') },
  { shape: 'ring', cx: 0.5, cy: 0.5, r: 0.3, w: 0.045, color: hex('#7fb4e6', 0.55) },
  { shape: 'ring', cx: 0.5, cy: 0.5, r: 0.19, w: 0.045, color: hex('#7fb4e6', 0.8) },
  { shape: 'disc', cx: 0.5, cy: 0.5, r: 0.085, color: hex(GREEN) },
  { shape: 'disc', cx: 0.71, cy: 0.29, r: 0.05, color: hex(AMBER) },
]

/** .ico with PNG-compressed entries (Windows Vista and later). */
function packIco(entries) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(entries.length, 4)
  const dir = Buffer.alloc(16 * entries.length)
  let offset = 6 + dir.length
  entries.forEach(({ size, png }, i) => {
    const o = i * 16
    dir[o] = size >= 256 ? 0 : size
    dir[o + 1] = size >= 256 ? 0 : size
    dir.writeUInt16LE(1, o + 4) // planes
    dir.writeUInt16LE(32, o + 6) // bits per pixel
    dir.writeUInt32LE(png.length, o + 8)
    dir.writeUInt32LE(offset, o + 12)
    offset += png.length
  })
  return Buffer.concat([header, dir, ...entries.map((e) => e.png)])
}

/** .icns with PNG entries (macOS 10.7 and later). */
function packIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

function writeAppIcons() {
  const png = (size) => render(size, APP_LAYERS)
  writeFileSync(join(resources, 'icon.png'), png(512))
  writeFileSync(join(resources, 'icon.ico'), packIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size) }))))
  const icns = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]]
  writeFileSync(join(resources, 'icon.icns'), packIcns(icns.map(([type, size]) => ({ type, png: png(size) }))))
}

writeTrayIcons()
writeAppIcons()
console.log(`icons written to ${here} and ${resources}`)
