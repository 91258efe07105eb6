/**
 * One application's rate over the live window (the application page).
 */
import type { AppSeriesView } from '@contract/views'
import { formatRate, shortAppName } from '../lib/format'
import { GRID, timeAxis, valueAxis } from './axes'
import type { ChartOption } from './chart-types'
import { LIGHT_CHART, SERIES_COLORS, type ChartTheme } from './palette'
import { axisTooltipFormatter } from './tooltip'

export function appUsageOption(s: AppSeriesView, appId: number, theme: ChartTheme = LIGHT_CHART): ChartOption {
  const found = s.series.find((x) => x.id === appId)
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
        data: found ? s.t.map((t, i) => [t, found.values[i] ?? 0]) : [],
      },
    ],
  }
}
