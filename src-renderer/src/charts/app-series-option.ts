/**
 * The overview's stacked application chart: the busiest applications' rates over the live
 * window, the rest summed as "Other", so the stack's top is the total application traffic.
 */
import type { AppSeriesView } from '@contract/views'
import { formatRate, shortAppName } from '../lib/format'
import { GRID, timeAxis, valueAxis } from './axes'
import type { ChartOption } from './chart-types'
import { LIGHT_CHART, SERIES_COLORS, type ChartTheme } from './palette'
import { axisTooltipFormatter } from './tooltip'

export const OTHER_SERIES = 'Other'

interface NamedValues {
  name: string
  values: number[]
}

/** The `top` series by total, then one "Other" series summing the rest (when there is a rest). */
export function topSeries(s: AppSeriesView, top: number): NamedValues[] {
  const ranked = s.series
    .map((x) => ({ name: shortAppName(x.name), values: x.values, total: x.values.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total)
  const kept: NamedValues[] = ranked.slice(0, top).map(({ name, values }) => ({ name, values }))
  const rest = ranked.slice(top)
  if (rest.length > 0) {
    kept.push({ name: OTHER_SERIES, values: s.t.map((_, i) => rest.reduce((sum, r) => sum + (r.values[i] ?? 0), 0)) })
  }
  return kept
}

export function appSeriesOption(s: AppSeriesView, theme: ChartTheme = LIGHT_CHART, top = 8): ChartOption {
  return {
    animation: false,
    color: SERIES_COLORS,
    grid: { ...GRID, top: 56 },
    legend: { top: 0, type: 'scroll', textStyle: { color: theme.text } },
    tooltip: { trigger: 'axis', formatter: axisTooltipFormatter(formatRate) },
    xAxis: timeAxis(theme),
    yAxis: valueAxis('rate', theme),
    series: topSeries(s, top).map((x) => ({
      name: x.name,
      type: 'line' as const,
      stack: 'applications',
      areaStyle: {},
      showSymbol: false,
      data: s.t.map((t, i) => [t, x.values[i] ?? 0]),
    })),
  }
}
