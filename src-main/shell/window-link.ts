/**
 * The link between one window's page and the core: one client session per loaded page (its
 * own cadence, sequence and `snapshot.get`/`view.visibility` binding), visibility from window
 * events, pushes on the fixed channels, and a `navigate` held until the page can receive it.
 * Electron-free: the wiring passes `webContents.send` and forwards the window's events.
 */
import type { AppCore, ClientSession, PushSender } from '../core/app/app-core-types'
import { bindSessionHandlers, createRequestDispatcher, type DispatchResult, type RequestDispatcher } from '../core/bridge'
import type { PushName, PushTypes, RequestName } from '../contract/contract'
import type { NavigateRequest, SettingsView, Snapshot } from '../contract/views'
import { pushChannel } from '../preload/channels'

export interface WindowLinkOptions {
  core: Pick<AppCore, 'attachClient' | 'handlers'>
  /** `webContents.send`; the link calls it only while a page is there to receive. */
  send(channel: string, payload: unknown): void
}

interface PageSession {
  session: ClientSession
  dispatcher: RequestDispatcher
}

export class WindowLink {
  private page: PageSession | undefined
  /** Unknown until the window reports; a session then keeps the core's default. */
  private visible: boolean | undefined
  private pendingNavigate: NavigateRequest | undefined
  private closeToTraySetting = false

  constructor(private readonly options: WindowLinkOptions) {}

  /**
   * A request from the page (already checked to come from the app's frame). The first request
   * or the end of loading, whichever comes first, opens the page's session.
   */
  async dispatch(name: RequestName, payload: unknown): Promise<DispatchResult> {
    const response = await this.ensurePage().dispatcher.dispatch(name, payload)
    if (response.ok && name === 'snapshot.get') this.noteSettings((response.result as Snapshot).settings)
    if (response.ok && name === 'settings.update') this.noteSettings(response.result as SettingsView)
    return response
  }

  /** The page finished loading: make sure it has a session, and deliver a waiting `navigate`. */
  pageLoaded(): void {
    this.ensurePage()
    if (this.pendingNavigate) {
      const request = this.pendingNavigate
      this.pendingNavigate = undefined
      this.push('navigate', request)
    }
  }

  /** The page went away (reload, crash, window destroyed): close its session, stop sending. */
  pageGone(): void {
    this.page?.session.close()
    this.page = undefined
  }

  /** From the window's show/hide/minimize/restore events: hidden windows get slower updates. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return
    this.visible = visible
    this.page?.session.setVisible(visible)
  }

  /** Asks the UI to show something; kept until the page is there if it is not yet. */
  navigate(request: NavigateRequest): void {
    if (this.page) this.push('navigate', request)
    else this.pendingNavigate = request
  }

  /** The user's "close to tray" setting, as last seen in a snapshot or delta sent to this window. */
  closeToTray(): boolean {
    return this.closeToTraySetting
  }

  private ensurePage(): PageSession {
    if (this.page) return this.page
    const session = this.options.core.attachClient(this.push)
    const dispatcher = createRequestDispatcher(bindSessionHandlers(this.options.core.handlers, session))
    this.page = { session, dispatcher }
    if (this.visible !== undefined) session.setVisible(this.visible)
    return this.page
  }

  private readonly push: PushSender = <P extends PushName>(name: P, payload: PushTypes[P]): void => {
    if (name === 'snapshot') this.noteSettings((payload as PushTypes['snapshot']).settings)
    if (name === 'delta') this.noteSettings((payload as PushTypes['delta']).settings)
    this.options.send(pushChannel(name), payload)
  }

  /** Settings reach this window in snapshots, deltas and `settings.update` answers. */
  private noteSettings(settings: SettingsView | undefined): void {
    if (settings && typeof settings.closeToTray === 'boolean') this.closeToTraySetting = settings.closeToTray
  }
}

/** The window is visible to the user only when shown and not minimised. */
export function windowVisible(win: { isVisible(): boolean; isMinimized(): boolean }): boolean {
  return win.isVisible() && !win.isMinimized()
}
