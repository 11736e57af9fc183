import type Database from 'better-sqlite3'
import { privateDatabase } from '../private-files'
import { migrate } from './migrate'
import { openSqlite } from './native'

/**
 * Opens (creating if needed) and migrates the database.
 * WAL keeps readers fast while a write runs; synchronous=FULL makes each committed transaction durable
 * across power loss (intranet PCs get switched off at the wall); foreign keys are off by default in SQLite.
 */
/** The database file is damaged: the start-up screen offers a guided restore from the newest good backup. */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    // the clerk reads the sentence; SQLite's own report stays available as `detail` for whoever repairs it
    super('数据库文件已损坏，无法安全打开。请从最近一次完好的备份恢复')
    this.name = 'DatabaseCorruptError'
  }
}

export interface OpenOptions {
  /**
   * quick_check at every start (issue 8): a damaged file is reported, never worked on. A background job's own
   * connection skips it — the app checked the file when it started, and on a large hospital's file the check
   * takes a second that every import preview, export and trend would otherwise wait for.
   */
  quickCheck?: boolean
}

export function openDatabase(file: string, { quickCheck = true }: OpenOptions = {}): Database.Database {
  let db: Database.Database
  // readable by its owner only, as are the -wal and -shm SQLite makes beside it (issue 17)
  privateDatabase(file)
  try {
    db = openSqlite(file)
    const check = quickCheck ? (db.pragma('quick_check', { simple: true }) as string) : 'ok'
    if (check !== 'ok') {
      db.close()
      throw new DatabaseCorruptError(file, check)
    }
  } catch (error) {
    if (error instanceof DatabaseCorruptError) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw new DatabaseCorruptError(file, code)
    throw error
  }
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    cacheStatements(db)
    migrate(db)
    return db
  } catch (error) {
    db.close()
    // damage that quick_check missed can still surface while migrating: the same guided restore applies
    const code = (error as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT')) throw new DatabaseCorruptError(file, code)
    throw error
  }
}

/**
 * Compiling a statement costs more than running it: repositories call db.prepare(sql) freely, so the
 * database keeps each compiled statement by its SQL and hands it back with its modes reset
 * (pluck/raw/expand are sticky on a statement). Measured: an import of 3,500 rows spent most of its time here.
 */
function cacheStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db)
  const cache = new Map<string, Database.Statement>()
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql)
    if (!stmt) {
      stmt = compile(sql)
      cache.set(sql, stmt)
    } else if (stmt.reader) {
      stmt.pluck(false)
      stmt.raw(false)
      stmt.expand(false)
    }
    return stmt
  }) as typeof db.prepare
}
