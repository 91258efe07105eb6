import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

/**
 * The project keeps its sources in src-main/ and src-renderer/ rather than electron-vite's
 * default src/{main,preload,renderer}, so every entry is named here.
 * The main bundle has two entries: the Electron shell and the plain-Node CLI (which also serves
 * web mode); both share the core modules.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(__dirname, 'src-main/shell/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() node_modules: bundle everything it uses.
      externalizeDeps: false,
      lib: { entry: { index: resolve(__dirname, 'src-main/preload/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: {
      alias: { '@contract': resolve(__dirname, 'src-main/contract') },
    },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
    plugins: [vue()],
  },
})
