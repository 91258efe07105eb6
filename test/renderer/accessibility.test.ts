// @vitest-environment happy-dom
/**
 * axe-core over each of this engineer's views as the shell renders them. happy-dom has no
 * layout, so rules that need one (colour contrast, target size) run in the Chromium suite.
 */
import { describe, expect, it } from 'vitest'
import axe from 'axe-core'
import { useAppShell } from './app-shell-mount'
import { createFakeBridge } from './fake-bridge'
import { makeAgent, makeApplication, makeDevice, makeFlow, makeProfile, makeSnapshot } from './view-factories'

const startApp = useAppShell()

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
      await startApp(createFakeBridge({ snapshot }))
      const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } } })
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([])
    },
  )
})
