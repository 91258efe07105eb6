/**
 * The shape every keyed store shares, so the sync module drives them all the same way.
 *
 * Items sit in a `shallowRef` holding a plain array and a plain Map: each batch REPLACES both
 * once, so Vue tracks one reference per store instead of every field of every row (a deep
 * reactive flow table is what makes network monitors burn a core while idle).
 */
import { shallowRef, type ShallowRef } from 'vue'
import type { Upserts } from '@contract/views'

export interface KeyedList<T, K> {
  /** Items in arrival order (the core's order for a snapshot, new items appended). */
  items: ShallowRef<readonly T[]>
  byKey: ShallowRef<ReadonlyMap<K, T>>
  replaceAll(items: readonly T[]): void
  applyUpserts(u: Upserts<T, K>): void
}

export function createKeyedList<T, K>(keyOf: (item: T) => K): KeyedList<T, K> {
  const items = shallowRef<readonly T[]>([])
  const byKey = shallowRef<ReadonlyMap<K, T>>(new Map())

  function replaceAll(next: readonly T[]): void {
    const map = new Map<K, T>()
    for (const item of next) map.set(keyOf(item), item)
    byKey.value = map
    items.value = [...map.values()]
  }

  function applyUpserts(u: Upserts<T, K>): void {
    if (u.upsert.length === 0 && u.remove.length === 0) return
    const map = new Map(byKey.value)
    for (const k of u.remove) map.delete(k)
    for (const item of u.upsert) map.set(keyOf(item), item)
    byKey.value = map
    items.value = [...map.values()]
  }

  return { items, byKey, replaceAll, applyUpserts }
}
