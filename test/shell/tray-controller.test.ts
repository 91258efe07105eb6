import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { TrayStatus } from '../../src-main/core/app/app-core-types'
import { TrayController, type TrayLike } from '../../src-main/shell/tray-controller'
import { createFakeCore } from '../contract/fake-core'

interface FakeTray extends TrayLike {
  images: string[]
  tooltips: string[]
  menus: MenuItemConstructorOptions[][]
  clickListeners: Array<() => void>
}

function status(over: Partial<TrayStatus>): TrayStatus {
  return {
    state: 'quiet', unread: 0, agentsUp: 2, agentsTotal: 2, rateIn: 1000, rateOut: 500,
    activeProfileId: 'home', profiles: [{ id: 'home', name: 'Home' }, { id: 'office', name: 'R&D office' }],
    ...over,
  }
}

function setup(options: { dark?: boolean; platform?: NodeJS.Platform; initial?: TrayStatus } = {}) {
  const core = createFakeCore()
  let now = Date.parse('2025-03-10T22:30:00Z')
  let dark = options.dark ?? true
  const timers: Array<{ fn: () => void; at: number }> = []
  const trays: FakeTray[] = []
  const shown: string[] = []
  const logs: string[] = []
  const controller = new TrayController({
    factories: {
      createTray(image) {
        const tray: FakeTray = {
          images: [(image as { path: string }).path], tooltips: [], menus: [], clickListeners: [],
          setImage(i) { tray.images.push((i as { path: string }).path) },
          setToolTip(t) { tray.tooltips.push(t) },
          setContextMenu(m) { tray.menus.push((m as { template: MenuItemConstructorOptions[] }).template) },
          on(_event, listener) { tray.clickListeners.push(listener) },
          destroy() {},
        }
        trays.push(tray)
        return tray
      },
      imageFromPath: (path) => ({ path }),
      buildMenu: (template) => ({ template }),
    },
    iconDir: '/res/icons',
    platform: options.platform ?? 'linux',
    darkMenuBar: () => dark,
    clock: { now: () => now, tzOffsetMinutes: () => 60 },
    timers: {
      setTimeout: (fn, ms) => { const t = { fn, at: now + ms }; timers.push(t); return t },
      clearTimeout: (h) => { timers.splice(timers.indexOf(h as never), 1) },
    },
    handlers: core.handlers,
    showWindow: () => shown.push('show'),
    quit: () => shown.push('quit'),
    log: (m) => logs.push(m),
  }, options.initial ?? status({}))
  const tray = trays[0]
  return {
    core, controller, tray, shown, logs,
    advance(ms: number) {
      now += ms
      for (const t of [...timers]) if (t.at <= now) { timers.splice(timers.indexOf(t), 1); t.fn() }
    },
    setDark(v: boolean) { dark = v },
    menu: () => tray.menus[tray.menus.length - 1],
    now: () => now,
  }
}

function item(menu: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const flat = menu.flatMap((m) => [m, ...((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])])
  const found = flat.find((m) => m.id === id)
  if (!found) throw new Error(`no menu item ${id}`)
  return found
}

