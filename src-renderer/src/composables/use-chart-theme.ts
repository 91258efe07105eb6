import { computed, type ComputedRef } from 'vue'
import { DARK_CHART, LIGHT_CHART, type ChartTheme } from '../charts/palette'
import { useEffectiveTheme } from './use-effective-theme'

/** The chart colours for the effective theme (charts draw on canvas, not with CSS variables). */
export function useChartTheme(): ComputedRef<ChartTheme> {
  const theme = useEffectiveTheme()
  return computed(() => (theme.value === 'dark' ? DARK_CHART : LIGHT_CHART))
}
