import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'

/** The option type of every chart in the app: only the registered parts. */
export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>

/** The parts of an ECharts tooltip callback parameter the formatters read. */
export interface TooltipParam {
  seriesName?: string
  marker?: unknown
  value?: unknown
  axisValue?: unknown
  name?: string
}
