/**
 * The whole App shell mounted the way main.ts starts it (fresh Pinia, bridge installed, renderer
 * sync running), for tests that look at the app as a user does rather than at one component.
 */
import { afterEach } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import App from '../../src-renderer/src/App.vue'
import { setBridge } from '../../src-renderer/src/bridge'
import { startRenderer } from '../../src-renderer/src/app-runtime'
import type { FakeBridge } from './fake-bridge'
import { settle } from './mount-helpers'

/**
 * Returns a starter for the shell; whatever it started is stopped and unmounted after each test,
 * and the route is reset, so one test's hash never leaks into the next.
 */
export function useAppShell(): (bridge: FakeBridge) => Promise<VueWrapper> {
  let stop: (() => void) | undefined
  let wrapper: VueWrapper | undefined
  afterEach(() => {
    stop?.()
    wrapper?.unmount()
    window.location.hash = ''
  })
  return async (bridge) => {
    const pinia = createPinia()
    setBridge(bridge)
    wrapper = mount(App, { global: { plugins: [pinia], stubs: { ChartPanel: true } }, attachTo: document.body })
    stop = startRenderer(pinia, bridge)
    await settle()
    return wrapper
  }
}
