import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { BridgeConnectionState } from '../bridge/connection-state'
import { DEFAULT_ROUTE, formatHash, parseHash, type Route } from '../lib/route'

/**
 * Navigation and the state of the link to the core: what the shell needs to show which view,
 * and whether what it shows is live, demo, or stale.
 */
export const useUiStore = defineStore('ui', () => {
  const route = shallowRef<Route>(DEFAULT_ROUTE)
  const connection = shallowRef<BridgeConnectionState>({ status: 'connecting' })
  const demo = ref(false)
  /** Time of the newest batch received (the data's clock, not the wall clock). */
  const dataAt = ref<number | undefined>()
  const synced = ref(false)

  /** Changes the hash; `syncFromHash` (on hashchange) updates `route`. */
  function navigate(next: Route): void {
    const hash = formatHash(next)
    if (window.location.hash === hash) route.value = next
    else window.location.hash = hash
  }
  function syncFromHash(): void {
    route.value = parseHash(window.location.hash)
  }
  function setConnection(s: BridgeConnectionState): void {
    connection.value = s
  }
  function noteBatch(at: number, isDemo: boolean | undefined): void {
    dataAt.value = at
    synced.value = true
    if (isDemo !== undefined) demo.value = isDemo
  }
  return { route, connection, demo, dataAt, synced, navigate, syncFromHash, setConnection, noteBatch }
})
