/**
 * The tray menu as data. Built from the parts of `TrayStatus` the menu shows, so the controller
 * can skip a rebuild when only the rates moved.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { TrayStatus } from '../core/app/app-core-types'
import { isPaused, localClock } from './notification-pause'

export type PauseChoice = 'hour' | 'tomorrow' | 'resume'

/** What the menu's items do; the controller maps them onto the core's request handlers. */
export interface TrayMenuActions {
  showWindow(): void
  activateProfile(id: string): void
  connectAll(): void
  disconnectAll(): void
  pause(choice: PauseChoice): void
  quit(): void
}

/** The inputs the menu depends on; equal keys mean an identical menu. */
export interface TrayMenuModel {
  profiles: Array<{ id: string; name: string }>
  activeProfileId?: string
  /** Present only while a pause is running. */
  pausedUntil?: number
  /** The pause end as local "HH:MM", for the label. */
  pausedUntilLabel?: string
}

export function trayMenuModel(status: TrayStatus, now: number, tzOffsetMinutes: number): TrayMenuModel {
  const paused = isPaused(status.notificationsPausedUntil, now) ? status.notificationsPausedUntil : undefined
  return {
    profiles: status.profiles.map((p) => ({ id: p.id, name: p.name })),
    activeProfileId: status.activeProfileId,
    pausedUntil: paused,
    pausedUntilLabel: paused === undefined ? undefined : localClock(paused, tzOffsetMinutes),
  }
}

export function trayMenuKey(model: TrayMenuModel): string {
  return JSON.stringify(model)
}

function profileItems(model: TrayMenuModel, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  if (model.profiles.length === 0) return [{ id: 'profiles-none', label: 'No profiles', enabled: false }]
  return model.profiles.map((p) => ({
    id: `profile:${p.id}`,
    // Profile names are user text: no accelerator parsing.
    label: p.name.replace(/&/g, '&&'),
    type: 'radio' as const,
    checked: p.id === model.activeProfileId,
    click: () => {
      if (p.id !== model.activeProfileId) actions.activateProfile(p.id)
    },
  }))
}

function pauseItems(model: TrayMenuModel, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const status: MenuItemConstructorOptions[] = model.pausedUntilLabel
    ? [{ id: 'paused-until', label: `Notifications paused until ${model.pausedUntilLabel}`, enabled: false }]
    : []
  return [
    ...status,
    { id: 'pause-hour', label: 'Pause notifications for 1 hour', click: () => actions.pause('hour') },
    { id: 'pause-tomorrow', label: 'Pause notifications until tomorrow 08:00', click: () => actions.pause('tomorrow') },
    { id: 'resume', label: 'Resume notifications', enabled: model.pausedUntil !== undefined, click: () => actions.pause('resume') },
  ]
}

export function buildTrayMenu(model: TrayMenuModel, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  return [
    { id: 'show', label: 'Show Netify Monitor', click: () => actions.showWindow() },
    { type: 'separator' },
    { id: 'profiles', label: 'Profile', submenu: profileItems(model, actions) },
    { id: 'connect-all', label: 'Connect all agents', click: () => actions.connectAll() },
    { id: 'disconnect-all', label: 'Disconnect all agents', click: () => actions.disconnectAll() },
    { type: 'separator' },
    ...pauseItems(model, actions),
    { type: 'separator' },
    { id: 'quit', label: 'Quit Netify Monitor', click: () => actions.quit() },
  ]
}
