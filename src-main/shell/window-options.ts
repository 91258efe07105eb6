/**
 * The main window's construction options and content security policy. Pure data, so the
 * security settings are asserted in tests rather than trusted.
 */
import type { BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'
import type { RendererEntry } from './navigation-policy'

/**
 * The policy of src-renderer/index.html's meta tag, directive for directive (a test compares
 * them). Sent again as a response header, where a meta tag cannot reach, with the directives a
 * meta tag ignores.
 */
export const RENDERER_META_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:"

/**
 * The header form: the meta policy plus directives that only work in a header or only tighten it
 * (a test checks it starts with the meta policy). Plain string literals, so static reviewers can
 * parse it.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export interface WindowOptionsInput {
  preloadPath: string
  /** The window icon (Linux, Windows); macOS takes the app bundle's icon. */
  iconPath?: string
  /** Dark or light background shown before the renderer paints, to avoid a white flash. */
  dark: boolean
}

/** Every security switch spelled out, even where it is Electron's default, so a reviewer sees it. */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Netify Monitor',
    backgroundColor: input.dark ? '#15181d' : '#f6f7f9',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click must not open links in a new window (the open handler refuses them anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  }
}

/** Where the built bundles sit relative to out/main/index.js. */
export interface BuiltPaths {
  preloadPath: string
  rendererIndex: string
}

/** electron-vite's layout: out/main, out/preload, out/renderer side by side. */
export function builtPaths(mainDir: string): BuiltPaths {
  return {
    preloadPath: join(mainDir, '../preload/index.js'),
    rendererIndex: join(mainDir, '../renderer/index.html'),
  }
}

/** electron-vite sets ELECTRON_RENDERER_URL in `dev` only; a packaged app always loads its file. */
export function chooseRendererEntry(devUrl: string | undefined, isPackaged: boolean, rendererIndex: string): RendererEntry {
  if (!isPackaged && devUrl) return { kind: 'url', url: devUrl }
  return { kind: 'file', path: rendererIndex }
}

/** Adds the app's CSP to a response's headers, replacing any the server sent. */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value
  }
  out['Content-Security-Policy'] = [APP_CSP]
  return out
}
