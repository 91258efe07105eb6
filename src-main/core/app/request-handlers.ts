/**
 * The core's answer to every request in the contract. Payloads arrive validated (the bridges
 * dispatch through `createRequestDispatcher`); each handler is one call into the core.
 * `snapshot.get` and `view.visibility` concern the asking client and are bound per client by
 * `bindSessionHandlers`; the versions here only serve a caller with no session.
 */
import type { RequestHandlers } from '../../contract/contract'
import { queryHistory } from './history-query'
import type { NetifyCore } from './netify-core'

export function createRequestHandlers(core: NetifyCore): RequestHandlers {
  const ok = { ok: true } as const
  return {
    'snapshot.get': () => core.snapshot(),
    'flow.detail': ({ key }) => core.live.model.flowDetail(key),
    'device.rename': ({ mac, alias }) => {
      core.renameDevice(mac, alias)
      return ok
    },
    'alert.acknowledge': ({ ids }) => core.alertAction(() => core.live.book.acknowledge(ids)),
    'alert.mute': ({ rule }) => core.muteAlerts(rule),
    'alert.snooze': ({ ids, until }) => core.alertAction(() => core.live.book.snooze(ids, until)),
    'alert.markAllRead': () => core.alertAction(() => core.live.book.markAllRead()),
    'profile.save': ({ profile }) => core.profiles.save(profile),
    'profile.delete': async ({ id }) => {
      await core.profiles.delete(id)
      return ok
    },
    'profile.duplicate': ({ id }) => core.profiles.duplicate(id),
    'profile.activate': async ({ id }) => {
      await core.profiles.activate(id)
      return ok
    },
    'profile.import': ({ json }) => core.profiles.importJson(json),
    'profile.export': ({ id }) => core.profiles.exportJson(id),
    'agents.connectAll': () => {
      core.agents.connectAll()
      return ok
    },
    'agents.disconnectAll': () => {
      core.agents.disconnectAll()
      return ok
    },
    'agent.reconnect': ({ agentId }) => {
      if (!core.agents.reconnect(agentId)) throw new Error(`no agent ${agentId} in the active profile`)
      return ok
    },
    'settings.update': ({ settings }) => core.updateSettings(settings),
    'history.query': ({ from, to, device }) => queryHistory(core, { from, to, device }),
    'notifications.pause': ({ until }) => core.pauseNotifications(until),
    'view.visibility': () => ok,
  }
}
