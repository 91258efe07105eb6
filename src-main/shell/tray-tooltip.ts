/**
 * The tray tooltip: live totals in a few short lines (Windows cuts tooltips at 127 characters).
 */
import type { TrayStatus } from '../core/app/app-core-types'

const UNITS = ['B/s', 'kB/s', 'MB/s', 'GB/s', 'TB/s']

/** Bytes per second in decimal units with three significant digits: `0 B/s`, `950 B/s`, `1.23 MB/s`. */
export function formatRate(bytesPerSecond: number): string {
  let value = Number.isFinite(bytesPerSecond) && bytesPerSecond > 0 ? bytesPerSecond : 0
  let unit = 0
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2
  return `${value.toFixed(digits)} ${UNITS[unit]}`
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

export function trayTooltip(status: TrayStatus): string {
  if (status.agentsTotal === 0) return 'Netify Monitor\nNo agents configured'
  const lines = [
    'Netify Monitor',
    `Agents up: ${status.agentsUp}/${status.agentsTotal}`,
    status.unread > 0 ? plural(status.unread, 'unread alert', 'unread alerts') : 'No unread alerts',
    `In ${formatRate(status.rateIn)}, out ${formatRate(status.rateOut)}`,
  ]
  return lines.join('\n')
}
