import { defineStore } from 'pinia'
import type { DeviceView } from '@contract/views'
import { getBridge } from '../bridge'
import { createKeyedList } from './keyed-list'

/** Devices keyed by MAC, replaced once per batch. */
export const useDevicesStore = defineStore('devices', () => {
  const list = createKeyedList<DeviceView, string>((d) => d.mac)

  /** Asks the core to store an alias (empty clears it); the next delta carries the change. */
  async function rename(mac: string, alias: string): Promise<void> {
    await getBridge().request('device.rename', { mac, alias: alias.trim() })
  }

  return { devices: list.items, byMac: list.byKey, replaceAll: list.replaceAll, applyUpserts: list.applyUpserts, rename }
})
