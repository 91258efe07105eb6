import { formatBytes, formatClock, formatRate } from '../lib/format'
import type { ChartTheme } from './palette'
import { LIGHT_CHART } from './palette'

/** The time axis every time chart shares; labels that would collide are dropped, not overlapped. */
export function timeAxis(theme: ChartTheme = LIGHT_CHART) {
  return {
    type: 'time' as const,
    axisLabel: { color: theme.text, hideOverlap: true, formatter: (t: number) => formatClock(t) },
    axisLine: { lineStyle: { color: theme.grid } },
  }
}

/** "2.50 MB" -> "2.5 MB", "1.00 Mbit/s" -> "1 Mbit/s": axis ticks are round numbers. */
export function trimZeros(label: string): string {
  return label.replace(/\.0+(?= )/, '').replace(/(\.\d*?[1-9])0+(?= )/, '$1')
}

/**
 * Tick spacing for a rate axis whose data are bytes per second but whose labels are bits per
 * second: ECharts would pick steps round in bytes (30 kB/s = "240 kbit/s"); this picks steps
 * round in bits (1, 2, 2.5 or 5 × 10^n) instead. Undefined when there is nothing to scale.
 */
export function rateTicks(maxBytesPerSecond: number): { interval: number; max: number } | undefined {
  if (!(maxBytesPerSecond > 0) || !Number.isFinite(maxBytesPerSecond)) return undefined
  const bits = maxBytesPerSecond * 8
  const raw = bits / 4
  const power = 10 ** Math.floor(Math.log10(raw))
  const f = raw / power
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power
  return { interval: step / 8, max: (Math.ceil(bits / step) * step) / 8 }
}

/** A value axis labelled in bit rates or bytes; `max` (the largest value shown) rounds rate ticks in bits. */
export function valueAxis(kind: 'rate' | 'bytes', theme: ChartTheme = LIGHT_CHART, max?: number) {
  const ticks = kind === 'rate' && max !== undefined ? rateTicks(max) : undefined
  return {
    type: 'value' as const,
    ...(ticks ?? {}),
    axisLabel: { color: theme.text, formatter: (v: number) => trimZeros(kind === 'rate' ? formatRate(v) : formatBytes(v)) },
    splitLine: { lineStyle: { color: theme.grid } },
  }
}

/**
 * A legend that wraps onto a second line instead of paging behind arrows; long names are cut
 * so a line holds several. Pair it with `LEGEND_GRID` (room for two lines above the plot).
 */
export function wrappingLegend(theme: ChartTheme = LIGHT_CHART) {
  return {
    type: 'plain' as const,
    top: 0,
    itemGap: 12,
    itemWidth: 14,
    itemHeight: 10,
    textStyle: { color: theme.text, width: 84, overflow: 'truncate' as const },
  }
}

export const GRID = { left: 72, right: 16, top: 36, bottom: 28 }
export const LEGEND_GRID = { ...GRID, top: 64 }
