import type Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
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
   * quick_check on opening: a damaged file is reported, never worked on. A background job's own
   * connection skips it (false) — the app checked the file when it started, and on a large hospital's file the
   * check takes a second that every import preview, export and trend would otherwise wait for. Left out, it runs
   * when needsQuickCheck says so.
   */
  quickCheck?: boolean
}

/** Files up to this size are checked at every opening: about a second on a hospital's ten years. */
export const ALWAYS_CHECK_BYTES = 256 * 1024 ** 2

/**
 * Whether opening should run quick_check. Always for a file of a hospital's size; for a larger one (a city's
 * 2 GB file takes 17 s) only when the last session did not end cleanly: SQLite removes the -wal file
 * when the last connection closes normally, so a -wal left beside the file means a crash, a power cut or a
 * program still holding it. A clean large file is still checked in full by every backup (integrity_check of
 * the copy, at start when the newest backup is a day old and at every exit), so damage is found within a day.
 */
export function needsQuickCheck(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false
  return statSync(file).size <= ALWAYS_CHECK_BYTES || existsSync(`${file}-wal`)
}

export function openDatabase(file: string, { quickCheck = needsQuickCheck(file) }: OpenOptions = {}): Database.Database {
  let db: Database.Database
  // readable by its owner only, as are the -wal and -shm SQLite makes beside it
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
    // damage that quick_check missed (or that was not looked for: needsQuickCheck) can still surface while
    // migrating: the same guided restore applies
    const code = (error as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw new DatabaseCorruptError(file, code)
    throw error
  }
}

/** How many compiled statements a connection keeps: far more than the program's distinct queries (~300). */
export const STATEMENT_CACHE_SIZE = 1000
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** How many statements a connection has cached (for the test that it stays bounded). */
export const cachedStatements = (db: Database.Database): number => caches.get(db)?.size ?? 0

/**
 * Compiling a statement costs more than running it: repositories call db.prepare(sql) freely, so the
 * database keeps each compiled statement by its SQL and hands it back with its modes reset
 * (pluck/raw/expand are sticky on a statement). Measured: an import of 3,500 rows spent most of its time here.
 * The least recently used goes past STATEMENT_CACHE_SIZE: a query whose text carries values (a window left
 * open all day runs thousands of them) must not keep every compiled copy forever.
 */
function cacheStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db)
  const cache = new Map<string, Database.Statement>()
  caches.set(db, cache)
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql)
    if (!stmt) {
      stmt = compile(sql)
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
    } else {
      // most recently used last
      cache.delete(sql)
      if (stmt.reader) {
        stmt.pluck(false)
        stmt.raw(false)
        stmt.expand(false)
      }
    }
    cache.set(sql, stmt)
    return stmt
  }) as typeof db.prepare
}
