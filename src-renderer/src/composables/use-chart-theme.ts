import { computed, onScopeDispose, ref, type ComputedRef } from 'vue'
import { DARK_CHART, LIGHT_CHART, type ChartTheme } from '../charts/palette'
import { useSettingsStore } from '../stores/settings'

/**
 * The chart colours for the effective theme: the user's choice, or the OS preference for
 * "system". Charts draw on canvas and cannot follow CSS variables by themselves.
 */
export function useChartTheme(): ComputedRef<ChartTheme> {
  const settings = useSettingsStore()
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined
  const osDark = ref(media?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => {
    osDark.value = e.matches
  }
  media?.addEventListener('change', onChange)
  onScopeDispose(() => media?.removeEventListener('change', onChange))
  return computed(() => {
    const theme = settings.settings?.theme ?? 'system'
    const dark = theme === 'dark' || (theme === 'system' && osDark.value)
    return dark ? DARK_CHART : LIGHT_CHART
  })
}
