/**
 * The Electron IPC bridge end to end, minus the Electron binary: the renderer's ipc-bridge over
 * the real preload API, a fake ipcRenderer/ipcMain pair wired in-process, the real main-side
 * routes (sender check, zod dispatcher) and the window's session link, run through the same
 * conformance suite as the WebSocket bridge.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createPreloadApi } from '../../../src-main/preload/preload-api'
import { createSenderCheck, registerIpcRoutes } from '../../../src-main/shell/ipc-routes'
import { createAppUrlMatcher, entryUrl } from '../../../src-main/shell/navigation-policy'
import { WindowLink } from '../../../src-main/shell/window-link'
import { createIpcBridge } from '../../../src-renderer/src/bridge/ipc-bridge'
import { BridgeError } from '../../../src-renderer/src/bridge/bridge-error'
import { describeBridgeConformance } from '../../contract/bridge-conformance'
import { createFakeCore } from '../../contract/fake-core'
import { createFakeIpc } from '../../preload/fake-ipc'

const entry = { kind: 'file', path: '/opt/netify/out/renderer/index.html' } as const

function wire() {
  const core = createFakeCore()
  const ipc = createFakeIpc(entryUrl(entry))
  const mainFrame = ipc.frame
  const link = new WindowLink({ core, send: (channel, payload) => ipc.sendToRenderer(channel, payload) })
  const dispose = registerIpcRoutes({
    ipcMain: ipc.ipcMain,
    dispatch: (name, payload) => link.dispatch(name, payload),
    isTrustedSender: createSenderCheck(() => mainFrame, createAppUrlMatcher(entry)),
  })
  const bridge = createIpcBridge(createPreloadApi(ipc.ipcRenderer))
  return { core, ipc, link, bridge, dispose }
}

describeBridgeConformance('Electron IPC bridge', async () => {
  const { core, link, bridge, dispose } = wire()
  // Electron reports did-finish-load after the page's scripts ran and subscribed.
  const loaded = setTimeout(() => link.pageLoaded(), 0)
  return {
    bridge,
    core,
    async close() {
      clearTimeout(loaded)
      link.pageGone()
      dispose()
    },
  }
})

describe('Electron IPC bridge specifics', () => {
  let dispose: (() => void) | undefined
  afterEach(() => dispose?.())

  it('refuses every request once the window shows a page that is not the app', async () => {
    const w = wire()
    dispose = w.dispose
    ;(w.ipc.frame as { url: string }).url = 'https://attacker.example/'
    const error = await w.bridge.request('agents.disconnectAll', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BridgeError)
    expect((error as BridgeError).code).toBe('invalid_request')
    expect(w.core.calls).toEqual([])
  })

  it('sends reactive-looking payloads as plain data', async () => {
    const w = wire()
    dispose = w.dispose
    const ids = new Proxy(['a1'], {})
    await w.bridge.request('alert.acknowledge', { ids })
    expect(w.core.calls).toEqual([{ name: 'alert.acknowledge', payload: { ids: ['a1'] } }])
  })

  it('fails clearly outside Electron', () => {
    expect(() => createIpcBridge(undefined)).toThrow(/not in Electron/)
  })
})
