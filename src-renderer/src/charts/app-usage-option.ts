/**
 * One application's rate over the live window (the application page). The live series holds
 * only the top applications; for any other the chart draws the application's own coarser
 * sparkline samples (`ApplicationView.spark`), spread evenly over the same window.
 */
import type { AppSeriesView } from '@contract/views'
import { formatRate, shortAppName } from '../lib/format'
import { GRID, timeAxis, valueAxis } from './axes'
import type { ChartOption } from './chart-types'
import { LIGHT_CHART, SERIES_COLORS, type ChartTheme } from './palette'
import { axisTooltipFormatter } from './tooltip'

const LIVE_WINDOW_MS = 15 * 60_000

export interface AppSparkFallback {
  name: string
  spark: readonly number[]
  /** Time of the newest sample (the live series' last time, else the data clock). */
  end: number
}

function sparkSeries(f: AppSparkFallback): { name: string; values: number[]; t: number[] } {
  const step = LIVE_WINDOW_MS / Math.max(1, f.spark.length)
  return { name: f.name, values: [...f.spark], t: f.spark.map((_, i) => f.end - (f.spark.length - 1 - i) * step) }
}

export function appUsageOption(s: AppSeriesView, appId: number, theme: ChartTheme = LIGHT_CHART, fallback?: AppSparkFallback): ChartOption {
  const top = s.series.find((x) => x.id === appId)
  const found = top ? { name: top.name, values: top.values, t: s.t } : fallback && fallback.spark.length > 0 ? sparkSeries(fallback) : undefined
  return {
    animation: false,
    color: SERIES_COLORS,
    grid: GRID,
    tooltip: { trigger: 'axis', formatter: axisTooltipFormatter(formatRate) },
    xAxis: timeAxis(theme),
    yAxis: valueAxis('rate', theme, found ? Math.max(0, ...found.values) : 0),
    series: [
      {
        name: found ? shortAppName(found.name) : 'Rate',
        type: 'line',
        areaStyle: {},
        showSymbol: false,
        data: found ? found.t.map((t, i) => [t, found.values[i] ?? 0]) : [],
      },
    ],
  }
}
