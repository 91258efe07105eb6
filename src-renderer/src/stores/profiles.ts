import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ProfileView } from '@contract/views'
import { getBridge } from '../bridge'
import { createKeyedList } from './keyed-list'

/**
 * Connection profiles and which one is active. Changes are requests to the core, which owns the
 * profile file; the answer is applied at once so the editor does not wait for the next delta.
 */
export const useProfilesStore = defineStore('profiles', () => {
  const list = createKeyedList<ProfileView, string>((p) => p.id)
  const activeProfileId = ref<string | undefined>()

  function setActive(id: string | undefined): void {
    activeProfileId.value = id
  }
  async function save(profile: ProfileView): Promise<ProfileView> {
    const saved = await getBridge().request('profile.save', { profile })
    list.applyUpserts({ upsert: [saved], remove: [] })
    return saved
  }
  async function remove(id: string): Promise<void> {
    await getBridge().request('profile.delete', { id })
    list.applyUpserts({ upsert: [], remove: [id] })
  }
  async function duplicate(id: string): Promise<ProfileView> {
    const copy = await getBridge().request('profile.duplicate', { id })
    list.applyUpserts({ upsert: [copy], remove: [] })
    return copy
  }
  async function activate(id: string): Promise<void> {
    await getBridge().request('profile.activate', { id })
    activeProfileId.value = id
  }
  /** Rejects with the core's message (bad JSON, schema errors) for the editor to show. */
  async function importJson(json: string): Promise<ProfileView[]> {
    const imported = await getBridge().request('profile.import', { json })
    list.applyUpserts({ upsert: imported, remove: [] })
    return imported
  }
  function exportJson(id: string): Promise<{ json: string; fileName: string }> {
    return getBridge().request('profile.export', { id })
  }

  return {
    profiles: list.items, byId: list.byKey, activeProfileId, setActive, replaceAll: list.replaceAll, applyUpserts: list.applyUpserts,
    save, remove, duplicate, activate, importJson, exportJson,
  }
})
