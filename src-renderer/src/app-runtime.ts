/**
 * Starts everything the UI needs besides components: the sync from the bridge into the stores,
 * hash navigation, the connection banner's state, and the effective theme on <html>. Returns the stop
 * function (tests mount the shell with a fake bridge and stop it afterwards).
 */
import type { Pinia } from 'pinia'
import { effectScope, watch } from 'vue'
import type { Bridge } from '@contract/contract'
import { getBridge } from './bridge'
import { hasObservableConnection } from './bridge/connection-state'
import { useEffectiveTheme } from './composables/use-effective-theme'
import { startSync } from './stores/sync'
import { storeSyncTargets } from './stores/sync-targets'
import { useUiStore } from './stores/ui'

export function startRenderer(pinia: Pinia, bridge: Bridge = getBridge()): () => void {
  const ui = useUiStore(pinia)
  ui.syncFromHash()
  const onHash = () => ui.syncFromHash()
  window.addEventListener('hashchange', onHash)
  const connection = hasObservableConnection(bridge) ? bridge : undefined
  const stopSync = startSync(bridge, storeSyncTargets(pinia), { doc: document, connection })
  let stopConn = () => undefined as unknown
  if (connection) stopConn = connection.onConnection(ui.setConnection)
  else ui.setConnection({ status: 'open' })
  // The effective theme goes on <html> for the CSS; its media-query listener lives in this scope.
  const themeScope = effectScope()
  themeScope.run(() => {
    const theme = useEffectiveTheme(pinia)
    watch(theme, (t) => { document.documentElement.dataset.theme = t }, { immediate: true })
  })
  return () => {
    window.removeEventListener('hashchange', onHash)
    stopConn()
    stopSync()
    themeScope.stop()
  }
}