function click(menu: MenuItemConstructorOptions[], id: string): void {
  ;(item(menu, id).click as () => void)()
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('tray icon', () => {
  it('follows quiet -> unread -> down -> quiet with the icons for a dark bar', () => {
    const t = setup({ dark: true })
    t.advance(2000)
    t.controller.update(status({ state: 'unread', unread: 3 }))
    t.advance(2000)
    t.controller.update(status({ state: 'down', unread: 3, agentsUp: 1 }))
    t.advance(2000)
    t.controller.update(status({ state: 'quiet' }))
    expect(t.tray.images).toEqual([
      '/res/icons/tray-quiet-dark.png', '/res/icons/tray-unread-dark.png', '/res/icons/tray-down-dark.png', '/res/icons/tray-quiet-dark.png',
    ])
  })

  it('does not touch the icon while the state stays the same', () => {
    const t = setup()
    t.controller.update(status({ rateIn: 5 }))
    t.controller.update(status({ rateIn: 9 }))
    expect(t.tray.images).toHaveLength(1)
  })

  it('switches to the light-bar set when the theme changes', () => {
    const t = setup({ dark: false })
    expect(t.tray.images).toEqual(['/res/icons/tray-quiet-light.png'])
    t.setDark(true)
    t.controller.themeChanged()
    expect(t.tray.images[1]).toBe('/res/icons/tray-quiet-dark.png')
  })

  it('uses template images on macOS for the quiet and idle states only', () => {
    const t = setup({ platform: 'darwin', initial: status({ state: 'idle', agentsTotal: 0, agentsUp: 0 }) })
    t.controller.update(status({ state: 'down' }))
    t.controller.update(status({ state: 'quiet' }))
    expect(t.tray.images).toEqual(['/res/icons/tray-idleTemplate.png', '/res/icons/tray-down-dark.png', '/res/icons/tray-quietTemplate.png'])
  })

  it('opens the window on a tray click', () => {
    const t = setup()
    t.tray.clickListeners.forEach((l) => l())
    expect(t.shown).toEqual(['show'])
  })
})

describe('tray tooltip', () => {
  it('shows live totals, at most once a second, ending on the latest', () => {
    const t = setup()
    expect(t.tray.tooltips).toEqual(['Netify Monitor\nAgents up: 2/2\nNo unread alerts\nIn 1.00 kB/s, out 500 B/s'])
    t.controller.update(status({ rateIn: 2000 }))
    t.controller.update(status({ rateIn: 3000, unread: 4, state: 'unread' }))
    t.advance(400)
    expect(t.tray.tooltips).toHaveLength(1)
    t.advance(600)
    expect(t.tray.tooltips).toHaveLength(2)
    expect(t.tray.tooltips[1]).toBe('Netify Monitor\nAgents up: 2/2\n4 unread alerts\nIn 3.00 kB/s, out 500 B/s')
    t.advance(5000)
    expect(t.tray.tooltips).toHaveLength(2)
  })

  it('updates at once when the last change is more than a second old', () => {
    const t = setup()
    t.advance(1500)
    t.controller.update(status({ agentsUp: 1, state: 'down' }))
    expect(t.tray.tooltips[1]).toContain('Agents up: 1/2')
  })
})

describe('tray menu', () => {
  it('lists the profiles as radio items with the active one checked', () => {
    const t = setup()
    const profiles = item(t.menu(), 'profiles').submenu as MenuItemConstructorOptions[]
    expect(profiles.map((p) => [p.label, p.type, p.checked])).toEqual([['Home', 'radio', true], ['R&&D office', 'radio', false]])
  })

  it('is rebuilt when profiles or the pause change, not when rates move', () => {
    const t = setup()
    for (let i = 0; i < 5; i++) t.controller.update(status({ rateIn: i * 1000, unread: i, state: 'unread' }))
    expect(t.tray.menus).toHaveLength(1)
    t.controller.update(status({ activeProfileId: 'office' }))
    expect(t.tray.menus).toHaveLength(2)
    t.controller.update(status({ activeProfileId: 'office', notificationsPausedUntil: t.now() + 3_600_000 }))
    expect(t.tray.menus).toHaveLength(3)
    expect(item(t.menu(), 'paused-until').label).toBe('Notifications paused until 00:30')
    expect(item(t.menu(), 'resume').enabled).toBe(true)
  })

  it('switches profile, connects and disconnects through the core handlers', async () => {
    const t = setup()
    click(t.menu(), 'profile:office')
    click(t.menu(), 'profile:home')
    click(t.menu(), 'connect-all')
    click(t.menu(), 'disconnect-all')
    await settle()
    expect(t.core.calls).toEqual([
      { name: 'profile.activate', payload: { id: 'office' } },
      { name: 'agents.connectAll', payload: {} },
      { name: 'agents.disconnectAll', payload: {} },
    ])
  })

  it('pauses for an hour, until 08:00 tomorrow, and resumes, from the clock at click time', async () => {
    const t = setup()
    t.advance(10 * 60_000)
    click(t.menu(), 'pause-hour')
    click(t.menu(), 'pause-tomorrow')
    click(t.menu(), 'resume')
    await settle()
    // The clock reads 22:40 UTC = 23:40 at UTC+1; tomorrow 08:00 local is 07:00 UTC.
    expect(t.core.calls).toEqual([
      { name: 'notifications.pause', payload: { until: Date.parse('2025-03-10T23:40:00Z') } },
      { name: 'notifications.pause', payload: { until: Date.parse('2025-03-11T07:00:00Z') } },
      { name: 'notifications.pause', payload: { until: null } },
    ])
  })

  it('offers resume only while paused, and shows and quits', () => {
    const t = setup()
    expect(item(t.menu(), 'resume').enabled).toBe(false)
    expect(() => item(t.menu(), 'paused-until')).toThrow()
    click(t.menu(), 'show')
    click(t.menu(), 'quit')
    expect(t.shown).toEqual(['show', 'quit'])
  })

  it('logs a failing handler instead of throwing from the menu', async () => {
    const t = setup()
    t.core.failWith('agents.connectAll', new Error('no agents'))
    click(t.menu(), 'connect-all')
    await settle()
    expect(t.logs).toEqual(['Tray: connect all failed: no agents'])
  })
})
