/**
 * Protocol and application names by id, per agent.
 *
 * Records normally carry `detected_*_name`; the 4.x `definitions` event fills in names for
 * records that carry only an id. Tables are per agent because two agent versions may number
 * things differently.
 */
import type { FlowMetadata } from '../records/agent-event'

export interface UsageGroup {
  /** The application id, or `-1 - protocolId` when the agent named no application. */
  id: number
  name: string
}

export class NameTables {
  private readonly protocols = new Map<string, Map<number, string>>()
  private readonly applications = new Map<string, Map<number, string>>()

  define(agentId: string, protocols: Array<{ id: number; tag: string }>, applications: Array<{ id: number; tag: string }>): void {
    const p = this.table(this.protocols, agentId)
    for (const d of protocols) p.set(d.id, d.tag)
    const a = this.table(this.applications, agentId)
    for (const d of applications) a.set(d.id, d.tag)
  }

  protocolName(agentId: string, id: number | undefined, given: string | undefined): string {
    if (given) return given
    if (id === undefined) return 'Unknown'
    return this.protocols.get(agentId)?.get(id) ?? `protocol ${id}`
  }

  applicationName(agentId: string, id: number | undefined, given: string | undefined): string {
    if (given) return given
    if (id === undefined) return 'Unknown'
    return this.applications.get(agentId)?.get(id) ?? `application ${id}`
  }

  /**
   * What a flow's bytes count towards on the Applications view. Most flows carry no application
   * (id 0, "Unknown"), only a protocol: those are grouped under the protocol's name, so the view
   * says "HTTP/S" or "BitTorrent" rather than one big "Unknown". Negative ids keep protocol groups
   * apart from application ids.
   */
  usageGroup(agentId: string, flow: FlowMetadata): UsageGroup {
    const appId = flow.detected_application
    if (appId !== undefined && appId !== 0) {
      return { id: appId, name: this.applicationName(agentId, appId, flow.detected_application_name) }
    }
    const protoId = flow.detected_protocol ?? 0
    return { id: -1 - protoId, name: this.protocolName(agentId, flow.detected_protocol, flow.detected_protocol_name) }
  }

  forget(agentId: string): void {
    this.protocols.delete(agentId)
    this.applications.delete(agentId)
  }

  private table(tables: Map<string, Map<number, string>>, agentId: string): Map<number, string> {
    let t = tables.get(agentId)
    if (!t) {
      t = new Map()
      tables.set(agentId, t)
    }
    return t
  }
}
