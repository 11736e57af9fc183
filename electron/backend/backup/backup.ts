import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { BackupInfo } from '../../shared/contract/backup'
import { verifyAuditChain } from '../audit'

/** Tables whose row counts describe a backup (what a clerk would recognise). */
const COUNTED = ['organizations', 'members', 'meetings', 'attendance', 'audit_log']

export const defaultBackupDir = (databasePath: string): string => join(dirname(databasePath), 'backups')
const attachmentDir = (databasePath: string): string => join(dirname(databasePath), 'attachments')

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`
}

/** Opens a backup read-only and checks it: integrity_check, schema version, row counts, audit chain. */
export function inspectBackup(file: string): Omit<BackupInfo, 'file' | 'createdAt' | 'reason' | 'size'> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
    const counts = Object.fromEntries(COUNTED.filter((t) => tables.has(t)).map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]))
    const chain = tables.has('audit_log') ? verifyAuditChain(db) : { ok: true as const, count: 0 }
    return { ok: integrity === 'ok' && chain.ok, integrity, schemaVersion: db.pragma('user_version', { simple: true }) as number, counts }
  } finally {
    db.close()
  }
}

/**
 * A backup through SQLite's online backup API (never a file copy of a live database), verified, with a
 * manifest beside it. Attachments are content-addressed, so copying the missing ones is enough.
 */
export async function createBackup(db: Database.Database, databasePath: string, dir: string, reason: string, now: Date): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `dangban-${stamp(now)}.db`)
  await db.backup(file)
  const attachments = attachmentDir(databasePath)
  if (existsSync(attachments)) {
    const target = join(dir, 'attachments')
    mkdirSync(target, { recursive: true })
    for (const name of readdirSync(attachments)) if (!existsSync(join(target, name))) copyFileSync(join(attachments, name), join(target, name))
  }
  const facts = inspectBackup(file)
  if (!facts.ok) {
    unlinkSync(file)
    throw new Error(`备份文件校验未通过（${facts.integrity}），已删除该备份，请检查磁盘空间后重试`)
  }
  const info: BackupInfo = { file, createdAt: now.toISOString(), reason, size: statSync(file).size, ...facts, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') }
  writeFileSync(`${file}.json`, JSON.stringify(info, null, 2))
  return info
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.endsWith('.db.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as BackupInfo)
    .filter((b) => existsSync(b.file) || existsSync(join(dir, basename(b.file))))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Keeps the newest backup of each of the last `daily` days, `weekly` weeks and `monthly` months; removes the rest. */
export function rotate(dir: string, keep: { daily: number; weekly: number; monthly: number }, now: Date): string[] {
  const all = listBackups(dir)
  const kept = new Set<string>()
  const day = (d: Date) => d.toISOString().slice(0, 10)
  const week = (d: Date) => Math.floor((d.getTime() - 4 * 86_400_000) / (7 * 86_400_000))
  const month = (d: Date) => d.toISOString().slice(0, 7)
  const pick = (key: (d: Date) => string | number, count: number) => {
    const seen = new Set<string | number>()
    for (const b of all) {
      const k = key(new Date(b.createdAt))
      if (seen.size >= count && !seen.has(k)) break
      if (!seen.has(k)) {
        seen.add(k)
        kept.add(b.file)
      }
    }
  }
  pick(day, keep.daily)
  pick(week, keep.weekly)
  pick(month, keep.monthly)
  const removed = all.filter((b) => !kept.has(b.file) && new Date(b.createdAt) < now)
  for (const b of removed) {
    for (const f of [b.file, `${b.file}.json`]) if (existsSync(f)) unlinkSync(f)
  }
  return removed.map((b) => b.file)
}

/**
 * Restores a backup into the database file at `databasePath` (which must be closed): the backup is checked
 * first, the current file is kept aside, then replaced. Returns where the old file went.
 */
export function restoreBackup(backupFile: string, databasePath: string, now: Date): { savedAs: string | null; info: ReturnType<typeof inspectBackup> } {
  const info = inspectBackup(backupFile)
  if (!info.ok) throw new Error(`该备份未通过校验（${info.integrity}），不能用于恢复，请选择其他备份`)
  let savedAs: string | null = null
  if (existsSync(databasePath)) {
    savedAs = `${databasePath}.before-restore-${stamp(now)}`
    const live = new Database(databasePath)
    try {
      live.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      live.close()
    }
    copyFileSync(databasePath, savedAs)
  }
  for (const suffix of ['-wal', '-shm']) if (existsSync(databasePath + suffix)) unlinkSync(databasePath + suffix)
  copyFileSync(backupFile, databasePath)
  const attachments = join(dirname(backupFile), 'attachments')
  if (existsSync(attachments)) {
    const target = join(dirname(databasePath), 'attachments')
    mkdirSync(target, { recursive: true })
    for (const name of readdirSync(attachments)) if (!existsSync(join(target, name))) copyFileSync(join(attachments, name), join(target, name))
  }
  return { savedAs, info }
}

/** For the guided restore after a damaged start: the newest backup that passes its checks. */
export function newestGoodBackup(databasePath: string): BackupInfo | null {
  for (const b of listBackups(defaultBackupDir(databasePath))) {
    try {
      if (inspectBackup(b.file).ok) return b
    } catch {
      // a damaged backup is skipped; the next older one is tried
    }
  }
  return null
}

/** Start-up backup (issue 8): when the newest backup is older than a day, or there is none. */
export function backupIsDue(databasePath: string, now: Date): boolean {
  const newest = listBackups(defaultBackupDir(databasePath))[0]
  return !newest || now.getTime() - new Date(newest.createdAt).getTime() > 86_400_000
}
