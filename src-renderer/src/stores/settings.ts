import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { SettingsView } from '@contract/views'
import { getBridge } from '../bridge'

/** The core's settings as last received, and the notification pause. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<SettingsView | undefined>()
  const notificationsPausedUntil = ref<number | undefined>()

  function setSettings(s: SettingsView): void {
    settings.value = s
  }
  function setPausedUntil(until: number | null | undefined): void {
    notificationsPausedUntil.value = until ?? undefined
  }
  /** Sends validated settings; the core's answer (what it stored) replaces ours. */
  async function update(next: SettingsView): Promise<void> {
    settings.value = await getBridge().request('settings.update', { settings: next })
  }
  /** Pauses notifications until a time (epoch ms); `null` resumes them now. */
  async function pauseNotifications(until: number | null): Promise<void> {
    const r = await getBridge().request('notifications.pause', { until })
    notificationsPausedUntil.value = r.until ?? undefined
  }
  return { settings, notificationsPausedUntil, setSettings, setPausedUntil, update, pauseNotifications }
})
