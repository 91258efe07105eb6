/**
 * Connects the sync module to the Pinia stores: the one place that knows every domain store.
 */
import type { Pinia } from 'pinia'
import type { SyncTargets } from './sync'
import { useAgentsStore } from './agents'
import { useAlertsStore } from './alerts'
import { useApplicationsStore } from './applications'
import { useDevicesStore } from './devices'
import { useFlowsStore } from './flows'
import { useProfilesStore } from './profiles'
import { useSettingsStore } from './settings'
import { useTrafficStore } from './traffic'
import { useUiStore } from './ui'

export function storeSyncTargets(pinia?: Pinia): SyncTargets {
  return {
    agents: useAgentsStore(pinia),
    devices: useDevicesStore(pinia),
    flows: useFlowsStore(pinia),
    applications: useApplicationsStore(pinia),
    alerts: useAlertsStore(pinia),
    profiles: useProfilesStore(pinia),
    settings: useSettingsStore(pinia),
    traffic: useTrafficStore(pinia),
    ui: useUiStore(pinia),
  }
}
