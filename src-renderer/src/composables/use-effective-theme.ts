import { computed, onScopeDispose, ref, type ComputedRef } from 'vue'
import type { Pinia } from 'pinia'
import { useSettingsStore } from '../stores/settings'

export type EffectiveTheme = 'light' | 'dark'

/**
 * The theme actually shown: the user's choice, or the OS preference (followed live) for
 * "system". One place decides it, for the CSS (`data-theme`) and for the canvas charts, which
 * cannot read CSS variables. Call inside a component or an effect scope.
 */
export function useEffectiveTheme(pinia?: Pinia): ComputedRef<EffectiveTheme> {
  const settings = useSettingsStore(pinia)
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined
  const osDark = ref(media?.matches ?? false)
  const onChange = (e: MediaQueryListEvent) => {
    osDark.value = e.matches
  }
  media?.addEventListener('change', onChange)
  onScopeDispose(() => media?.removeEventListener('change', onChange))
  return computed(() => {
    const theme = settings.settings?.theme ?? 'system'
    return theme === 'dark' || (theme === 'system' && osDark.value) ? 'dark' : 'light'
  })
}
