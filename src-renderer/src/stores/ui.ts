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
  /** Messages from the core about its files and profiles; the user can dismiss them. */
  const notices = shallowRef<string[]>([])
  const dismissed = shallowRef<ReadonlySet<string>>(new Set())

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
  function noteBatch(at: number, isDemo: boolean | undefined, next?: string[]): void {
    dataAt.value = at
    synced.value = true
    if (isDemo !== undefined) demo.value = isDemo
    if (next) notices.value = next.filter((n) => !dismissed.value.has(n))
  }
  function dismissNotice(text: string): void {
    dismissed.value = new Set([...dismissed.value, text])
    notices.value = notices.value.filter((n) => n !== text)
  }
  return { route, connection, demo, dataAt, synced, notices, navigate, syncFromHash, setConnection, noteBatch, dismissNotice }
})
