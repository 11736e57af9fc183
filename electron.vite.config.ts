import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

const shared = resolve(__dirname, 'electron/shared')

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is native: it stays a runtime dependency, never bundled
      rollupOptions: {
        // the worker entries sit next to the main bundle, where jobs/entry.ts looks for them
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'jobs-worker': resolve(__dirname, 'electron/backend/jobs/worker.ts'),
          'excel-worker': resolve(__dirname, 'electron/backend/excel/worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
    resolve: { alias: { '@shared': shared } },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'src'),
    base: './',
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/index.html') } },
      chunkSizeWarningLimit: 1500,
    },
    resolve: { alias: { '@': resolve(__dirname, 'src'), '@shared': shared } },
    plugins: [vue()],
  },
})
