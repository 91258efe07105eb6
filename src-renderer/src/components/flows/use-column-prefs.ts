/**
 * Which flow-table columns the user chose to see, kept in localStorage so the choice survives a
 * restart. Stored values are validated: unknown ids are dropped, a broken entry means defaults.
 */
import { ref, watch, type Ref } from 'vue'

export interface ColumnPrefsOptions {
  storageKey: string
  knownIds: readonly string[]
  defaults: readonly string[]
  storage?: Pick<Storage, 'getItem' | 'setItem'>
}

function load(o: ColumnPrefsOptions, storage: Pick<Storage, 'getItem'> | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(o.storageKey) ?? 'null')
    if (Array.isArray(parsed)) return o.knownIds.filter((id) => parsed.includes(id))
  } catch {
    // A corrupt entry falls back to the defaults below.
  }
  return [...o.defaults]
}

export function useColumnPrefs(o: ColumnPrefsOptions): { visible: Ref<string[]>; toggle: (id: string) => void } {
  const storage = o.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage)
  const visible = ref<string[]>(load(o, storage))

  watch(visible, (ids) => {
    try {
      storage?.setItem(o.storageKey, JSON.stringify(ids))
    } catch {
      // Storage full or disabled: the choice still holds for this session.
    }
  })

  function toggle(id: string): void {
    if (!o.knownIds.includes(id)) return
    const on = visible.value.includes(id)
    if (on && visible.value.length === 1) return
    visible.value = on ? visible.value.filter((v) => v !== id) : o.knownIds.filter((k) => k === id || visible.value.includes(k))
  }

  return { visible, toggle }
}
