import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The SQLite binding's binary, named explicitly instead of left to better-sqlite3's own search: one Node-API
 * file per platform (prebuilds/<platform>-<arch>.node) loads in Node, in Electron and in worker threads alike,
 * with no rebuild. In the installed app the JavaScript sits inside app.asar and the binary beside it in
 * app.asar.unpacked (the operating system can only load a real file).
 */
export function sqliteBindingPath(platform: string = process.platform, arch: string = process.arch): string {
  const packageDir = dirname(require.resolve('better-sqlite3/package.json'))
  return join(packageDir, 'prebuilds', `${platform}-${arch}.node`).replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked')
}

/** The binding could not be found or loaded: the start-up dialog says so in words, not a stack trace. */
export class SqliteBindingError extends Error {
  constructor(
    readonly binding: string,
    readonly detail: string,
  ) {
    super(`数据库组件无法加载（${detail}）`)
    this.name = 'SqliteBindingError'
  }
}

/** Every connection of the program is opened here, with the explicit binding. */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  const binding = sqliteBindingPath()
  if (!existsSync(binding)) throw new SqliteBindingError(binding, `没有适用于 ${process.platform}-${process.arch} 的文件 ${binding}`)
  try {
    // loaded here first so that a binary that will not load (wrong architecture, a system library too old) is told
    // apart from a problem with the database file; Node caches it, and better-sqlite3 requires the same path
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a native binary can only be loaded with require
    require(binding)
  } catch (error) {
    throw new SqliteBindingError(binding, error instanceof Error ? error.message.split('\n')[0]! : String(error))
  }
  return new Database(file, { ...options, nativeBinding: binding })
}
