/**
 * The tray: icon for the state, tooltip with live totals, and the menu. Electron's `Tray`,
 * `Menu` and `nativeImage` come in as factories, so the policy (what to show, when to rebuild,
 * which core handler a click calls) is tested in plain Node.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { TrayStatus } from '../core/app/app-core-types'
import type { RequestHandlers } from '../contract/contract'
import { pauseForOneHour, pauseUntilTomorrow } from './notification-pause'
import { trayIconPath, type MenuBarShade, type TrayState } from './tray-icons'
import { buildTrayMenu, trayMenuKey, trayMenuModel, type PauseChoice, type TrayMenuActions } from './tray-menu'
import { trayTooltip } from './tray-tooltip'

/** Opaque to the controller: a native image or menu handle made by the factories. */
export type NativeHandle = unknown

export interface TrayLike {
  setImage(image: NativeHandle): void
  setToolTip(text: string): void
  setContextMenu(menu: NativeHandle): void
  on(event: 'click', listener: () => void): unknown
  destroy(): void
}

export interface TrayFactories {
  createTray(image: NativeHandle): TrayLike
  imageFromPath(path: string): NativeHandle
  buildMenu(template: MenuItemConstructorOptions[]): NativeHandle
}

export interface ShellClock {
  now(): number
  /** Minutes east of UTC at `at` (`-new Date(at).getTimezoneOffset()`). */
  tzOffsetMinutes(at: number): number
}

export interface ShellTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export type TrayHandlers = Pick<RequestHandlers, 'profile.activate' | 'agents.connectAll' | 'agents.disconnectAll' | 'notifications.pause'>

export interface TrayControllerOptions {
  factories: TrayFactories
  iconDir: string
  platform: NodeJS.Platform
  /** `nativeTheme.shouldUseDarkColors`: a dark bar needs the light-stroked icons. */
  darkMenuBar(): boolean
  clock: ShellClock
  timers: ShellTimers
  handlers: TrayHandlers
  showWindow(): void
  quit(): void
  log(message: string): void
}

/** Tooltips change with every rate tick; a second between updates is plenty to read them. */
export const TOOLTIP_INTERVAL_MS = 1000

export class TrayController {
  private readonly tray: TrayLike
  private iconPath = ''
  private menuKey = ''
  private tooltip = ''
  private tooltipAt = Number.NEGATIVE_INFINITY
  private pendingTooltip: string | undefined
  private tooltipTimer: unknown
  private status: TrayStatus

  constructor(private readonly options: TrayControllerOptions, initial: TrayStatus) {
    this.status = initial
    this.iconPath = this.pickIcon(initial.state)
    this.tray = options.factories.createTray(options.factories.imageFromPath(this.iconPath))
    this.tray.on('click', () => options.showWindow())
    this.update(initial)
  }

  /** Applies a new status: icon and menu only when they differ, tooltip at most once a second. */
  update(status: TrayStatus): void {
    this.status = status
    this.applyIcon()
    this.applyMenu()
    this.scheduleTooltip(trayTooltip(status))
  }

  /** The OS switched between light and dark: the icon set follows. */
  themeChanged(): void {
    this.applyIcon()
  }

  destroy(): void {
    if (this.tooltipTimer !== undefined) this.options.timers.clearTimeout(this.tooltipTimer)
    this.tooltipTimer = undefined
    this.tray.destroy()
  }

  private pickIcon(state: TrayState): string {
    const shade: MenuBarShade = this.options.darkMenuBar() ? 'dark' : 'light'
    return trayIconPath(this.options.iconDir, state, shade, this.options.platform)
  }

  private applyIcon(): void {
    const path = this.pickIcon(this.status.state)
    if (path === this.iconPath) return
    this.iconPath = path
    this.tray.setImage(this.options.factories.imageFromPath(path))
  }

  private applyMenu(): void {
    const now = this.options.clock.now()
    const model = trayMenuModel(this.status, now, this.options.clock.tzOffsetMinutes(now))
    const key = trayMenuKey(model)
    if (key === this.menuKey) return
    this.menuKey = key
    this.tray.setContextMenu(this.options.factories.buildMenu(buildTrayMenu(model, this.actions)))
  }

  private scheduleTooltip(text: string): void {
    if (text === this.tooltip) {
      this.pendingTooltip = undefined
      return
    }
    const wait = this.tooltipAt + TOOLTIP_INTERVAL_MS - this.options.clock.now()
    if (wait <= 0) {
      this.setTooltip(text)
      return
    }
    this.pendingTooltip = text
    if (this.tooltipTimer !== undefined) return
    this.tooltipTimer = this.options.timers.setTimeout(() => {
      this.tooltipTimer = undefined
      if (this.pendingTooltip !== undefined) this.setTooltip(this.pendingTooltip)
    }, wait)
  }

  private setTooltip(text: string): void {
    this.pendingTooltip = undefined
    this.tooltip = text
    this.tooltipAt = this.options.clock.now()
    this.tray.setToolTip(text)
  }

  private run(what: string, call: () => unknown): void {
    Promise.resolve()
      .then(call)
      .catch((err: unknown) => this.options.log(`Tray: ${what} failed: ${err instanceof Error ? err.message : String(err)}`))
  }

  private pauseUntil(choice: PauseChoice): number | null {
    if (choice === 'resume') return null
    const now = this.options.clock.now()
    return choice === 'hour' ? pauseForOneHour(now) : pauseUntilTomorrow(now, this.options.clock.tzOffsetMinutes(now))
  }

  private readonly actions: TrayMenuActions = {
    showWindow: () => this.options.showWindow(),
    activateProfile: (id) => this.run('switching profile', () => this.options.handlers['profile.activate']({ id })),
    connectAll: () => this.run('connect all', () => this.options.handlers['agents.connectAll']({})),
    disconnectAll: () => this.run('disconnect all', () => this.options.handlers['agents.disconnectAll']({})),
    pause: (choice) => this.run('pausing notifications', () => this.options.handlers['notifications.pause']({ until: this.pauseUntil(choice) })),
    quit: () => this.options.quit(),
  }
}
