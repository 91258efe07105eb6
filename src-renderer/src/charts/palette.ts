/** Series colours that stay distinguishable on both light and dark backgrounds. */
export const SERIES_COLORS = [
  '#3b82f6', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#64748b',
]

/** Text and grid-line colours per theme; ECharts draws on canvas and cannot read CSS variables. */
export interface ChartTheme {
  text: string
  grid: string
}

export const LIGHT_CHART: ChartTheme = { text: '#374151', grid: '#e5e7eb' }
export const DARK_CHART: ChartTheme = { text: '#d1d5db', grid: '#374151' }
