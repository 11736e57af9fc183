import { z } from 'zod'
import { method } from './define'

/**
 * The audit log's hash chain, walked entry by entry (backend/audit-chain.ts): tampering apart from forks (an
 * older version's own bug; every entry still as written) and from entries this PC cannot check.
 */
export interface AuditChainReport {
  count: number
  /** the first entry found edited, or whose predecessor was deleted; the walk stops there */
  tampered: { entryId: number; at: string; kind: 'edited' | 'missing' } | null
  /** intact entries that link to an earlier entry than the one before them */
  forks: { entryId: number; at: string; linksTo: number }[]
  /** entries signed with a key this PC does not have, or unsigned after signed ones */
  unverified: { count: number; firstId: number; firstAt: string } | null
  /** the newest entry (null when the log is empty or the walk stopped at tampering) */
  head: { id: number; hash: string; at: string } | null
  /** the first entry's hash: which database a chain belongs to (two databases never share it) */
  lineage: string | null
}

/** A code for one audit entry to write down or print, and compare later (校验码). */
export interface CheckCode {
  entryId: number
  at: string
  code: string
}

/** One comparison of the live audit log with a point it must still contain. */
export interface AnchorCheck {
  where: string
  ok: boolean | null
  message: string
  /** the backup compared with */
  file?: string
}

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
  /** what a clerk should know about the audit log that does not make the backup unusable (forks, entries not checkable here) */
  auditNote?: string | null
  /** the code of the backup's newest audit entry, to write on the USB drive's label or compare with a printed one */
  checkCode?: CheckCode | null
  /** which database the backup is of (the first audit entry's hash) */
  lineage?: string | null
}

export interface BackupInfo extends BackupFacts {
  file: string
  createdAt: string
  reason: string
  size: number
  sha256?: string
  /** the file's modification time when its manifest was written (a file replaced since is checked again) */
  fileTime?: number
  /** the manifest sealed with this PC's audit key: a manifest anyone else wrote is not believed, the file is checked */
  seal?: string
  /**
   * made by hand (立即备份, the CLI's backup): kept apart from the automatic rotation until deleted by hand, so the
   * restore point a clerk made before a risky import survives the week's start-up backups
   */
  manual?: boolean
}

/** A backup just made, and its copies in the extra backup folder (a USB drive may be missing: then `error`). */
export interface BackupMade extends BackupInfo {
  copies: { dir: string; file: string | null; error: string | null }[]
}

export interface VerifyResult {
  /** nothing wrong was found (forks alone are not wrong: see `auditChain.forks`) */
  ok: boolean
  /** what was found, in sentences, in the order the window and the CLI show them */
  lines: string[]
  integrity: string
  /** `ok`: no entry edited or deleted, none that cannot be checked here; `brokenAt`: the first such entry */
  auditChain: { ok: boolean; count: number; brokenAt?: number; forks: AuditChainReport['forks']; unverified: AuditChainReport['unverified'] }
  /** the code of the newest entry (or of the entry asked for), to write down and compare later */
  checkCode: CheckCode | null
  /**
   * The chain's head against what an edit of the data folder alone cannot change: this PC's anchor (kept with the
   * audit key), the newest backup in the second backup folder, and the newest in the data folder's own.
   * `ok` null: nothing to compare with (first check, USB drive not plugged in).
   */
  anchors: AnchorCheck[]
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
const verifyInput = z.object({ entryId: z.number().int().positive().nullable().default(null) }).strict()

export const backupContract = {
  // any signed-in person may make a backup into the usual folders; naming another folder is for administrators
  'backup.create': method<typeof createInput, BackupMade>(createInput, 'read', { writes: true }),
  /** removes a backup made by hand (automatic ones go by rotation), with its manifest; audited */
  'backup.delete': method<typeof fileInput, BackupInfo[]>(fileInput, 'admin', { transaction: false, writes: true }),
  'backup.list': method<typeof listInput, BackupInfo[]>(listInput, 'read'),
  /** a backup's manifest with its file checked again now */
  'backup.inspect': method<typeof fileInput, BackupInfo>(fileInput, 'admin'),
  'backup.testRestore': method<typeof fileInput, TestRestoreResult>(fileInput, 'admin', { transaction: false }),
  /** replaces the live database (closed and reopened around it); everyone signs in again afterwards */
  'backup.restore': method<typeof fileInput, RestoreResult>(fileInput, 'admin', { transaction: false, writes: true }),
  /** checks the live database; `entryId` asks for the 校验码 of that entry (to compare with one written down) */
  'backup.verify': method<typeof verifyInput, VerifyResult>(verifyInput, 'read'),
  /**
   * After an administrator has checked a database that verify says was swapped or cut short (e.g. an older copy
   * put back on purpose): records that in the audit log and makes the current state the new point to compare with.
   */
  'backup.acceptAudit': method<typeof emptyInput, { entryId: number | null }>(emptyInput, 'admin', { transaction: false, writes: true }),
  /**
   * Open to everyone: when the database could not be opened at start, the app shows what happened and the
   * backups that can bring it back; nothing else works until one is restored (there are no accounts to check).
   */
  'recovery.status': method<typeof emptyInput, RecoveryStatus>(emptyInput, 'public'),
  'recovery.restore': method<typeof fileInput, RestoreResult>(fileInput, 'public', { transaction: false, writes: true }),
}
