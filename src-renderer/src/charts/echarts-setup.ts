/**
 * Registers only the ECharts parts the views use (line, bar; grid, tooltip, legend; canvas),
 * keeping the bundle small. Import `VChart` from here, never from 'vue-echarts' directly, so the
 * registration always runs first.
 */
import { use } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import VChart from 'vue-echarts'

use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export { VChart }
