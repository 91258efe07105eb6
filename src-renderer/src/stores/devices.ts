import { defineStore } from 'pinia'
import type { DeviceView } from '@contract/views'
import { getBridge } from '../bridge'
import { deviceName } from '../lib/devices'
import { createKeyedList } from './keyed-list'

/** Devices keyed by MAC, replaced once per batch. */
export const useDevicesStore = defineStore('devices', () => {
  const list = createKeyedList<DeviceView, string>((d) => d.mac)

  /** Asks the core to store an alias (empty clears it); the next delta carries the change. */
  async function rename(mac: string, alias: string): Promise<void> {
    await getBridge().request('device.rename', { mac, alias: alias.trim() })
  }

  /** The name to show for a MAC: the device's alias when it has one, else the MAC (also for devices no longer listed). */
  function nameOf(mac: string): string {
    const d = list.byKey.value.get(mac)
    return d ? deviceName(d) : mac
  }

  return { devices: list.items, byMac: list.byKey, replaceAll: list.replaceAll, applyUpserts: list.applyUpserts, rename, nameOf }
})
