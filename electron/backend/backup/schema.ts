import type Database from 'better-sqlite3'
import { migrate } from '../db/migrate'
import { migrations } from '../db/migrations'
import { openSqlite } from '../db/native'

/**
 * Whether a database holds exactly the tables, indexes, triggers and views our migrations create at its schema
 * version. A backup is a whole database: a trigger hidden in one runs inside the program after a
 * restore — deleting each new audit entry, making a 只读领导 an administrator at sign-in, copying new ID numbers
 * into a note any role can read. Nothing but our own schema may come back from a backup.
 */

/** The versions our migrations have produced: a user_version outside them was not written by 党办通. */
export const knownVersions = (): number[] => migrations.map((m) => m.version)

const KIND: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' }

/**
 * SQLite's statistics tables (ANALYZE, PRAGMA optimize) only guide the query planner; they may come and go
 * without the schema changing.
 */
const PLANNER_STATS = new Set(['sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4'])

/** Each schema object by kind and name, with its SQL as SQLite stores it (spacing evened out). */
function objectsOf(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema').all() as { type: string; name: string; tbl_name: string; sql: string | null }[]
  return new Map(rows.filter((r) => !PLANNER_STATS.has(r.name)).map((r) => [`${r.type}\u0000${r.name}`, `${r.tbl_name}\u0000${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`]))
}

const references = new Map<number, Map<string, string>>()

/** The schema a fresh database has after our migrations up to `version` (made once per version, in memory). */
function reference(version: number): Map<string, string> {
  let objects = references.get(version)
  if (!objects) {
    const db = openSqlite(':memory:')
    try {
      migrate(db, version)
      objects = objectsOf(db)
    } finally {
      db.close()
    }
    references.set(version, objects)
  }
  return objects
}

const named = (key: string): string => {
  const [type, name] = key.split('\u0000') as [string, string]
  return `${KIND[type] ?? type}“${name}”`
}

/** Why the database's schema is not ours (the first few differences, in words), or null when it is exactly ours. */
export function schemaProblem(db: Database.Database, version: number): string | null {
  if (!knownVersions().includes(version)) return `数据结构版本 ${version} 不是党办通的版本`
  const ours = reference(version)
  const theirs = objectsOf(db)
  const extra = [...theirs.keys()].filter((k) => !ours.has(k))
  const missing = [...ours.keys()].filter((k) => !theirs.has(k))
  const changed = [...ours.keys()].filter((k) => theirs.has(k) && theirs.get(k) !== ours.get(k))
  const parts: string[] = []
  if (extra.length) parts.push(`多出了党办通不会建立的${extra.slice(0, 3).map(named).join('、')}${extra.length > 3 ? ` 等 ${extra.length} 个对象` : ''}`)
  if (missing.length) parts.push(`缺少${missing.slice(0, 3).map(named).join('、')}${missing.length > 3 ? ` 等 ${missing.length} 个对象` : ''}`)
  if (changed.length) parts.push(`${changed.slice(0, 3).map(named).join('、')}的定义与党办通不同`)
  return parts.length ? `数据库结构不是党办通建立的：${parts.join('；')}` : null
}
