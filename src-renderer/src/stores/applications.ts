import { defineStore } from 'pinia'
import type { ApplicationView } from '@contract/views'
import { createKeyedList } from './keyed-list'

/** Applications keyed by id, replaced once per batch. */
export const useApplicationsStore = defineStore('applications', () => {
  const list = createKeyedList<ApplicationView, number>((a) => a.id)
  return { applications: list.items, byId: list.byKey, replaceAll: list.replaceAll, applyUpserts: list.applyUpserts }
})
