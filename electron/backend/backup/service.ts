import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BackupInfo, BackupMade, RestoreResult } from '../../shared/contract/backup'
import { AppError } from '../../shared/result'
import { recordAudit, type AuditActor } from '../audit'
import { anchorHead } from '../audit-anchor'
import type { BackendContext } from '../context'
import { readSettings } from '../settings'
import { createBackup, defaultBackupDir, inspectBackup, listBackups, rotate } from './backup'
import type { RestoreOutcome } from './restore'

export type Actor = AuditActor & Pick<BackendContext, 'databasePath'>

/** The folders backups go to: the data folder's `backups`, and the administrator's extra folder when set. */
export function backupDirs(ctx: Actor): string[] {
  const extra = readSettings(ctx.db)['backup.extraDir'].trim()
  const dirs = [defaultBackupDir(ctx.databasePath)]
  if (extra && resolve(extra) !== resolve(dirs[0]!)) dirs.push(resolve(extra))
  return dirs
}

/**
 * Makes a backup into `dir`, or into every backup folder (the extra folder — often a USB drive that is not
 * always plugged in — may fail without failing the backup), rotates each folder and records it in the audit.
 */
export async function backupNow(ctx: Actor, dir: string | null, reason: string, manual = false): Promise<BackupMade> {
  const settings = readSettings(ctx.db)
  const keep = { daily: settings['backup.keepDaily'], weekly: settings['backup.keepWeekly'], monthly: settings['backup.keepMonthly'] }
  const [first, ...others] = dir ? [resolve(dir)] : backupDirs(ctx)
  const info = await createBackup(ctx.db, ctx.databasePath, first!, reason, ctx.now(), manual)
  rotate(first!, ctx.databasePath, keep, ctx.now())
  const copies: BackupMade['copies'] = []
  for (const other of others) {
    try {
      copies.push({ dir: other, file: (await createBackup(ctx.db, ctx.databasePath, other, reason, ctx.now(), manual)).file, error: null })
      rotate(other, ctx.databasePath, keep, ctx.now())
    } catch (error) {
      copies.push({ dir: other, file: null, error: `未能备份到 ${other}：${error instanceof Error ? error.message : String(error)}` })
    }
  }
  recordAudit(ctx, { entity: 'backup', entityId: null, before: null, after: { file: info.file, reason, manual, copies: copies.map((c) => c.file ?? c.error) } })
  // automatic backups do not pass through the dispatcher, which anchors after every write
  anchorHead(ctx.db, ctx.databasePath)
  return { ...info, copies }
}

/**
 * A backup the renderer names must be one of ours (in a backup folder): the window never gets to open or
 * restore an arbitrary file. The CLI, run by the machine's administrator, may name any file.
 */
export function findBackup(ctx: Actor & Pick<BackendContext, 'transport'>, file: string): BackupInfo {
  const wanted = resolve(file)
  for (const dir of backupDirs(ctx)) {
    const found = listBackups(dir, ctx.databasePath).find((b) => resolve(b.file) === wanted)
    if (found) return { ...found, ...inspectBackup(found.file) }
  }
  if (ctx.transport === 'cli' && existsSync(wanted)) return { file: wanted, createdAt: '', reason: '', size: 0, ...inspectBackup(wanted) }
  throw new AppError('NOT_FOUND', '找不到该备份：只能从备份文件夹中的备份恢复，请刷新列表后重试')
}

/**
 * After a restore (from the window, at a damaged start, or from the CLI): the restore goes into the restored
 * database's own audit trail, and a fresh backup marks the new state, so the next verify compares against it.
 */
export async function markRestored(ctx: Actor, file: string, outcome: RestoreOutcome, why: string): Promise<RestoreResult> {
  recordAudit(ctx, { entity: 'backup', entityId: null, before: { database: outcome.savedAs }, after: { restoredFrom: file, why, counts: outcome.info.counts } })
  // the restored log is shorter than the one anchored: from now on it is compared with where it stands now
  anchorHead(ctx.db, ctx.databasePath, `从备份恢复：${file}`)
  const after = await backupNow(ctx, null, '恢复后自动备份').catch(() => null)
  return { restoredFrom: file, savedAs: outcome.savedAs, counts: outcome.info.counts, backupAfter: after?.file ?? null }
}
