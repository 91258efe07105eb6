/**
 * The sandboxed preload: exposes exactly one narrow object, `window.netify`, and nothing of
 * Electron itself. All logic lives in preload-api.ts (tested without Electron).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { API_GLOBAL_NAME, createPreloadApi } from './preload-api'

contextBridge.exposeInMainWorld(API_GLOBAL_NAME, createPreloadApi(ipcRenderer))
