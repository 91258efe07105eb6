/**
 * The overview's stacked application chart: the busiest applications' rates over the live
 * window, the rest summed as "Other", so the stack's top is the total application traffic.
 */
import type { AppSeriesView } from '@contract/views'
import { formatRate, shortAppName } from '../lib/format'
import { LEGEND_GRID, timeAxis, valueAxis, wrappingLegend } from './axes'
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

/** The stack's highest point, so the rate axis can pick ticks round in bits. */
function stackMax(t: readonly number[], series: readonly NamedValues[]): number {
  return t.reduce((max, _, i) => Math.max(max, series.reduce((sum, x) => sum + (x.values[i] ?? 0), 0)), 0)
}

/** `top` defaults to 5 so the legend (plus "Other") fits two lines of a half-width panel. */
export function appSeriesOption(s: AppSeriesView, theme: ChartTheme = LIGHT_CHART, top = 5): ChartOption {
  const series = topSeries(s, top)
  return {
    animation: false,
    color: SERIES_COLORS,
    grid: LEGEND_GRID,
    legend: wrappingLegend(theme),
    tooltip: { trigger: 'axis', formatter: axisTooltipFormatter(formatRate) },
    xAxis: timeAxis(theme),
    yAxis: valueAxis('rate', theme, stackMax(s.t, series)),
    series: series.map((x) => ({
      name: x.name,
      type: 'line' as const,
      stack: 'applications',
      areaStyle: {},
      showSymbol: false,
      data: s.t.map((t, i) => [t, x.values[i] ?? 0]),
      ...(x.name === OTHER_SERIES ? { itemStyle: { color: SERIES_COLORS[SERIES_COLORS.length - 1] } } : {}),
    })),
  }
}
