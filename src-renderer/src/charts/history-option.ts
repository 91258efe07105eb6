/**
 * Stacked bars of bytes per application over a history range (the History view and the device
 * page), the busiest applications named and the rest as "Other".
 */
import { formatBytes } from '../lib/format'
import type { BucketedSeries } from '../lib/history'
import { OTHER_SERIES, topSeries } from './app-series-option'
import { LEGEND_GRID, timeAxis, valueAxis, wrappingLegend } from './axes'
import type { ChartOption } from './chart-types'
import { LIGHT_CHART, SERIES_COLORS, type ChartTheme } from './palette'
import { axisTooltipFormatter } from './tooltip'

export function historyOption(b: BucketedSeries, theme: ChartTheme = LIGHT_CHART, top = 8): ChartOption {
  const series = topSeries({ t: b.t, series: b.series.map((s, id) => ({ id, ...s })) }, top)
  return {
    animation: false,
    color: SERIES_COLORS,
    grid: LEGEND_GRID,
    legend: wrappingLegend(theme),
    tooltip: { trigger: 'axis', formatter: axisTooltipFormatter(formatBytes) },
    xAxis: timeAxis(theme),
    yAxis: valueAxis('bytes', theme),
    series: series.map((s) => ({
      name: s.name,
      type: 'bar' as const,
      stack: 'bytes',
      barCategoryGap: '10%',
      data: b.t.map((t, i) => [t, s.values[i] ?? 0]),
      ...(s.name === OTHER_SERIES ? { itemStyle: { color: SERIES_COLORS[SERIES_COLORS.length - 1] } } : {}),
    })),
  }
}
