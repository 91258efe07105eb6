import { defineStore } from 'pinia'
import type { FlowRow } from '@contract/views'
import { createKeyedList } from './keyed-list'

/**
 * The flow table, keyed by `agentId/digest`. Up to the core's flow cap (100k+) rows: the list is
 * replaced once per batch (never deep-reactive), and views derive filtered/sorted arrays from it.
 */
export const useFlowsStore = defineStore('flows', () => {
  const list = createKeyedList<FlowRow, string>((f) => f.key)
  return { rows: list.items, byKey: list.byKey, replaceAll: list.replaceAll, applyUpserts: list.applyUpserts }
})
