import Database from 'better-sqlite3'
import { migrate } from './migrate'

/**
 * Opens (creating if needed) and migrates the database.
 * WAL keeps readers fast while a write runs; synchronous=FULL makes each committed transaction durable
 * across power loss (intranet PCs get switched off at the wall); foreign keys are off by default in SQLite.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file)
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
