import type { backupContract } from '../../shared/contract/backup'
import { recordAudit, verifyAuditChain } from '../audit'
import type { Handlers } from '../handler'
import { settingsOf } from '../memo'
import { createBackup, defaultBackupDir, listBackups, rotate } from './backup'

export const backupHandlers: Handlers<typeof backupContract> = {
  'backup.create': async ({ dir, reason }, ctx) => {
    const target = dir ?? defaultBackupDir(ctx.databasePath)
    const info = await createBackup(ctx.db, ctx.databasePath, target, reason, ctx.now())
    const s = settingsOf(ctx)
    rotate(target, { daily: s['backup.keepDaily'], weekly: s['backup.keepWeekly'], monthly: s['backup.keepMonthly'] }, ctx.now())
    recordAudit(ctx, { entity: 'backup', entityId: null, before: null, after: { file: info.file, reason } })
    return info
  },
  'backup.list': ({ dir }, ctx) => listBackups(dir ?? defaultBackupDir(ctx.databasePath)),
  'backup.verify': (_i, ctx) => {
    const integrity = ctx.db.pragma('integrity_check', { simple: true }) as string
    const chain = verifyAuditChain(ctx.db)
    return { integrity, auditChain: chain.ok ? { ok: true, count: chain.count } : { ok: false, count: chain.count, brokenAt: chain.brokenAt } }
  },
}
