import { describe, expect, it } from 'vitest'
import { createRequestDispatcher } from '../../../src-main/core/bridge/request-dispatcher'
import { bindSessionHandlers } from '../../../src-main/core/bridge/session-handlers'
import { createFakeCore } from '../../contract/fake-core'

describe('request dispatcher', () => {
  it('passes the validated payload to the handler and returns its result', async () => {
    const core = createFakeCore()
    const dispatcher = createRequestDispatcher(core.handlers)
    const reply = await dispatcher.dispatch('device.rename', { mac: 'AA:bb:cc:00:11:22', alias: 'Printer', extra: 'dropped' })
    expect(reply).toEqual({ ok: true, result: { ok: true } })
    expect(core.calls).toEqual([{ name: 'device.rename', payload: { mac: 'AA:bb:cc:00:11:22', alias: 'Printer' } }])
  })

  it('refuses unknown names, including inherited property names, without calling anything', async () => {
    const core = createFakeCore()
    const dispatcher = createRequestDispatcher(core.handlers)
    for (const name of ['device.delete', '__proto__', 'constructor', 42, undefined]) {
      const reply = await dispatcher.dispatch(name, {})
      expect(reply.ok).toBe(false)
      if (!reply.ok) expect(reply.error.code).toBe('unknown_request')
    }
    const named = await dispatcher.dispatch('device.delete', {})
    expect(named).toEqual({ ok: false, error: { code: 'unknown_request', message: 'unknown request "device.delete"' } })
    expect(core.calls).toEqual([])
  })

  it('names the field and the reason when a payload is invalid, and never calls the handler', async () => {
    const core = createFakeCore()
    const dispatcher = createRequestDispatcher(core.handlers)
    const reply = await dispatcher.dispatch('device.rename', { mac: 'not-a-mac', alias: 7 })
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid_request')
    expect(reply.error.message).toMatch(/^invalid device\.rename request: /)
    expect(reply.error.message).toMatch(/mac: /)
    expect(reply.error.message).toMatch(/alias: .*string/i)
    const nested = await dispatcher.dispatch('settings.update', { settings: { theme: 'neon' } })
    expect(!nested.ok && nested.error.message).toMatch(/settings\.theme: /)
    const notObject = await dispatcher.dispatch('flow.detail', 'a/b')
    expect(!notObject.ok && notObject.error.message).toMatch(/payload: .*object/i)
    const strictEmpty = await dispatcher.dispatch('snapshot.get', { sneaky: true })
    expect(!strictEmpty.ok && strictEmpty.error.code).toBe('invalid_request')
    expect(core.calls).toEqual([])
  })

  it('returns a failing handler\'s message without its stack', async () => {
    const core = createFakeCore()
    core.failWith('profile.activate', new Error('no profile "work"'))
    const dispatcher = createRequestDispatcher(core.handlers)
    const reply = await dispatcher.dispatch('profile.activate', { id: 'work' })
    expect(reply).toEqual({ ok: false, error: { code: 'failed', message: 'no profile "work"' } })
  })

  it('routes visibility and snapshot requests to the asking client\'s session', async () => {
    const core = createFakeCore()
    const first = core.attachClient(() => undefined)
    const second = core.attachClient(() => undefined)
    const dispatcher = createRequestDispatcher(bindSessionHandlers(core.handlers, second))
    await dispatcher.dispatch('view.visibility', { visible: false })
    const reply = await dispatcher.dispatch('snapshot.get', {})
    expect(core.sessions[1].visibility).toEqual([false])
    expect(core.sessions[0].visibility).toEqual([])
    expect(reply.ok && (reply.result as { seq: number }).seq).toBe(2)
    expect(first).not.toBe(second)
  })
})
