// @vitest-environment happy-dom
/**
 * axe-core over each of this engineer's views as the shell renders them. happy-dom has no
 * layout, so rules that need one (colour contrast, target size) run in the Chromium suite.
 */
import { afterEach, describe, expect, it } from 'vitest'
import axe from 'axe-core'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import App from '../../src-renderer/src/App.vue'
import { setBridge } from '../../src-renderer/src/bridge'
import { startRenderer } from '../../src-renderer/src/app-runtime'
import { createFakeBridge } from './fake-bridge'
import { settle } from './mount-helpers'
import { makeAgent, makeApplication, makeDevice, makeFlow, makeProfile, makeSnapshot } from './view-factories'

let stop: (() => void) | undefined
let wrapper: VueWrapper | undefined
afterEach(() => {
  stop?.()
  wrapper?.unmount()
  window.location.hash = ''
})

const MAC = 'aa:bb:cc:00:00:01'
const snapshot = makeSnapshot({
  profiles: [makeProfile('p1')], activeProfileId: 'p1',
  agents: [makeAgent('a1', { interfaces: [{ agentId: 'a1', name: 'eth0', addrs: ['10.0.0.1'], wireRate: 1, packetRate: 1, captureDropped: 0, queueDropped: 0, flowDropped: 0 }] })],
  devices: [makeDevice(MAC, { ips: ['10.0.0.2'] })],
  applications: [makeApplication(5, 'netify.http', { spark: [1, 2] })],
  flows: [makeFlow('a1/x', { localMac: MAC, applicationId: 5, application: 'netify.http' })],
})

describe('accessibility', () => {
  it.each(['#/overview', '#/devices', `#/devices/${MAC}`, '#/applications', '#/applications/5', '#/agents', '#/history', '#/settings'])(
    '%s has no axe violations',
    async (hash) => {
      window.location.hash = hash
      const pinia = createPinia()
      const bridge = createFakeBridge({ snapshot })
      setBridge(bridge)
      wrapper = mount(App, { global: { plugins: [pinia], stubs: { ChartPanel: true } }, attachTo: document.body })
      stop = startRenderer(pinia, bridge)
      await settle()
      const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } } })
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([])
    },
  )
})
