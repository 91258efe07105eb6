import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { startWebServer } from '../../src-main/core/web/web-server'
import { WEB_SOCKET_PATH } from '../../src-main/contract/wire-messages'
import { describeBridgeConformance } from './bridge-conformance'
import { createFakeCore } from './fake-core'
import { connectNodeBridge } from './node-websocket-bridge'

const staticDir = mkdtempSync(path.join(tmpdir(), 'nm-conformance-'))
writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Netify Monitor</title>')
afterAll(() => rmSync(staticDir, { recursive: true, force: true }))

describeBridgeConformance('WebSocket bridge', async () => {
  const core = createFakeCore()
  const server = await startWebServer({ core, staticDir })
  const origin = new URL(server.url).origin
  const bridge = connectNodeBridge(`ws://127.0.0.1:${server.port}${WEB_SOCKET_PATH}?token=${server.token}`, origin)
  return {
    bridge,
    core,
    async close() {
      await bridge.close()
      await server.close()
    },
  }
})
