/**
 * One valid and one invalid payload for every request in the contract, and a canned response
 * for each, so bridge tests cover every name (a new request fails to typecheck until added).
 */
import type { RequestName, RequestPayload, ResponseTypes } from '../../src-main/contract/contract'
import { emptySnapshot, sampleFlowRow, sampleSettings } from './sample-views'

export const requestNames = [
  'snapshot.get', 'flow.detail', 'device.rename', 'alert.acknowledge', 'alert.mute', 'alert.snooze',
  'alert.markAllRead', 'profile.save', 'profile.delete', 'profile.duplicate', 'profile.activate',
  'profile.import', 'profile.export', 'agents.connectAll', 'agents.disconnectAll', 'agent.reconnect',
  'settings.update', 'history.query', 'notifications.pause', 'view.visibility',
] as const satisfies readonly RequestName[]

const profile = { id: 'home', name: 'Home', agents: [{ label: 'Router', source: 'tcp://192.0.2.1:7150', enabled: true }] }

export const validRequests: { [N in RequestName]: RequestPayload<N> } = {
  'snapshot.get': {},
  'flow.detail': { key: 'agent-1/0123abcd' },
  'device.rename': { mac: '00:11:22:aa:bb:cc', alias: 'Kitchen <b>speaker</b>' },
  'alert.acknowledge': { ids: ['a1', 'a2'] },
  'alert.mute': { rule: { device: '00:11:22:aa:bb:cc', riskId: 7 } },
  'alert.snooze': { ids: ['a1'], until: 1_700_000_000_000 },
  'alert.markAllRead': {},
  'profile.save': { profile },
  'profile.delete': { id: 'home' },
  'profile.duplicate': { id: 'home' },
  'profile.activate': { id: 'home' },
  'profile.import': { json: JSON.stringify([profile]) },
  'profile.export': { id: 'home' },
  'agents.connectAll': {},
  'agents.disconnectAll': {},
  'agent.reconnect': { agentId: 'agent-1' },
  'settings.update': { settings: sampleSettings() },
  'history.query': { from: 0, to: 3_600_000, device: '00:11:22:aa:bb:cc' },
  'notifications.pause': { until: null },
  'view.visibility': { visible: false },
}

/** A bad payload per request and the field name its error message must mention. */
export const invalidRequests: { [N in RequestName]: { payload: unknown; field: string } } = {
  'snapshot.get': { payload: { since: 3 }, field: 'since' },
  'flow.detail': { payload: { key: 42 }, field: 'key' },
  'device.rename': { payload: { mac: 'zz:zz', alias: 'x' }, field: 'mac' },
  'alert.acknowledge': { payload: { ids: 'a1' }, field: 'ids' },
  'alert.mute': { payload: { rule: {} }, field: 'rule' },
  'alert.snooze': { payload: { ids: ['a1'], until: -5 }, field: 'until' },
  'alert.markAllRead': { payload: { all: true }, field: 'all' },
  'profile.save': { payload: { profile: { ...profile, agents: [{ label: 'x', source: 'http://x', enabled: true }] } }, field: 'profile.agents.0.source' },
  'profile.delete': { payload: {}, field: 'id' },
  'profile.duplicate': { payload: { id: null }, field: 'id' },
  'profile.activate': { payload: { id: 'x'.repeat(101) }, field: 'id' },
  'profile.import': { payload: { json: { profiles: [] } }, field: 'json' },
  'profile.export': { payload: { id: [] }, field: 'id' },
  'agents.connectAll': { payload: { now: 1 }, field: 'now' },
  'agents.disconnectAll': { payload: null, field: 'payload' },
  'agent.reconnect': { payload: { agent: 'agent-1' }, field: 'agentId' },
  'settings.update': { payload: { settings: { ...sampleSettings(), retentionDays: 0 } }, field: 'settings.retentionDays' },
  'history.query': { payload: { from: 'yesterday', to: 1 }, field: 'from' },
  'notifications.pause': { payload: { until: 1.5 }, field: 'until' },
  'view.visibility': { payload: { visible: 'yes' }, field: 'visible' },
}

export function cannedResponses(): ResponseTypes {
  return {
    'snapshot.get': emptySnapshot(0),
    'flow.detail': { row: sampleFlowRow('agent-1/0123abcd', 10), risks: [], metadata: { ssl: { client_sni: '<script>x</script>' } } },
    'device.rename': { ok: true },
    'alert.acknowledge': { changed: 2 },
    'alert.mute': { changed: 3 },
    'alert.snooze': { changed: 1 },
    'alert.markAllRead': { changed: 9 },
    'profile.save': profile,
    'profile.delete': { ok: true },
    'profile.duplicate': { ...profile, id: 'home-2', name: 'Home (copy)' },
    'profile.activate': { ok: true },
    'profile.import': [profile],
    'profile.export': { json: JSON.stringify(profile), fileName: 'home.json' },
    'agents.connectAll': { ok: true },
    'agents.disconnectAll': { ok: true },
    'agent.reconnect': { ok: true },
    'settings.update': sampleSettings(),
    'history.query': [{ t: 0, device: '00:11:22:aa:bb:cc', application: 'netify.dns', bytesSent: 10, bytesReceived: 20 }],
    'notifications.pause': { until: null },
    'view.visibility': { ok: true },
  }
}
