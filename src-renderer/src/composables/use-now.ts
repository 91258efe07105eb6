import { onScopeDispose, ref, type Ref } from 'vue'

/**
 * The wall clock as a ref that ticks every `intervalMs`, for relative times and countdowns;
 * views pass its value to the pure formatters. The timer stops with the component.
 */
export function useNow(intervalMs = 1000): Ref<number> {
  const now = ref(Date.now())
  const timer = setInterval(() => {
    now.value = Date.now()
  }, intervalMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
