import { createHash } from 'node:crypto'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { auditKeyDir } from './audit-key'
import { privateDir, removeLeftovers, writePrivateFile } from './private-files'

/**
 * The audit log's anchor on this PC: the newest entry of each database — its number, time and hash —
 * kept in the key folder, outside the data folder, and moved forward after every action that writes. A hash
 * chain alone cannot show that its newest entries were cut off, or that the database file was swapped for an
 * older copy; the anchor can, and someone who can edit only the data folder cannot move it. (The backups in the
 * second backup folder and the printed 校验码 are the other anchors: backup/verify.ts.)
 */
export interface Anchor {
  database: string
  entryId: number
  hash: string
  at: string
  /** the first entry's hash: which database this is */
  lineage: string
  /** why it was set when it did not simply move forward (a restore, an administrator's acceptance) */
  reason?: string
}

/** One anchor file per database, named by where the database is (two databases in one folder, two anchors). */
function anchorFile(databasePath: string, dir: string): string {
  let where = databasePath
  try {
    where = realpathSync.native(databasePath)
  } catch {
    // not there (yet): its path as given
  }
  return join(dir, 'anchors', `${createHash('sha256').update(where).digest('hex').slice(0, 16)}.json`)
}

export function readAnchor(databasePath: string, dir: string = auditKeyDir()): Anchor | null {
  const file = anchorFile(databasePath, dir)
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Anchor
  } catch {
    return null
  }
}

/** The database's newest entry and its first (null when the log is empty). */
export function headOf(db: Database): Omit<Anchor, 'database'> | null {
  const head = db.prepare('SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; at: string; hash: string } | undefined
  if (!head) return null
  const lineage = db.prepare('SELECT hash FROM audit_log ORDER BY id LIMIT 1').pluck().get() as string
  return { entryId: head.id, hash: head.hash, at: head.at, lineage }
}

/**
 * Moves the anchor to the database's newest entry. It only moves forward, and only while the anchored entry is
 * still there as it was: entries cut off or a database swapped for an older copy or another database leave the
 * anchor where it was, for the next check to report. Two threads (the window and a background import) may each
 * anchor what they just wrote, in either order. `reason` sets it wherever the database now is (after a restore,
 * or when an administrator accepts the current state after checking it).
 */
export function anchorHead(db: Database, databasePath: string, reason?: string, dir: string = auditKeyDir()): Anchor | null {
  if (databasePath === ':memory:') return null
  const head = headOf(db)
  if (!head) return null
  const kept = readAnchor(databasePath, dir)
  if (!reason && kept) {
    const still = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(kept.entryId) as string | undefined
    if (still !== kept.hash || kept.entryId >= head.entryId) return kept
  }
  const anchor: Anchor = { database: databasePath, ...head, ...(reason ? { reason } : {}) }
  privateDir(join(dir, 'anchors'))
  removeLeftovers(join(dir, 'anchors'))
  writePrivateFile(anchorFile(databasePath, dir), JSON.stringify(anchor, null, 2))
  return anchor
}
