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
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', env },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          env,
          testTimeout: 60_000,
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
