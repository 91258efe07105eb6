/**
 * Mounts a renderer component the way the app runs it: a fresh Pinia, the stores filled from a
 * snapshot through the real sync code, and a fake bridge installed behind `getBridge()`.
 * Charts are stubbed (happy-dom has no canvas); their options are tested as plain objects.
 */
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import type { Snapshot } from '@contract/views'
import { setBridge } from '../../src-renderer/src/bridge'
import { applySnapshot, startSync } from '../../src-renderer/src/stores/sync'
import { storeSyncTargets } from '../../src-renderer/src/stores/sync-targets'
import { createFakeBridge, type FakeBridge } from './fake-bridge'
import { makeSnapshot } from './view-factories'

export interface Mounted {
  bridge: FakeBridge
  pinia: Pinia
}

export function prepareStores(snapshot: Snapshot = makeSnapshot()): Mounted {
  const pinia = createPinia()
  setActivePinia(pinia)
  const bridge = createFakeBridge({ snapshot })
  setBridge(bridge)
  applySnapshot(storeSyncTargets(pinia), snapshot)
  return { bridge, pinia }
}

/**
 * Like `prepareStores`, but the stores follow the fake bridge live (snapshot request, then the
 * deltas a test emits) through the real sync module; `stop` ends the subscription.
 */
export async function startSyncedStores(snapshot: Snapshot): Promise<Mounted & { stop: () => void }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const bridge = createFakeBridge({ snapshot })
  setBridge(bridge)
  const stop = startSync(bridge, storeSyncTargets(pinia))
  await flushPromises()
  return { bridge, pinia, stop }
}

export function mountWithStores<C extends Component>(component: C, snapshot?: Snapshot, options: ComponentMountingOptions<C> = {}) {
  const ctx = prepareStores(snapshot)
  const wrapper = mount(component, {
    ...options,
    global: { plugins: [ctx.pinia], stubs: { ChartPanel: true }, ...options.global },
  } as ComponentMountingOptions<C>)
  return { wrapper, ...ctx }
}

/** Lets pending promise callbacks (bridge answers) and the re-render run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0))
}
