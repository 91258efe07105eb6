/**
 * `createAppCore`: the one object a shell (Electron main or web mode) starts, talks to and stops.
 * Plain Node: no electron import.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { resourcesDir as findResources } from '../resources-path'
import type { AppCore } from './app-core-types'
import { NetifyCore } from './netify-core'
import { createRequestHandlers } from './request-handlers'

export const DATABASE_FILE = 'netify-monitor.sqlite'

export interface AppCoreOptions {
  /** Folder for the database file (created if missing). */
  dataDir: string
  resourcesDir?: string
  /** Agents to watch instead of the stored profiles (`web --agent`); not saved. */
  agents?: string[]
  /** A stored profile to activate by name or id (`web --profile`). */
  profileName?: string
  /** Show the embedded demo agents whatever profiles exist (`web --demo`). */
  demo?: boolean
  now?: () => number
  log?: (message: string) => void
  /** How often time moves forward (model upkeep, rollups, notifications). Default 1000 ms. */
  tickMs?: number
  demoSpeed?: number
}

export function createAppCore(options: AppCoreOptions): AppCore {
  mkdirSync(options.dataDir, { recursive: true })
  const core = new NetifyCore({
    dbPath: join(options.dataDir, DATABASE_FILE),
    resourcesDir: options.resourcesDir ?? findResources(),
    now: options.now,
    log: options.log,
    demoSpeed: options.demoSpeed,
  })
  for (const notice of core.storage.notices) options.log?.(notice)
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  return {
    handlers: createRequestHandlers(core),
    attachClient: (send) => core.publisher.attach(send),
    onNotification: (listener) => core.onNotification(listener),
    onTrayStatus: (listener) => core.onTrayStatus(listener),
    trayStatus: () => core.trayStatus(),
    async start() {
      await core.profiles.start({ agents: options.agents, profileName: options.profileName, demo: options.demo })
      timer = setInterval(() => {
        // A failing tick (a disk error while pruning...) is logged; the next one tries again.
        try {
          core.tick(core.now())
        } catch (error) {
          options.log?.(`Background work failed: ${error instanceof Error ? error.message : String(error)}`)
        }
      }, options.tickMs ?? 1000)
    },
    async stop() {
      if (stopped) return
      stopped = true
      if (timer) clearInterval(timer)
      await core.stopAll()
    },
  }
}
