import { describe, expect, it } from 'vitest'
import { requestSchemas } from '../../src-main/contract/contract'
import { isPushName, isRequestName, PUSH_NAMES, pushChannel, REQUEST_NAMES, requestChannel } from '../../src-main/preload/channels'

describe('IPC channel list', () => {
  it('lists exactly the contract requests, each once', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(requestSchemas).sort())
    expect(new Set(REQUEST_NAMES).size).toBe(REQUEST_NAMES.length)
  })

  it('gives every request and push its own channel', () => {
    const channels = [...REQUEST_NAMES.map(requestChannel), ...PUSH_NAMES.map(pushChannel)]
    expect(new Set(channels).size).toBe(REQUEST_NAMES.length + PUSH_NAMES.length)
    expect(requestChannel('alert.acknowledge')).toBe('netify:req:alert.acknowledge')
    expect(pushChannel('navigate')).toBe('netify:push:navigate')
  })

  it('refuses names outside the lists, including object built-ins', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'snapshot.get ', 'SNAPSHOT.GET', '', 42, null]) {
      expect(isRequestName(name)).toBe(false)
      expect(isPushName(name)).toBe(false)
    }
    expect(isRequestName('profile.activate')).toBe(true)
    expect(isPushName('delta')).toBe(true)
  })
})
