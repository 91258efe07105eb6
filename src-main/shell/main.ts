/**
 * The Electron entry: one instance, one window, the tray, desktop notifications, and IPC to the
 * core. Everything it decides is decided in the electron-free modules next to it; this file
 * only connects Electron's objects to them.
 */
import { app, ipcMain, Menu, nativeImage, nativeTheme, Notification, session, Tray, type NativeImage } from 'electron'
import { join } from 'node:path'
import { createAppCore } from '../core/app/app-core'
import type { AppCore } from '../core/app/app-core-types'
import { defaultDataDir } from '../core/app/data-dir'
import { resourcesDir } from '../core/resources-path'
import { createQuitCoordinator, decideWindowClose, type CloseDecision } from './app-lifecycle'
import { hardenSession, hardenWebContents } from './electron-hardening'
import { registerIpcRoutes, createSenderCheck } from './ipc-routes'
import { MainWindowHost } from './main-window'
import { createAppUrlMatcher } from './navigation-policy'
import { createNotificationRouter } from './notification-router'
import { TrayController, type ShellClock, type ShellTimers } from './tray-controller'
import { builtPaths, chooseRendererEntry } from './window-options'
import { WindowLink } from './window-link'

const log = (message: string): void => console.error(`[netify-monitor] ${message}`)
const clock: ShellClock = { now: () => Date.now(), tzOffsetMinutes: (at) => -new Date(at).getTimezoneOffset() }
const timers: ShellTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }

const paths = builtPaths(__dirname)
const entry = chooseRendererEntry(process.env['ELECTRON_RENDERER_URL'], app.isPackaged, paths.rendererIndex)
const isAppUrl = createAppUrlMatcher(entry)

function startTray(core: AppCore, host: MainWindowHost, iconDir: string): TrayController | undefined {
  try {
    const tray = new TrayController({
      factories: {
        createTray: (image) => new Tray(image as NativeImage),
        imageFromPath: (path) => nativeImage.createFromPath(path),
        buildMenu: (template) => Menu.buildFromTemplate(template),
      },
      iconDir,
      platform: process.platform,
      darkMenuBar: () => nativeTheme.shouldUseDarkColors,
      clock,
      timers,
      handlers: core.handlers,
      showWindow: () => host.show(),
      quit: () => app.quit(),
      log,
    }, core.trayStatus())
    core.onTrayStatus((status) => tray.update(status))
    nativeTheme.on('updated', () => tray.themeChanged())
    return tray
  } catch (err) {
    log(`No tray on this desktop (${String(err)}); closing the window will quit`)
    return undefined
  }
}

interface WindowSide {
  host: MainWindowHost
  link: WindowLink
}

/** The window, its link to the core and the IPC routes that reach the core through it. */
function startWindow(core: AppCore, resources: string, closeDecision: (link: WindowLink) => CloseDecision): WindowSide {
  const link = new WindowLink({ core, send: (channel, payload) => host.send(channel, payload) })
  const host: MainWindowHost = new MainWindowHost({
    entry,
    preloadPath: paths.preloadPath,
    iconPath: join(resources, 'icon.png'),
    dark: () => nativeTheme.shouldUseDarkColors,
    link,
    onClose: () => closeDecision(link),
    log,
  })
  registerIpcRoutes({
    ipcMain,
    dispatch: (name, payload) => link.dispatch(name, payload),
    isTrustedSender: createSenderCheck(() => host.mainFrame(), isAppUrl),
    log,
  })
  return { host, link }
}

function startNotifications(core: AppCore, { host, link }: WindowSide, iconPath: string): void {
  let pausedUntil = core.trayStatus().notificationsPausedUntil
  core.onTrayStatus((status) => { pausedUntil = status.notificationsPausedUntil })
  core.onNotification(createNotificationRouter({
    createNotification: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    focusWindow: () => host.show(),
    navigate: (request) => link.navigate(request),
    pausedUntil: () => pausedUntil,
    now: clock.now,
    iconPath,
  }))
}

async function start(): Promise<void> {
  const resources = resourcesDir()
  const core = createAppCore({ dataDir: defaultDataDir(), resourcesDir: resources, log })
  const quit = createQuitCoordinator({ stop: () => core.stop(), quit: () => app.quit(), timers, log })
  app.on('before-quit', (event) => quit.onBeforeQuit(event))
  let tray: TrayController | undefined
  const side = startWindow(core, resources, (link) =>
    decideWindowClose({ quitting: quit.quitting(), closeToTray: link.closeToTray(), hasTray: tray !== undefined }))
  startNotifications(core, side, join(resources, 'icon.png'))
  tray = startTray(core, side.host, join(resources, 'icons'))
  app.on('second-instance', () => side.host.show())
  app.on('activate', () => side.host.show())
  // Reached only when the window really closed (not hidden to the tray).
  app.on('window-all-closed', () => app.quit())
  side.host.show()
  await core.start()
}

app.enableSandbox()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl, log))
  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, isAppUrl)
      return start()
    })
    .catch((err: unknown) => {
      log(`Start-up failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
      app.exit(1)
    })
}
