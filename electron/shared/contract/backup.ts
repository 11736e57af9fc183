import { z } from 'zod'
import { method } from './define'

/** What a database file holds and whether it can be used, read from the file itself. */
export interface BackupFacts {
  ok: boolean
  /** why it cannot be used, in words a clerk understands (null when ok) */
  problem: string | null
  integrity: string
  schemaVersion: number
  /** row counts of the main tables, so the clerk recognises what is inside */
  counts: Record<string, number>
  /** the last audit entry: a later check can tell whether entries that were in this backup went missing */
  auditHead: { id: number; hash: string } | null
  /** attachments the database refers to, and how many of them are not in the backup folder */
  attachments: { needed: number; missing: number }
}

export interface BackupInfo extends BackupFacts {
  file: string
  createdAt: string
  reason: string
  size: number
  sha256?: string
}

/** A backup just made, and its copies in the extra backup folder (a USB drive may be missing: then `error`). */
export interface BackupMade extends BackupInfo {
  copies: { dir: string; file: string | null; error: string | null }[]
}

export interface VerifyResult {
  integrity: string
  auditChain: { ok: boolean; count: number; brokenAt?: number }
  /**
   * A hash chain cannot show that its newest entries were cut off; the newest backup remembers its last entry,
   * so entries removed since that backup are found (null when there is no backup to compare with).
   */
  sinceBackup: { file: string; createdAt: string; ok: boolean; message: string } | null
}

export interface TestRestoreResult {
  ok: boolean
  steps: { label: string; ok: boolean; detail: string }[]
}

export interface RestoreResult {
  restoredFrom: string
  /** the database that was replaced, kept aside (never deleted) */
  savedAs: string | null
  counts: Record<string, number>
  /** a fresh backup of the restored state, so later checks compare against it */
  backupAfter: string | null
}

export type RecoveryStatus =
  | { damaged: false }
  | { damaged: true; message: string; /** SQLite's own words, for whoever repairs it */ detail: string; databasePath: string; backups: BackupInfo[] }

const dir = z.string().trim().min(1).max(500).nullable().default(null)
const createInput = z.object({ dir, reason: z.string().max(100).default('手动备份') }).strict()
const listInput = z.object({ dir }).strict()
const fileInput = z.object({ file: z.string({ error: '请选择备份' }).min(1, { message: '请选择备份' }).max(1000) }).strict()
const emptyInput = z.object({}).strict()

export const backupContract = {
  // any signed-in person may make a backup into the usual folders; naming another folder is for administrators
  'backup.create': method<typeof createInput, BackupMade>(createInput, 'read', { writes: true }),
  'backup.list': method<typeof listInput, BackupInfo[]>(listInput, 'read'),
  /** a backup's manifest with its file checked again now */
  'backup.inspect': method<typeof fileInput, BackupInfo>(fileInput, 'admin'),
  'backup.testRestore': method<typeof fileInput, TestRestoreResult>(fileInput, 'admin', { transaction: false }),
  /** replaces the live database (closed and reopened around it); everyone signs in again afterwards */
  'backup.restore': method<typeof fileInput, RestoreResult>(fileInput, 'admin', { transaction: false, writes: true }),
  'backup.verify': method<typeof emptyInput, VerifyResult>(emptyInput, 'read'),
  /**
   * Open to everyone: when the database could not be opened at start, the app shows what happened and the
   * backups that can bring it back; nothing else works until one is restored (there are no accounts to check).
   */
  'recovery.status': method<typeof emptyInput, RecoveryStatus>(emptyInput, 'public'),
  'recovery.restore': method<typeof fileInput, RestoreResult>(fileInput, 'public', { transaction: false, writes: true }),
}
