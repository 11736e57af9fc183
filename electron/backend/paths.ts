import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = '党办通'
export const DATABASE_FILE = 'dangban.db'

/** The folder Electron's app.getPath('userData') returns for 党办通, computed the same way off Electron (CLI, bridge). */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME)
}

/** `--db PATH` wins, then DANGBAN_DB, then the user-data folder. */
export function resolveDatabasePath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
  if (i >= 0) {
    const arg = argv[i]!
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1]
    if (value) return value
  }
  if (env.DANGBAN_DB) return env.DANGBAN_DB
  return join(userDataDir, DATABASE_FILE)
}
