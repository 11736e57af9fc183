import type { Database } from 'better-sqlite3'

/** The full-text tables a database holds (the meeting search indexes), by the schema's own words. */
function fullTextTables(db: Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'").pluck().all() as string[]
}

/**
 * SQLite's `integrity_check` (or `quick_check`), made trustworthy on a connection that has been open a while.
 *
 * FTS5 keeps each full-text table's index structure cached per connection. A statement that opens a cursor on
 * the table first asks whether another connection has written since, and drops a stale cache; the integrity
 * check that `PRAGMA integrity_check` runs on FTS5 tables does not. So after a background import (a worker
 * thread with its own connection) added meetings, the main connection compared the new index against the
 * structure it remembered and reported "fts5: checksum mismatch" for a sound file — a false corruption report
 * that could send a clerk to restore a backup and lose the import. Opening a cursor on each full-text table in
 * the same read transaction, just before the check, makes the check read the file as it is now.
 */
export function integrityCheck(db: Database, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): string {
  const tables = fullTextTables(db)
  return db.transaction(() => {
    for (const name of tables) db.prepare(`SELECT rowid FROM "${name.replaceAll('"', '""')}" WHERE rowid = 0`).all()
    return db.pragma(pragma, { simple: true }) as string
  })()
}
