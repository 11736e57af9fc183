import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BackupFacts, BackupInfo } from '../../shared/contract/backup'
import { chainSentences, checkAuditChain, checkCode } from '../audit-chain'
import { latestVersion } from '../db/migrate'
import { integrityCheck } from './integrity'
import { narrowAll, PRIVATE_FILE, privateDir, writePrivateFile } from '../private-files'

/**
 * Backup layout (issue 8), in the backup folder (default `<data folder>/backups`, optionally also a folder the
 * administrator chose, e.g. a USB drive):
 *   dangban-YYYYMMDD-HHMMSS.db        the database, written by SQLite's online backup API
 *   dangban-YYYYMMDD-HHMMSS.db.json   its manifest: time, reason, size, sha256, integrity, row counts, audit head
 *   attachments/<sha256>              meeting photos and scans, assessment evidence: content-addressed, shared by all backups
 * Attachments are named by their content hash and never change, so one folder serves every backup: a backup
 * copies only the files that are not there yet, and a restore copies back only those missing in the data folder.
 */

/** Tables whose row counts describe a backup (what a clerk would recognise). */
export const COUNTED = ['organizations', 'members', 'meetings', 'attendance', 'attachments', 'users', 'audit_log']

export const defaultBackupDir = (databasePath: string): string => join(dirname(databasePath), 'backups')
export const attachmentDir = (databasePath: string): string => join(dirname(databasePath), 'attachments')

export function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`
}

export const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

/**
 * Opens a database file read-only and checks it: integrity_check, schema version (a backup from a newer
 * program cannot be used), row counts, the audit hash chain and its last entry, and which attachments it needs.
 */
export function inspectBackup(file: string): BackupFacts {
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    return broken(`无法打开（${(error as { code?: string }).code ?? (error as Error).message}）`)
  }
  try {
    const integrity = integrityCheck(db)
    if (integrity !== 'ok') return broken(`完整性检查未通过：${integrity.slice(0, 200)}`, integrity)
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
    const counts = Object.fromEntries(COUNTED.filter((t) => tables.has(t)).map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]))
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    const chain = tables.has('audit_log') ? checkAuditChain(db) : null
    const last = tables.has('audit_log') ? ((db.prepare('SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; at: string; hash: string } | undefined) ?? null) : null
    const head = last && { id: last.id, hash: last.hash }
    // every file a record names: meeting attachments and, from version 13, assessment evidence
    const named = ['attachments', 'assessment_evidence'].filter((t) => tables.has(t)).map((t) => `SELECT sha256 FROM ${t}`)
    const needed = named.length ? (db.prepare(named.join(' UNION ')).pluck().all() as string[]) : []
    const missing = needed.filter((h) => !existsSync(join(dirname(file), 'attachments', h))).length
    let problem: string | null = null
    if (schemaVersion > latestVersion()) problem = `该备份由更新版本的党办通生成（数据结构版本 ${schemaVersion}），请先升级本程序`
    else if (chain?.tampered) problem = chainSentences(chain)[0]!
    // a fork (an older version's bug) or entries signed on another PC leave every record as it was written:
    // the backup stays usable, and the list says what was found
    const auditNote = chain && !chain.tampered ? chainSentences(chain).slice(1).join('；') || null : null
    const code = last && { entryId: last.id, at: last.at, code: checkCode(last.hash) }
    return { ok: problem === null, problem, integrity, schemaVersion, counts, auditHead: head, attachments: { needed: needed.length, missing }, auditNote, checkCode: code, lineage: chain?.lineage ?? null }
  } catch (error) {
    return broken(`读取失败（${(error as { code?: string }).code ?? (error as Error).message}）`)
  } finally {
    db.close()
  }
}

const broken = (problem: string, integrity = problem): BackupFacts => ({ ok: false, problem, integrity, schemaVersion: 0, counts: {}, auditHead: null, attachments: { needed: 0, missing: 0 } })

/** Copies the content-addressed files that `to` does not have yet (never overwrites: same name, same bytes). */
export function copyMissing(from: string, to: string): number {
  if (!existsSync(from)) return 0
  privateDir(to)
  let copied = 0
  for (const name of readdirSync(from)) {
    if (existsSync(join(to, name))) continue
    copyFileSync(join(from, name), join(to, name))
    chmodSync(join(to, name), PRIVATE_FILE)
    copied++
  }
  return copied
}

/**
 * A backup through SQLite's online backup API (never a file copy of a live database: a copy taken while a
 * write is in progress, or without the -wal file, can be unusable), then verified, with a manifest beside it.
 */
export async function createBackup(db: Database.Database, databasePath: string, dir: string, reason: string, now: Date): Promise<BackupInfo> {
  privateDir(dir)
  let file = join(dir, `dangban-${stamp(now)}.db`)
  for (let n = 2; existsSync(file); n++) file = join(dir, `dangban-${stamp(now)}-${n}.db`)
  // made empty and private first: SQLite writes the backup into it and keeps its mode
  closeSync(openSync(file, 'wx', PRIVATE_FILE))
  await db.backup(file)
  copyMissing(attachmentDir(databasePath), join(dir, 'attachments'))
  const facts = inspectBackup(file)
  if (facts.integrity !== 'ok') {
    unlinkSync(file)
    throw new Error(`备份文件校验未通过（${facts.problem}），已删除该备份，请检查磁盘空间或换一个备份位置后重试`)
  }
  // a broken audit chain is copied faithfully (the backup is still the best copy there is) and flagged in the list
  const info: BackupInfo = { file, createdAt: now.toISOString(), reason, size: statSync(file).size, ...facts, sha256: sha256File(file) }
  writePrivateFile(`${file}.json`, JSON.stringify(info, null, 2))
  // backups and attachments written by older versions were readable by every account on the PC
  narrowAll(dir)
  narrowAll(join(dir, 'attachments'))
  return info
}

/** The backups in a folder, newest first, from their manifests; a manifest whose database is gone is skipped. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return []
  const list: BackupInfo[] = []
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.db.json'))) {
    try {
      const info = JSON.parse(readFileSync(join(dir, name), 'utf8')) as BackupInfo
      // the folder may have been moved (a USB drive on another letter): trust the manifest's neighbour
      const file = join(dir, name.slice(0, -'.json'.length))
      if (existsSync(file)) list.push({ ...info, file })
    } catch {
      // a damaged manifest hides nothing: the .db next to it can still be restored with the CLI
    }
  }
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
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

/** Start-up backup (issue 8): when the newest backup is older than a day, or there is none. */
export function backupIsDue(databasePath: string, now: Date): boolean {
  const newest = listBackups(defaultBackupDir(databasePath))[0]
  return !newest || now.getTime() - new Date(newest.createdAt).getTime() > 86_400_000
}
