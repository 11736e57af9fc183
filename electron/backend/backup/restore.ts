import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupInfo, TestRestoreResult } from '../../shared/contract/backup'
import { chainSentences, checkAuditChain } from '../audit-chain'
import { openDatabase } from '../db/open'
import { defaultBackupDir, inspectBackup, listBackups, sha256File } from './backup'

export { restoreBackup, type RestoreOutcome } from './swap'

/**
 * "试恢复": restores the backup into a temporary folder exactly as a real restore would, opens it with this
 * program (quick_check and any migrations), and checks it against its manifest; the live data is not touched.
 */
export function testRestore(backupFile: string, manifest: BackupInfo | null): TestRestoreResult {
  const steps: TestRestoreResult['steps'] = []
  const step = (label: string, ok: boolean, detail: string) => steps.push({ label, ok, detail })
  const dir = mkdtempSync(join(tmpdir(), 'dangban-test-restore-'))
  try {
    const copy = join(dir, 'dangban.db')
    copyFileSync(backupFile, copy)
    if (manifest?.sha256) {
      const same = sha256File(copy) === manifest.sha256
      step('文件与备份时一致', same, same ? 'SHA-256 与备份说明文件相同' : '文件内容与备份时不同（被改动或磁盘损坏）')
    }
    // the backup's attachments are beside the backup, not beside the scratch copy
    const facts = inspectBackup(copy, join(dirname(backupFile), 'attachments'))
    step('完整性检查', facts.integrity === 'ok', facts.integrity === 'ok' ? 'integrity_check 通过' : (facts.problem ?? facts.integrity))
    if (facts.integrity !== 'ok') return { ok: false, steps }
    let db: Database.Database | null = null
    try {
      db = openDatabase(copy)
      const version = db.pragma('user_version', { simple: true }) as number
      step('本程序可以打开', true, version === facts.schemaVersion ? `数据结构版本 ${version}` : `数据结构版本 ${facts.schemaVersion}，已升级到 ${version}`)
      const chain = checkAuditChain(db)
      step('审计日志哈希链', !chain.tampered, chainSentences(chain).join('；'))
      if (manifest) {
        const differ = Object.entries(manifest.counts).filter(([t, n]) => facts.counts[t] !== n)
        step('记录数与备份时相同', differ.length === 0, differ.length === 0 ? countsText(facts.counts) : differ.map(([t, n]) => `${t}：备份时 ${n}，现在 ${facts.counts[t] ?? '无'}`).join('；'))
      }
    } catch (error) {
      step('本程序可以打开', false, error instanceof Error ? error.message : String(error))
    } finally {
      db?.close()
    }
    const { needed, missing } = facts.attachments
    step('附件齐全', missing === 0, missing === 0 ? `${needed} 个附件都在备份目录中` : `${needed} 个附件中有 ${missing} 个不在备份目录的 attachments 文件夹中`)
    return { ok: steps.every((s) => s.ok), steps }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const LABELS: Record<string, string> = { organizations: '党组织', members: '党员', meetings: '会议', attendance: '出勤', attachments: '附件', users: '账号', audit_log: '审计' }
export const countsText = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([t, n]) => `${LABELS[t] ?? t} ${n}`)
    .join('，')

/** For the guided restore after a damaged start: the backups in the data folder, each checked now, newest first. */
export function checkedBackups(databasePath: string): BackupInfo[] {
  return listBackups(defaultBackupDir(databasePath), databasePath).map((b) => {
    const facts = inspectBackup(b.file)
    return { ...b, ...facts }
  })
}

export function newestGoodBackup(databasePath: string): BackupInfo | null {
  for (const b of listBackups(defaultBackupDir(databasePath), databasePath)) {
    const facts = inspectBackup(b.file)
    if (facts.ok) return { ...b, ...facts }
  }
  return null
}
