/**
 * The overview's total throughput chart: inbound and outbound rate over the live window.
 */
import type { ThroughputPoint } from '@contract/views'
import { formatRate } from '../lib/format'
import { GRID, timeAxis, valueAxis } from './axes'
import type { ChartOption } from './chart-types'
import { LIGHT_CHART, SERIES_COLORS, type ChartTheme } from './palette'
import { axisTooltipFormatter } from './tooltip'

export function throughputOption(points: readonly ThroughputPoint[], theme: ChartTheme = LIGHT_CHART): ChartOption {
  return {
    animation: false,
    color: SERIES_COLORS,
    grid: GRID,
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: { trigger: 'axis', formatter: axisTooltipFormatter(formatRate) },
    xAxis: timeAxis(theme),
    yAxis: valueAxis('rate', theme, points.reduce((max, p) => Math.max(max, p.in, p.out), 0)),
    series: [
      { name: 'In', type: 'line', showSymbol: false, data: points.map((p) => [p.t, p.in]) },
      { name: 'Out', type: 'line', showSymbol: false, data: points.map((p) => [p.t, p.out]) },
    ],
  }
}
