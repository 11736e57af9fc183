import type { CheckCode, VerifyResult } from '../../shared/contract/backup'
import { chainSentences, checkAuditChain, checkCode } from '../audit-chain'
import { defaultBackupDir, listBackups } from './backup'
import { integrityCheck } from './integrity'
import type { Actor } from './service'

/** The code of one entry of the live log (the newest when none is named), or null when there is no such entry. */
function codeOf(ctx: Actor, entryId: number | null): CheckCode | null {
  const row = (entryId === null ? ctx.db.prepare('SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() : ctx.db.prepare('SELECT id, at, hash FROM audit_log WHERE id = ?').get(entryId)) as
    | { id: number; at: string; hash: string }
    | undefined
  return row ? { entryId: row.id, at: row.at, code: checkCode(row.hash) } : null
}

/** integrity_check, the audit chain, and whether entries that were in the newest backup are still there. */
export function verifyDatabase(ctx: Actor, entryId: number | null = null): VerifyResult {
  const integrity = integrityCheck(ctx.db)
  const chain = checkAuditChain(ctx.db)
  const newest = listBackups(defaultBackupDir(ctx.databasePath), ctx.databasePath).find((b) => b.auditHead)
  let sinceBackup: VerifyResult['sinceBackup'] = null
  if (newest?.auditHead) {
    const hash = ctx.db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(newest.auditHead.id) as string | undefined
    const ok = hash === newest.auditHead.hash
    const when = new Date(newest.createdAt).toLocaleString('zh-CN')
    sinceBackup = {
      file: newest.file,
      createdAt: newest.createdAt,
      ok,
      message: ok
        ? `与最近一次备份（${when}）相比，审计记录没有缺失`
        : `最近一次备份（${when}）中的第 ${newest.auditHead.id} 条审计记录在当前数据库中${hash ? '内容不同' : '不存在'}：审计日志可能被删改，或数据库被换成了更早的副本`,
    }
  }
  const chainOk = !chain.tampered && !chain.unverified
  const lines = [
    integrity === 'ok' ? '数据库完整性：正常' : `数据库完整性检查未通过（${integrity.slice(0, 200)}）：请在下方的备份列表中检测恢复最近的完好备份`,
    ...chainSentences(chain),
    ...(sinceBackup ? [sinceBackup.message] : []),
  ]
  return {
    ok: integrity === 'ok' && chainOk && sinceBackup?.ok !== false,
    lines,
    integrity,
    auditChain: { ok: chainOk, count: chain.count, ...(chain.tampered ? { brokenAt: chain.tampered.entryId } : {}), forks: chain.forks, unverified: chain.unverified },
    checkCode: codeOf(ctx, entryId),
    sinceBackup,
  }
}
