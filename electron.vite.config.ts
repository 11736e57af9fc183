import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

const shared = resolve(__dirname, 'electron/shared')

export default defineConfig({
  main: {
    build: {
      // Everything is bundled except the runtime dependencies (package.json "dependencies": only better-sqlite3,
      // whose native binary must stay a real file), so app.asar carries no node_modules beyond it.
      // index: the main process (window, IPC); backend-host: the whole backend in a worker thread;
      // jobs-worker: one background job (an import, an export) in a worker of its own; excel-worker: the sandbox
      // in which every file from outside is parsed (limits on memory and time).
      rollupOptions: {
        // the worker entries sit next to the main bundle, where jobs/entry.ts looks for them
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'backend-host': resolve(__dirname, 'electron/backend/boot/desktop-host.ts'),
          'jobs-worker': resolve(__dirname, 'electron/backend/boot/jobs-worker.ts'),
          'excel-worker': resolve(__dirname, 'electron/backend/excel/worker.ts'),
        },
        // each module runs at its own import, in source order: without it the bundler made the window's entry load
        // the backend's shared chunk (3.6 MB, better-sqlite3 included) only to keep execution order
        output: { strictExecutionOrder: true },
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
