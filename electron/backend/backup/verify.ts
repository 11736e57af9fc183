import { existsSync } from 'node:fs'
import type { AnchorCheck, CheckCode, VerifyResult } from '../../shared/contract/backup'
import { anchorHead, headOf, readAnchor } from '../audit-anchor'
import { chainSentences, checkAuditChain, checkCode } from '../audit-chain'
import { defaultBackupDir, listBackups } from './backup'
import { integrityCheck } from './integrity'
import { schemaProblem } from './schema'
import { backupDirs, type Actor } from './service'
import { openSqlite } from '../db/native'

const when = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { hour12: false })
const ACCEPT = '如果是管理员有意换回的副本，核对无误后可运行“npm run -s cli -- verify --accept”把现状记为新的对照点'

/** The code of one entry of the live log (the newest when none is named), or null when there is no such entry. */
function codeOf(ctx: Actor, entryId: number | null): CheckCode | null {
  const row = (entryId === null ? ctx.db.prepare('SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() : ctx.db.prepare('SELECT id, at, hash FROM audit_log WHERE id = ?').get(entryId)) as
    | { id: number; at: string; hash: string }
    | undefined
  return row ? { entryId: row.id, at: row.at, code: checkCode(row.hash) } : null
}

/** Whether the live log still holds entry `id` with this hash: '' when it does, else what became of it. */
function still(ctx: Actor, id: number, hash: string): '' | '不存在' | '内容不同' {
  const now = ctx.db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string | undefined
  return now === hash ? '' : now === undefined ? '不存在' : '内容不同'
}

/** Against this PC's anchor (kept outside the data folder, moved forward after every write). */
function againstThisPc(ctx: Actor, intact: boolean): AnchorCheck {
  const anchor = readAnchor(ctx.databasePath)
  if (!anchor) {
    // the first check on this PC (a new installation, a database brought from elsewhere): from now on
    if (intact) anchorHead(ctx.db, ctx.databasePath, '首次检查')
    return { where: '本机', ok: null, message: '本机此前没有记下这个数据库的审计位置，已从现在记起：此后被删除的记录都能发现' }
  }
  const gone = still(ctx, anchor.entryId, anchor.hash)
  return gone
    ? { where: '本机', ok: false, message: `本机记下的第 ${anchor.entryId} 条审计记录（${when(anchor.at)}）在当前数据库中${gone}：此后的审计记录被删除，或数据库被换成了更早的副本或另一个数据库。${ACCEPT}` }
    : { where: '本机', ok: true, message: `与本机记下的审计位置（第 ${anchor.entryId} 条，${when(anchor.at)}）相符，没有记录被删除` }
}

/** The newest backup in `dir` of this same database, read from the backup file itself (never its manifest). */
function newestOfThisDatabase(ctx: Actor, dir: string, lineage: string): { file: string; createdAt: string; head: NonNullable<ReturnType<typeof headOf>> } | null {
  for (const b of listBackups(dir, ctx.databasePath)) {
    try {
      const db = openSqlite(b.file, { readonly: true, fileMustExist: true })
      try {
        const head = headOf(db)
        if (head?.lineage === lineage) return { file: b.file, createdAt: b.createdAt, head }
      } finally {
        db.close()
      }
    } catch {
      // a backup that cannot be read is no anchor; the backup list says what is wrong with it
    }
  }
  return null
}

/** Against the newest backup in a backup folder (the second folder is often a USB drive kept apart). */
function againstBackups(ctx: Actor, dir: string, label: string, lineage: string): AnchorCheck | null {
  if (!existsSync(dir)) return label === '数据目录的备份' ? null : { where: label, ok: null, message: `${label}（${dir}）现在无法访问（U 盘没有插上？），这次未能对照` }
  const newest = newestOfThisDatabase(ctx, dir, lineage)
  if (!newest) return null
  const gone = still(ctx, newest.head.entryId, newest.head.hash)
  return gone
    ? { where: label, ok: false, file: newest.file, message: `${label}中最近一次备份（${when(newest.createdAt)}）里的第 ${newest.head.entryId} 条审计记录在当前数据库中${gone}：审计日志可能被删改，或数据库被换成了更早的副本。${ACCEPT}` }
    : { where: label, ok: true, file: newest.file, message: `与${label}中最近一次备份（${when(newest.createdAt)}）相比，审计记录没有缺失` }
}

/**
 * The live database checked (17): SQLite's integrity check, our own schema and nothing else, the audit
 * chain, and the chain's head against the anchors an edit of the data folder alone cannot move — this PC's
 * anchor, and the newest backup in the second backup folder — as well as the newest backup in the data folder.
 */
export function verifyDatabase(ctx: Actor, entryId: number | null = null): VerifyResult {
  const integrity = integrityCheck(ctx.db)
  const foreign = schemaProblem(ctx.db, ctx.db.pragma('user_version', { simple: true }) as number)
  const chain = checkAuditChain(ctx.db)
  const chainOk = !chain.tampered && !chain.unverified
  const anchors: AnchorCheck[] = []
  if (ctx.databasePath !== ':memory:' && chain.lineage) {
    anchors.push(againstThisPc(ctx, chainOk))
    const [home, ...others] = backupDirs(ctx)
    for (const [dir, label] of [[home!, '数据目录的备份'], ...others.map((d) => [d, '第二个备份文件夹'])] as const) {
      const check = againstBackups(ctx, dir, label, chain.lineage)
      if (check) anchors.push(check)
    }
  }
  const local = anchors.find((a) => a.where === '数据目录的备份')
  const newestHome = local?.file ? listBackups(defaultBackupDir(ctx.databasePath), ctx.databasePath).find((b) => b.file === local.file) : undefined
  const lines = [
    integrity === 'ok' ? '数据库完整性：正常' : `数据库完整性检查未通过（${integrity.slice(0, 200)}）：请在备份列表中检测恢复最近的完好备份`,
    ...(foreign ? [`${foreign}：可能有人绕过党办通改动了数据库文件，请管理员检查或从备份恢复`] : []),
    ...chainSentences(chain),
    ...anchors.map((a) => a.message),
  ]
  return {
    ok: integrity === 'ok' && !foreign && chainOk && anchors.every((a) => a.ok !== false),
    lines,
    integrity,
    auditChain: { ok: chainOk, count: chain.count, ...(chain.tampered ? { brokenAt: chain.tampered.entryId } : {}), forks: chain.forks, unverified: chain.unverified },
    checkCode: codeOf(ctx, entryId),
    anchors,
    sinceBackup: local && newestHome ? { file: newestHome.file, createdAt: newestHome.createdAt, ok: local.ok === true, message: local.message } : null,
  }
}
