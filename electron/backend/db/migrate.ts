import type { Database } from 'better-sqlite3'
import { migrations, type Migration } from './migrations'

/** Schema version = SQLite's user_version; each migration runs in its own transaction with its version bump. */
export function migrate(db: Database, target: number = latestVersion(), list: readonly Migration[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > latestVersion(list)) {
    throw new Error(`数据库版本（${current}）比本程序（${latestVersion(list)}）新，请升级党办通后再打开`)
  }
  for (const m of list) {
    if (m.version <= current || m.version > target) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return db.pragma('user_version', { simple: true }) as number
}

export const latestVersion = (list: readonly Migration[] = migrations): number => list.at(-1)?.version ?? 0
