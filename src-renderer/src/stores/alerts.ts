import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { AlertView, Severity } from '@contract/views'
import type { RequestPayload } from '@contract/contract'
import { getBridge } from '../bridge'
import { createKeyedList } from './keyed-list'

export type MuteRule = RequestPayload<'alert.mute'>['rule']

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info']

/**
 * Alerts keyed by id, as the core's alert book holds them. State changes (acknowledge, mute,
 * snooze, read) are requests to the core, which owns the book and also drives the tray badge; the
 * resulting delta updates this store, so the nav badge and the tray never disagree.
 */
export const useAlertsStore = defineStore('alerts', () => {
  const list = createKeyedList<AlertView, string>((a) => a.id)

  /** Alerts nobody has looked at yet: the number on the nav badge and the tray. */
  const unreadCount = computed(() => list.items.value.reduce((n, a) => (a.state === 'new' ? n + 1 : n), 0))

  const severityCounts = computed(() => {
    const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 }
    for (const a of list.items.value) counts[a.severity]++
    return counts
  })

  function acknowledge(ids: readonly string[]): Promise<{ changed: number }> {
    return getBridge().request('alert.acknowledge', { ids: [...ids] })
  }
  function mute(rule: MuteRule): Promise<{ changed: number }> {
    return getBridge().request('alert.mute', { rule })
  }
  /** `until` is epoch ms, computed by the caller from its clock. */
  function snooze(ids: readonly string[], until: number): Promise<{ changed: number }> {
    return getBridge().request('alert.snooze', { ids: [...ids], until })
  }
  function markAllRead(): Promise<{ changed: number }> {
    return getBridge().request('alert.markAllRead', {})
  }

  return {
    alerts: list.items,
    byId: list.byKey,
    unreadCount,
    severityCounts,
    replaceAll: list.replaceAll,
    applyUpserts: list.applyUpserts,
    acknowledge,
    mute,
    snooze,
    markAllRead,
  }
})
