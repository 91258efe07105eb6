/**
 * Which agents the core connects to: the active stored profile, a transient profile given on the
 * command line (`web --agent`), or the embedded demo agents (first run with no profile, or
 * `--demo`). Saving, deleting or switching the active profile reconnects exactly what changed.
 */
import type { ProfileView } from '../../contract/views'
import type { Storage } from '../storage'
import type { AgentManager, ManagedAgent } from './agent-manager'
import { DEMO_PROFILE_ID, startDemoAgents, type DemoAgents } from './demo-agents'

export const COMMAND_LINE_PROFILE_ID = 'command-line'

const DEMO_NOT_COPYABLE = 'The demo profile cannot be edited or copied: its agents are recordings served on temporary '
  + 'ports that change at every start. Create a new profile with your own agents instead.'

export interface ProfileControllerOptions {
  storage: Storage
  agents: AgentManager
  resourcesDir: string
  /** Called whenever profiles, the active profile or demo mode changed. */
  changed(): void
  /** A problem the user should see (an agent that cannot be connected). */
  notice(message: string): void
  log(message: string): void
  demoSpeed?: number
  /** The core's clock (ids of copies). */
  now(): number
}

export class ProfileController {
  private transient?: ProfileView
  private demo?: DemoAgents
  private activeId?: string

  constructor(private readonly o: ProfileControllerOptions) {}

  /** Start-up: command-line agents, a named profile, the stored active one, or the demo. */
  async start(choice: { agents?: string[]; profileName?: string; demo?: boolean }): Promise<void> {
    if (choice.agents && choice.agents.length > 0) {
      this.transient = {
        id: COMMAND_LINE_PROFILE_ID,
        name: 'Command line',
        builtIn: 'command-line',
        agents: choice.agents.map((source) => ({ label: source, source, enabled: true })),
      }
      return this.apply(COMMAND_LINE_PROFILE_ID)
    }
    const stored = this.o.storage.profiles.list()
    const named = choice.profileName ? stored.find((p) => p.name === choice.profileName || p.id === choice.profileName) : undefined
    if (choice.profileName && !named) throw new Error(`no profile named "${choice.profileName}"`)
    const active = named?.id ?? this.o.storage.profiles.getActive()
    if (!choice.demo && active && stored.some((p) => p.id === active)) return this.apply(active)
    if (!choice.demo && stored.length > 0) return this.apply(stored[0].id)
    return this.apply(DEMO_PROFILE_ID)
  }

  get isDemo(): boolean {
    return this.activeId === DEMO_PROFILE_ID
  }

  get activeProfileId(): string | undefined {
    return this.activeId
  }

  list(): ProfileView[] {
    const extra = [this.transient, this.demo?.profile].filter((p): p is ProfileView => p !== undefined)
    return [...extra, ...this.o.storage.profiles.list()]
  }

  async activate(id: string): Promise<void> {
    if (id !== DEMO_PROFILE_ID && id !== COMMAND_LINE_PROFILE_ID && !this.o.storage.profiles.get(id)) {
      throw new Error(`no profile with id "${id}"`)
    }
    await this.apply(id)
  }

  save(profile: ProfileView): ProfileView {
    if (profile.id === DEMO_PROFILE_ID) throw new Error(DEMO_NOT_COPYABLE)
    if (profile.id === COMMAND_LINE_PROFILE_ID) {
      throw new Error(`"${profile.name}" is built in: duplicate it to make an editable copy`)
    }
    const saved = this.o.storage.profiles.save(profile)
    if (saved.id === this.activeId) this.connect(saved)
    this.o.changed()
    return saved
  }

  async delete(id: string): Promise<void> {
    if (!this.o.storage.profiles.delete(id)) throw new Error(`no profile with id "${id}"`)
    if (id === this.activeId) {
      const next = this.o.storage.profiles.list()[0]
      await this.apply(next ? next.id : DEMO_PROFILE_ID)
    }
    this.o.changed()
  }

  /** A stored copy; the demo is refused (its agents listen on ports that change at every start). */
  duplicate(id: string): ProfileView {
    if (id === DEMO_PROFILE_ID) throw new Error(DEMO_NOT_COPYABLE)
    const builtIn = this.list().find((p) => p.id === id && id === COMMAND_LINE_PROFILE_ID)
    const copy = builtIn
      ? this.o.storage.profiles.save({ agents: builtIn.agents, id: `${builtIn.id}-copy-${this.o.now().toString(36)}`, name: `${builtIn.name} (copy)` })
      : this.o.storage.profiles.duplicate(id)
    this.o.changed()
    return copy
  }

  importJson(json: string): ProfileView[] {
    const imported = this.o.storage.profiles.importJson(json)
    this.o.changed()
    return imported
  }

  exportJson(id: string): { json: string; fileName: string } {
    const builtIn = this.list().find((p) => p.id === id)
    if (builtIn && (id === DEMO_PROFILE_ID || id === COMMAND_LINE_PROFILE_ID)) {
      return { json: JSON.stringify(builtIn, null, 2), fileName: `${id}.netify-profile.json` }
    }
    return this.o.storage.profiles.exportJson(id)
  }

  async stop(): Promise<void> {
    await this.demo?.close()
    this.demo = undefined
  }

  private async apply(id: string): Promise<void> {
    if (id === DEMO_PROFILE_ID && !this.demo) {
      this.demo = await startDemoAgents(this.o.resourcesDir, this.o.demoSpeed)
      this.o.log('Showing the embedded demo agents (real recordings, replayed live) until a connection profile is chosen.')
    }
    const profile = this.list().find((p) => p.id === id)
    if (!profile) throw new Error(`no profile with id "${id}"`)
    this.activeId = id
    if (id !== DEMO_PROFILE_ID && id !== COMMAND_LINE_PROFILE_ID) this.o.storage.profiles.setActive(id)
    // Connections are switched before the demo agents close, so leaving the demo stops them
    // (no "lost agent" alert) instead of seeing them drop.
    this.connect(profile)
    if (id !== DEMO_PROFILE_ID && this.demo) {
      const demo = this.demo
      this.demo = undefined
      await demo.close()
    }
    this.o.changed()
  }

  private connect(profile: ProfileView): void {
    const agents: ManagedAgent[] = profile.agents
      .filter((a) => a.enabled)
      .map((a) => ({
        id: a.source,
        label: a.label,
        source: a.source,
        stallAfterMs: a.updateIntervalHint ? a.updateIntervalHint * 3000 : undefined,
      }))
    for (const problem of this.o.agents.setAgents(agents, true)) this.o.notice(`Cannot connect ${problem}`)
  }
}
