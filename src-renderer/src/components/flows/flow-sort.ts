/**
 * Sorting for the flow table. Keys are computed once per row before sorting (not inside the
 * comparator), so a 100k-row sort reads each row's value once instead of ~34 times.
 */
import type { FlowRow } from '@contract/views'
import type { DeviceNameOf, FlowColumn, SortValue } from './flow-columns'

export type SortDirection = 'asc' | 'desc'

export interface FlowSort {
  columnId: string
  direction: SortDirection
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(String(a), String(b))
}

/** A new sorted array; rows without a value sort last in either direction. Stable. */
export function sortFlows(rows: readonly FlowRow[], column: FlowColumn, direction: SortDirection, deviceName: DeviceNameOf): FlowRow[] {
  const keyed = rows.map((row, index) => ({ row, index, key: column.sortValue(row, deviceName) }))
  const sign = direction === 'asc' ? 1 : -1
  keyed.sort((x, y) => {
    if (x.key === undefined || y.key === undefined) {
      if (x.key === y.key) return x.index - y.index
      return x.key === undefined ? 1 : -1
    }
    return sign * compareValues(x.key, y.key) || x.index - y.index
  })
  return keyed.map((k) => k.row)
}
