import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@contract': resolve(import.meta.dirname, 'src-main/contract') } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Renderer component tests opt into happy-dom with a `// @vitest-environment happy-dom` line.
    testTimeout: 20000,
    hookTimeout: 30000,
    pool: 'forks',
  },
})
