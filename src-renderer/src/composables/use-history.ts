import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { HistoryRow } from '@contract/views'
import { getBridge } from '../bridge'
import { errorText } from '../bridge/bridge-error'

export interface HistoryRange {
  from: number
  to: number
  device?: string
}

export interface HistoryQuery {
  rows: ShallowRef<readonly HistoryRow[]>
  loading: Ref<boolean>
  error: Ref<string | undefined>
  reload(): Promise<void>
}

/**
 * Persisted rollups for a range, fetched whenever the range changes; a late answer to an older
 * range never overwrites a newer one.
 */
export function useHistory(range: Ref<HistoryRange | undefined>): HistoryQuery {
  const rows = shallowRef<readonly HistoryRow[]>([])
  const loading = ref(false)
  const error = ref<string | undefined>()
  let ticket = 0

  async function reload(): Promise<void> {
    const r = range.value
    if (!r) return
    const mine = ++ticket
    loading.value = true
    error.value = undefined
    try {
      const payload = r.device ? { from: r.from, to: r.to, device: r.device } : { from: r.from, to: r.to }
      const result = await getBridge().request('history.query', payload)
      if (mine === ticket) rows.value = result
    } catch (err) {
      if (mine === ticket) error.value = errorText(err)
    } finally {
      if (mine === ticket) loading.value = false
    }
  }

  watch(range, () => void reload(), { immediate: true })
  return { rows, loading, error, reload }
}
