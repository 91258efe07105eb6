import { formatBytes, formatClock, formatRate } from '../lib/format'
import type { ChartTheme } from './palette'
import { LIGHT_CHART } from './palette'

/** The time axis every time chart shares. */
export function timeAxis(theme: ChartTheme = LIGHT_CHART) {
  return {
    type: 'time' as const,
    axisLabel: { color: theme.text, formatter: (t: number) => formatClock(t) },
    axisLine: { lineStyle: { color: theme.grid } },
  }
}

/** A value axis labelled in bit rates or bytes. */
export function valueAxis(kind: 'rate' | 'bytes', theme: ChartTheme = LIGHT_CHART) {
  return {
    type: 'value' as const,
    axisLabel: { color: theme.text, formatter: (v: number) => (kind === 'rate' ? formatRate(v) : formatBytes(v)) },
    splitLine: { lineStyle: { color: theme.grid } },
  }
}

export const GRID = { left: 72, right: 16, top: 36, bottom: 28 }
