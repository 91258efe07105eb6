// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import AgentsView from '../../../src-renderer/src/views/AgentsView.vue'
import { BridgeError } from '../../../src-renderer/src/bridge/bridge-error'
import { mountWithStores, settle } from '../mount-helpers'
import { makeAgent, makeProfile, makeSnapshot, T0 } from '../view-factories'

function snapshot() {
  return makeSnapshot({
    profiles: [makeProfile('home', { name: 'Home' }), makeProfile('office', { name: 'Office' })],
    activeProfileId: 'home',
    agents: [
      makeAgent('router', {
        label: 'Router', version: '5.0.12',
        connection: { status: 'disconnected', since: T0, attempt: 2, lastError: 'connect ECONNREFUSED 192.168.1.1:7150', nextRetryAt: Date.now() + 45_000 },
        decode: { records: { flow: 120, agent_status: 4 }, invalid: 2, unknownTypes: 0, unknownFields: {}, recentErrors: [{ agentId: 'router', offset: 4096, message: 'bad length header', at: T0 }] },
      }),
    ],
  })
}

async function chooseFile(wrapper: ReturnType<typeof mountWithStores>['wrapper'], text: string): Promise<void> {
  const input = wrapper.get('input[type="file"]')
  const file = new File([text], 'profile.json', { type: 'application/json' })
  Object.defineProperty(input.element, 'files', { configurable: true, value: [file] })
  await input.trigger('change')
  await settle()
}

describe('agents & profiles', () => {
  it('shows an agent’s state, last error, reconnect countdown and decode errors', () => {
    const { wrapper } = mountWithStores(AgentsView, snapshot())
    const text = wrapper.text()
    expect(text).toMatch(/Disconnected, retrying in (44|45) s/)
    expect(text).toContain('connect ECONNREFUSED 192.168.1.1:7150')
    expect(text).toContain('flow: 120')
    expect(text).toContain('invalid: 2')
    expect(text).toContain('at byte offset 4096: bad length header')
  })

  it('shows the error text when an imported profile is refused', async () => {
    const { wrapper, bridge } = mountWithStores(AgentsView, snapshot())
    bridge.handle('profile.import', () => {
      throw new BridgeError({ code: 'invalid_request', message: 'Profile file: agents.0.source: expected tcp://host:port or unix:/path' })
    })
    await chooseFile(wrapper, '{"id":"x","name":"X","agents":[{"label":"a","source":"http://nope","enabled":true}]}')
    expect(bridge.sent('profile.import')[0].json).toContain('http://nope')
    expect(wrapper.get('[role="alert"]').text()).toBe('Profile file: agents.0.source: expected tcp://host:port or unix:/path')
  })

  it('adds imported profiles to the list', async () => {
    const { wrapper, bridge } = mountWithStores(AgentsView, snapshot())
    bridge.handle('profile.import', () => [makeProfile('lab', { name: 'Lab' })])
    await chooseFile(wrapper, '{}')
    expect(wrapper.findAll('.profiles .name').map((n) => n.text())).toEqual(['Home', 'Office', 'Lab'])
  })

  it('refuses a bad agent source in the editor before sending, then saves a valid edit', async () => {
    const { wrapper, bridge } = mountWithStores(AgentsView, snapshot())
    await wrapper.get('button[aria-label="Edit Office"]').trigger('click')
    const source = wrapper.get('input[aria-label="Agent 1 source"]')
    await source.setValue('http://10.0.0.1')
    await wrapper.get('form[aria-label="Edit profile Office"]').trigger('submit')
    await settle()
    expect(bridge.sent('profile.save')).toEqual([])
    expect(wrapper.get('[role="alert"]').text()).toContain('expected tcp://host:port or unix:/path')
    await source.setValue('unix:/run/netifyd/netifyd.sock')
    await wrapper.get('input[aria-label="Agent 1 update interval hint in seconds"]').setValue('30')
    await wrapper.get('form[aria-label="Edit profile Office"]').trigger('submit')
    await settle()
    expect(bridge.sent('profile.save')).toEqual([
      { profile: { id: 'office', name: 'Office', agents: [{ label: 'router', source: 'unix:/run/netifyd/netifyd.sock', updateIntervalHint: 30, enabled: true }] } },
    ])
  })

  it('activates, duplicates and deletes profiles through the bridge', async () => {
    const { wrapper, bridge } = mountWithStores(AgentsView, snapshot())
    expect(wrapper.get('button[aria-label="Activate Home"]').attributes('disabled')).toBeDefined()
    await wrapper.get('button[aria-label="Activate Office"]').trigger('click')
    await wrapper.get('button[aria-label="Duplicate Home"]').trigger('click')
    await wrapper.get('button[aria-label="Delete Office"]').trigger('click')
    await settle()
    expect(bridge.sent('profile.activate')).toEqual([{ id: 'office' }])
    expect(bridge.sent('profile.duplicate')).toEqual([{ id: 'home' }])
    expect(bridge.sent('profile.delete')).toEqual([{ id: 'office' }])
    expect(wrapper.findAll('.profiles .name').map((n) => n.text())).toEqual(['Home', 'Copy'])
  })
})
