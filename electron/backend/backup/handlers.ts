import { rmSync } from 'node:fs'
import type { backupContract, RestoreResult } from '../../shared/contract/backup'
import { AppError } from '../../shared/result'
import { recordAudit } from '../audit'
import { anchorHead, readAnchor } from '../audit-anchor'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { runningJobs } from '../jobs/runner'
import { isManual, listBackups } from './backup'
import { restoreBackup, testRestore, type RestoreOutcome } from './restore'
import { backupDirs, backupNow, findBackup, markRestored } from './service'
import { verifyDatabase } from './verify'

const mayChooseFolder = (ctx: CallContext): boolean => ctx.transport === 'cli' || ctx.session.user?.role === 'admin'

export const backupHandlers: Handlers<typeof backupContract> = {
  'backup.create': ({ dir, reason }, ctx) => {
    if (dir && !mayChooseFolder(ctx)) throw new AppError('FORBIDDEN', '只有管理员可以把备份保存到其他文件夹')
    // made by hand, from the window or the command line: kept apart from the rotation (backup.ts isManual)
    return backupNow(ctx, dir, reason, true)
  },
  'backup.delete': ({ file }, ctx) => {
    const found = findBackup(ctx, file)
    if (!isManual(found)) throw new AppError('CONFLICT', '自动备份按“规则参数”中的保留份数自动轮换，不能手工删除；只能删除手动备份')
    for (const f of [found.file, `${found.file}.json`]) rmSync(f, { force: true })
    ctx.db.transaction(() => recordAudit(ctx, { entity: 'backup', entityId: null, before: { file: found.file, createdAt: found.createdAt, reason: found.reason }, after: { deleted: true } })).immediate()
    return backupDirs(ctx).flatMap((d) => listBackups(d, ctx.databasePath, { recheck: true })).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  },
  'backup.list': ({ dir }, ctx) => {
    if (dir && !mayChooseFolder(ctx)) throw new AppError('FORBIDDEN', '只有管理员可以查看其他文件夹中的备份')
    return (dir ? [dir] : backupDirs(ctx)).flatMap((d) => listBackups(d, ctx.databasePath, { recheck: true })).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  },
  'backup.inspect': ({ file }, ctx) => findBackup(ctx, file),
  'backup.testRestore': ({ file }, ctx) => {
    const found = findBackup(ctx, file)
    return testRestore(found.file, found.createdAt ? found : null)
  },
  'backup.restore': ({ file }, ctx) => restoreLive(ctx, findBackup(ctx, file).file, '管理员从备份恢复'),
  'backup.verify': ({ entryId }, ctx) => verifyDatabase(ctx, entryId),
  'backup.acceptAudit': async (_i, ctx) => {
    const before = readAnchor(ctx.databasePath)
    recordAudit(ctx, { entity: 'backup', entityId: null, before: { anchor: before && { entryId: before.entryId, at: before.at } }, after: { accepted: '当前审计日志' } })
    const entryId = anchorHead(ctx.db, ctx.databasePath, '管理员确认现状')?.entryId ?? null
    // the newest backups become this state too, in every backup folder (they are compared with next time)
    await backupNow(ctx, null, '确认审计对照点后自动备份')
    return { entryId }
  },
  // the database opened: nothing to recover (the start-up wrapper answers these while it is damaged)
  'recovery.status': () => ({ damaged: false }),
  'recovery.restore': () => {
    throw new AppError('CONFLICT', '数据库完好，不需要恢复。要回到某个备份，请由管理员在“系统设置 → 备份与恢复”中操作')
  },
}

/**
 * Replaces the open database with a backup: the connection is closed, the file swapped (the current one kept
 * aside), and the database opened again. Everybody signs in again: the accounts are now those of the backup.
 */
async function restoreLive(ctx: CallContext, file: string, why: string): Promise<RestoreResult> {
  if (ctx.databasePath === ':memory:') throw new AppError('CONFLICT', '内存数据库不能从备份恢复')
  if (runningJobs() > 0) throw new AppError('CONFLICT', '有导入或导出正在后台进行，请等它完成后再恢复')
  let outcome: RestoreOutcome | null = null
  const db = ctx.reopen(() => {
    outcome = restoreBackup(file, ctx.databasePath, ctx.now())
  })
  ctx.session.user = null
  return markRestored({ ...ctx, db }, file, outcome as unknown as RestoreOutcome, why)
}
