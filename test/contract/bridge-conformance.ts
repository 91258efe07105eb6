/**
 * What every bridge (WebSocket, Electron IPC) must do, as one suite each bridge runs.
 *
 * `makeHarness` returns a connected client-side `Bridge` over a fresh `createFakeCore()`. It
 * must return before the bridge can deliver pushes (listeners registered right after it
 * resolves must see the first snapshot).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Bridge, PushName, PushTypes, RequestName } from '../../src-main/contract/contract'
import type { FakeCore } from './fake-core'
import { invalidRequests, requestNames, validRequests } from './sample-requests'
import { emptySnapshot, sampleDelta } from './sample-views'

export interface BridgeHarness {
  bridge: Bridge
  core: FakeCore
  close(): Promise<void>
}

type Received = { [P in PushName]: { name: P; payload: PushTypes[P] } }[PushName]

/** Records every push the bridge delivers, from the moment it is called. */
function recordPushes(bridge: Bridge): { received: Received[]; next(count: number): Promise<Received[]> } {
  const received: Received[] = []
  const waiters: Array<() => void> = []
  const add = (entry: Received) => { received.push(entry); for (const w of waiters.splice(0)) w() }
  bridge.on('snapshot', (payload) => add({ name: 'snapshot', payload }))
  bridge.on('delta', (payload) => add({ name: 'delta', payload }))
  bridge.on('navigate', (payload) => add({ name: 'navigate', payload }))
  const next = async (count: number) => {
    while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve))
    return received.slice(0, count)
  }
  return { received, next }
}

const sessionRequests: ReadonlySet<RequestName> = new Set(['snapshot.get', 'view.visibility'])

export function describeBridgeConformance(name: string, makeHarness: () => Promise<BridgeHarness>): void {
  describe(`${name} conformance`, () => {
    let harness: BridgeHarness | undefined
    const open = async () => {
      harness = await makeHarness()
      return harness
    }
    afterEach(async () => {
      await harness?.close()
      harness = undefined
    })

    it('delivers a snapshot as the first push after connecting', async () => {
      const { bridge } = await open()
      const pushes = recordPushes(bridge)
      const [first] = await pushes.next(1)
      expect(first).toEqual({ name: 'snapshot', payload: emptySnapshot(1, 1000) })
    })

    it('carries every shared request to its handler with the validated payload, and its response back', async () => {
      const { bridge, core } = await open()
      for (const request of requestNames.filter((n) => !sessionRequests.has(n))) {
        const response = await bridge.request(request, validRequests[request] as never)
        expect(response, request).toEqual(core.responses[request])
        expect(core.calls.at(-1), request).toEqual({ name: request, payload: validRequests[request] })
      }
      expect(core.calls).toHaveLength(requestNames.length - sessionRequests.size)
    })

    it('drops fields the contract does not declare before the handler sees the payload', async () => {
      const { bridge, core } = await open()
      const payload = { mac: '00:11:22:aa:bb:cc', alias: 'Printer', admin: true }
      await bridge.request('device.rename', payload as never)
      expect(core.calls).toEqual([{ name: 'device.rename', payload: { mac: '00:11:22:aa:bb:cc', alias: 'Printer' } }])
    })

    it('routes view.visibility and snapshot.get to the asking client\'s own session', async () => {
      const { bridge, core } = await open()
      expect(await bridge.request('view.visibility', { visible: false })).toEqual({ ok: true })
      expect(await bridge.request('view.visibility', { visible: true })).toEqual({ ok: true })
      const snapshot = await bridge.request('snapshot.get', {})
      expect(core.sessions).toHaveLength(1)
      expect(core.sessions[0].visibility).toEqual([false, true])
      expect(snapshot).toEqual(emptySnapshot(2, 2000))
      expect(core.calls).toEqual([])
    })

    it('rejects every invalid payload with an error naming the field, without reaching a handler', async () => {
      const { bridge, core } = await open()
      for (const request of requestNames) {
        const { payload, field } = invalidRequests[request]
        const error = await bridge.request(request, payload as never).then(() => undefined, (err: unknown) => err)
        expect(error, request).toBeInstanceOf(Error)
        expect((error as Error).message, request).toContain(field)
        expect((error as Error).message, request).toContain(request)
      }
      expect(core.calls).toEqual([])
      expect(core.sessions.flatMap((s) => s.visibility)).toEqual([])
    })

    it('rejects an unknown request name', async () => {
      const { bridge, core } = await open()
      const error = await bridge.request('device.delete' as RequestName, {} as never).then(() => undefined, (err: unknown) => err)
      expect((error as Error).message).toMatch(/unknown request "device\.delete"/)
      expect(core.calls).toEqual([])
    })

    it('rejects with the handler\'s own message when a handler fails', async () => {
      const { bridge, core } = await open()
      core.failWith('agent.reconnect', new Error('no agent "agent-9" in this profile'))
      await expect(bridge.request('agent.reconnect', { agentId: 'agent-9' })).rejects.toThrow('no agent "agent-9" in this profile')
    })

    it('delivers snapshot, delta and navigate pushes in order, and stops after unsubscribe', async () => {
      const { bridge, core } = await open()
      const pushes = recordPushes(bridge)
      await pushes.next(1)
      const stale: unknown[] = []
      const unsubscribe = bridge.on('delta', (payload) => stale.push(payload))
      core.push('delta', sampleDelta(2))
      core.push('navigate', { view: 'alerts', alertId: 'risk:<img src=x>' })
      core.push('snapshot', emptySnapshot(3))
      expect((await pushes.next(4)).map((p) => p.name)).toEqual(['snapshot', 'delta', 'navigate', 'snapshot'])
      expect(pushes.received[1].payload).toEqual(sampleDelta(2))
      expect(pushes.received[2].payload).toEqual({ view: 'alerts', alertId: 'risk:<img src=x>' })
      expect(stale).toEqual([sampleDelta(2)])
      unsubscribe()
      core.push('delta', sampleDelta(4))
      await pushes.next(5)
      expect(stale).toHaveLength(1)
    })
  })
}
