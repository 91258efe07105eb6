import { describe, expect, it } from 'vitest'
import { createPreloadApi } from '../../src-main/preload/preload-api'
import { pushChannel } from '../../src-main/preload/channels'
import type { RequestName } from '../../src-main/contract/contract'
import { createFakeIpc } from './fake-ipc'

function setup() {
  const ipc = createFakeIpc('file:///app/out/renderer/index.html')
  ipc.ipcMain.handle('netify:req:alert.acknowledge', (_event, payload) => ({ ok: true, result: { echoed: payload } }))
  return { ipc, api: createPreloadApi(ipc.ipcRenderer) }
}

describe('preload API', () => {
  it('sends a known request on its own channel and returns the main process answer', async () => {
    const { ipc, api } = setup()
    const response = await api.request('alert.acknowledge', { ids: ['a1'] })
    expect(ipc.ipcRenderer.invoked).toEqual(['netify:req:alert.acknowledge'])
    expect(response).toEqual({ ok: true, result: { echoed: { ids: ['a1'] } } })
  })

  it('refuses an unknown request name without touching IPC', async () => {
    const { ipc, api } = setup()
    const response = await api.request('shell.openExternal' as RequestName, {} as never)
    expect(response.ok).toBe(false)
    expect(!response.ok && response.error.code).toBe('unknown_request')
    expect(ipc.ipcRenderer.invoked).toEqual([])
  })

  it('turns an IPC failure into an error value, not a rejection', async () => {
    const { api } = setup()
    const response = await api.request('profile.delete', { id: 'x' })
    expect(response.ok).toBe(false)
    expect(!response.ok && response.error.code).toBe('failed')
  })

  it('hands listeners the payload only, never the IPC event', () => {
    const { ipc, api } = setup()
    const received: unknown[][] = []
    api.on('navigate', (...args: unknown[]) => received.push(args))
    ipc.sendToRenderer(pushChannel('navigate'), { view: 'alerts', alertId: 'a7' })
    expect(received).toEqual([[{ view: 'alerts', alertId: 'a7' }]])
  })

  it('stops delivering after unsubscribe and leaves no listener behind', () => {
    const { ipc, api } = setup()
    const seen: unknown[] = []
    const off = api.on('delta', (p) => seen.push(p.seq))
    ipc.sendToRenderer(pushChannel('delta'), { seq: 1, at: 0 })
    off()
    off()
    ipc.sendToRenderer(pushChannel('delta'), { seq: 2, at: 0 })
    expect(seen).toEqual([1])
    expect(ipc.ipcRenderer.listenerCount(pushChannel('delta'))).toBe(0)
  })

  it('refuses to subscribe to an unknown push name', () => {
    const { api } = setup()
    expect(() => api.on('ipc-internal' as 'delta', () => undefined)).toThrow(/Unknown push message/)
  })

  it('exposes only request and on, frozen', () => {
    const { api } = setup()
    expect(Object.keys(api).sort()).toEqual(['on', 'request'])
    expect(Object.isFrozen(api)).toBe(true)
  })
})
