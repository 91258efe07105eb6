import { defineStore } from 'pinia'
import type { AgentView } from '@contract/views'
import { createKeyedList } from './keyed-list'

/**
 * Agents keyed by id. A delta carries the whole agent list (agents are few and have no remove
 * section), so the sync module calls `replaceAll` for both snapshots and deltas.
 */
export const useAgentsStore = defineStore('agents', () => {
  const list = createKeyedList<AgentView, string>((a) => a.id)
  return { agents: list.items, byId: list.byKey, replaceAll: list.replaceAll, applyUpserts: list.applyUpserts }
})
