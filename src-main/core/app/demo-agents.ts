/**
 * The embedded demo agents: replay agents over real recordings bundled in `resources/demo/`,
 * looping, with timestamps shifted to now, so a first run shows live-looking data before the
 * user has any agent of their own.
 */
import { join } from 'node:path'
import { startReplayAgent, type ReplayAgent } from '../replay/replay-agent'
import type { ProfileView } from '../../contract/views'

export const DEMO_PROFILE_ID = 'demo'

const DEMO_AGENTS = [
  { label: 'Demo gateway (netifyd 5.0)', files: ['gateway-netifyd-5.0.bin'] },
  { label: 'Demo branch office (netifyd 4.4)', files: ['branch-4.4-risks.raw', 'branch-4.4-http.raw', 'branch-4.4-tls.raw'] },
]

export interface DemoAgents {
  profile: ProfileView
  close(): Promise<void>
}

/** Start the demo agents on loopback TCP ports chosen by the system. */
export async function startDemoAgents(resourcesDir: string, speed = 1): Promise<DemoAgents> {
  const agents: ReplayAgent[] = []
  try {
    for (const demo of DEMO_AGENTS) {
      agents.push(await startReplayAgent({
        files: demo.files.map((f) => join(resourcesDir, 'demo', f)),
        listen: 'tcp://127.0.0.1:0',
        loop: true,
        now: true,
        speed,
      }))
    }
  } catch (error) {
    await Promise.all(agents.map((a) => a.close()))
    throw error
  }
  return {
    profile: {
      id: DEMO_PROFILE_ID,
      name: 'Demo agents',
      builtIn: 'demo',
      agents: agents.map((a, i) => ({ label: DEMO_AGENTS[i].label, source: a.address, enabled: true })),
    },
    close: async () => {
      await Promise.all(agents.map((a) => a.close()))
    },
  }
}
