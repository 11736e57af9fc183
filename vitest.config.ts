import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(__dirname, 'electron/shared'), '@': resolve(__dirname, 'src') }
// the audit key of test runs stays out of the user's profile (backend/audit-key.ts)
const env = { DANGBAN_KEY_DIR: join(tmpdir(), 'dangban-test-keys') }

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // a password hash or sign-in is one scrypt derivation at N = 2^17 (accounts/passwords.ts): 0.3 s on an idle
        // machine, over 1.5 s on a loaded 2-core one, and a test that sets up accounts makes several
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, env },
      },
      {
        // the built main process and preload under a fake electron module (tests/desktop/harness.ts); needs `out/`
        resolve: { alias },
        test: { name: 'desktop', include: ['tests/desktop/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, env },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          env,
          // a whole clerk's journey (import, fix, re-import, undo) takes ~25 s alone and ~50 s on a loaded 2-core machine
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // one browser at a time: 2-core machines
          fileParallelism: false,
          // a background job (worker thread) may take seconds on a busy 2-core machine; poll for up to 15 s
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
})
