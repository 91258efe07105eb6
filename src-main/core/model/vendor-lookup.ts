/**
 * MAC address facts: vendor from the IEEE OUI table, and the locally administered bit.
 *
 * The OUI table (`oui-data`, a few MB of JSON) is read once, on the first lookup, so starting
 * the app or a test that never shows a vendor costs nothing.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

let table: Record<string, string> | null | undefined

function loadTable(): Record<string, string> | null {
  if (table !== undefined) return table
  try {
    const path = createRequire(__filename).resolve('oui-data')
    table = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>
  } catch {
    table = null
  }
  return table
}

const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/

/** Lowercase `aa:bb:cc:dd:ee:ff`, or undefined for anything that is not a MAC address. */
export function normaliseMac(mac: string | undefined): string | undefined {
  if (typeof mac !== 'string') return undefined
  const m = mac.trim().toLowerCase()
  return MAC_RE.test(m) ? m : undefined
}

/**
 * Second-least-significant bit of the first octet: set on randomised (private) MACs, which
 * carry no vendor and may change over time, so the UI can say so.
 */
export function isLocallyAdministered(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 0x02) !== 0
}

/** True for MACs that never name one device (broadcast, multicast, all-zero). */
export function isGroupOrZeroMac(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 0x01) !== 0 || mac === '00:00:00:00:00:00'
}

/** The registered vendor of a MAC (first line of the OUI entry); none for locally administered MACs. */
export function vendorOf(mac: string): string | undefined {
  if (isLocallyAdministered(mac)) return undefined
  const oui = mac.replace(/:/g, '').slice(0, 6).toUpperCase()
  const entry = loadTable()?.[oui]
  if (!entry) return undefined
  const first = entry.split('\n')[0].trim()
  return first.length > 0 ? first : undefined
}
