import { describe, expect, it } from 'vitest'
import { requestSchemas } from '../../src-main/contract/contract'
import { createRequestDispatcher } from '../../src-main/core/bridge'
import { createSenderCheck, registerIpcRoutes } from '../../src-main/shell/ipc-routes'
import { createAppUrlMatcher } from '../../src-main/shell/navigation-policy'
import { createFakeIpc } from '../preload/fake-ipc'
import { createFakeCore } from '../contract/fake-core'

const APP = 'file:///opt/netify/out/renderer/index.html'

function setup() {
  const core = createFakeCore()
  const ipc = createFakeIpc(APP)
  const mainFrame = ipc.frame
  const logs: string[] = []
  const dispose = registerIpcRoutes({
    ipcMain: ipc.ipcMain,
    dispatch: (name, payload) => createRequestDispatcher(core.handlers).dispatch(name, payload),
    isTrustedSender: createSenderCheck(() => mainFrame, createAppUrlMatcher({ kind: 'file', path: '/opt/netify/out/renderer/index.html' })),
    log: (m) => logs.push(m),
  })
  return { core, ipc, logs, dispose }
}

describe('IPC routes', () => {
  it('registers one handler per contract request and removes them all', () => {
    const { ipc, dispose } = setup()
    expect(ipc.ipcMain.channels().sort()).toEqual(Object.keys(requestSchemas).map((n) => `netify:req:${n}`).sort())
    dispose()
    expect(ipc.ipcMain.channels()).toEqual([])
  })

  it('passes a valid request from the app window to its handler', async () => {
    const { core, ipc } = setup()
    const response = await ipc.ipcRenderer.invoke('netify:req:device.rename', { mac: 'AA:bb:cc:00:11:22', alias: 'Printer' })
    expect(response).toEqual({ ok: true, result: core.responses['device.rename'] })
    expect(core.calls).toEqual([{ name: 'device.rename', payload: { mac: 'AA:bb:cc:00:11:22', alias: 'Printer' } }])
  })

  it('rejects an invalid payload before it reaches the core', async () => {
    const { core, ipc } = setup()
    const response = await ipc.ipcRenderer.invoke('netify:req:device.rename', { mac: 'not-a-mac', alias: 'x' })
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(JSON.stringify(response)).toContain('mac')
    const extra = await ipc.ipcRenderer.invoke('netify:req:alert.markAllRead', { sneaky: true })
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(core.calls).toEqual([])
  })

  it('refuses a request from a frame other than the main frame', async () => {
    const { core, ipc, logs } = setup()
    // Same URL, but an iframe (a different frame object) inside the window.
    ipc.frame = { url: APP }
    const fromIframe = await ipc.ipcRenderer.invoke('netify:req:agents.disconnectAll', {})
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(core.calls).toEqual([])
    expect(logs[0]).toMatch(/untrusted frame/)
  })

  it('refuses a request once the main frame shows a foreign page', async () => {
    const { core, ipc } = setup()
    ;(ipc.frame as { url: string }).url = 'https://evil.example/'
    const response = await ipc.ipcRenderer.invoke('netify:req:agents.disconnectAll', {})
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(core.calls).toEqual([])
  })

  it('refuses a request whose frame is gone', () => {
    const check = createSenderCheck(() => undefined, () => true)
    expect(check(null)).toBe(false)
  })

  it('answers with an error value when the dispatcher itself throws', async () => {
    const ipc = createFakeIpc(APP)
    const frame = ipc.frame
    registerIpcRoutes({
      ipcMain: ipc.ipcMain,
      dispatch: () => { throw new Error('boom') },
      isTrustedSender: (f) => f === frame,
    })
    expect(await ipc.ipcRenderer.invoke('netify:req:snapshot.get', {})).toMatchObject({ ok: false, error: { code: 'failed' } })
  })
})
