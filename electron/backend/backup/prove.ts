import type Database from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BackupFacts } from '../../shared/contract/backup'
import { chainSentences, checkAuditChain, checkCode } from '../audit-chain'
import { latestVersion } from '../db/migrate'
import { schemaProblem } from './schema'
import { openSqlite } from '../db/native'

/** Tables whose row counts describe a backup (what a clerk would recognise). */
export const COUNTED = ['organizations', 'members', 'meetings', 'attendance', 'attachments', 'users', 'audit_log']

/**
 * Larger than any database 党办通 makes (a city's million meetings fit in a few GB): a bigger file is refused
 * before anything reads or copies it, so a huge (or sparse) file cannot fill the disk.
 */
export const MAX_BACKUP_BYTES = 16 * 1024 ** 3

/** An attachment's stored name: the SHA-256 of its content, nothing else (never a path). */
export const isContentHash = (name: unknown): name is string => typeof name === 'string' && /^[0-9a-f]{64}$/.test(name)

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/** What the file's first 100 bytes and its size say, before SQLite is let near it (null when it looks like one of ours). */
function fileProblem(file: string): string | null {
  let st
  try {
    st = statSync(file)
  } catch (error) {
    return `无法读取（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`
  }
  if (!st.isFile()) return '不是一个文件'
  if (st.size === 0) return '是空文件，不是党办通的备份'
  if (st.size > MAX_BACKUP_BYTES) return `文件大小 ${(st.size / 1024 ** 3).toFixed(1)} GB，超过党办通数据库可能的大小，不是党办通的备份`
  const header = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (!header.subarray(0, 16).equals(MAGIC)) return '不是 SQLite 数据库文件，不是党办通的备份'
  const raw = header.readUInt16BE(16)
  const pageSize = raw === 1 ? 65536 : raw
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0 || st.size % pageSize !== 0) return '文件头与文件大小不符（文件不完整或被改动过）'
  // the page count in the header is valid when written by a SQLite that keeps it (version-valid-for = change counter)
  if (header.readUInt32BE(92) === header.readUInt32BE(24) && header.readUInt32BE(28) * pageSize !== st.size) return '文件头与文件大小不符（文件不完整或被改动过）'
  return null
}

/**
 * The one check every backup passes before it is listed as usable or replaces anything: the
 * window's list and restore, the guided restore at a damaged start, and the CLI's restore all come here.
 * Proven, in this order: a plausible size and SQLite header; a schema version of ours and exactly our schema
 * (no triggers, views or tables of anyone else's); SQLite's integrity check; attachment names that are
 * content hashes (never paths); an audit log with no edited or deleted entry. Read-only throughout.
 * `attachmentsDir`: where the backup's attachments are (beside the file unless said otherwise).
 */
export function inspectBackup(file: string, attachmentsDir: string = join(dirname(file), 'attachments')): BackupFacts {
  const early = fileProblem(file)
  if (early) return broken(early)
  let db: Database.Database
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    return broken(`无法打开（${(error as { code?: string }).code ?? (error as Error).message}）`)
  }
  try {
    // nothing in a file under inspection may run as if it were trusted (functions in views or triggers)
    db.pragma('trusted_schema = OFF')
    db.pragma('cell_size_check = ON')
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (schemaVersion > latestVersion()) return { ...broken(`该备份由更新版本的党办通生成（数据结构版本 ${schemaVersion}），请先升级本程序`), schemaVersion }
    // a connection of its own, just opened: no full-text index structure cached from before (integrity.ts)
    const integrity = db.pragma('integrity_check', { simple: true }) as string
    if (integrity !== 'ok') return { ...broken(`完整性检查未通过：${integrity.slice(0, 200)}`, integrity), schemaVersion }
    const foreign = schemaProblem(db, schemaVersion)
    if (foreign) return { ...broken(foreign, integrity), schemaVersion }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[])
    const counts = Object.fromEntries(COUNTED.filter((t) => tables.has(t)).map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]))
    // every file a record names: meeting attachments, from version 13 assessment evidence, from 25 the 督办 files
    const named = ['attachments', 'assessment_evidence', 'supervision_attachments'].filter((t) => tables.has(t)).map((t) => `SELECT sha256 FROM ${t}`)
    const needed = named.length ? (db.prepare(named.join(' UNION ')).pluck().all() as unknown[]) : []
    const notHash = needed.find((h) => !isContentHash(h))
    if (notHash !== undefined) return { ...broken(`附件记录中的文件名“${String(notHash).slice(0, 60)}”不是内容哈希（可能指向数据目录以外的文件），不是党办通写下的`, integrity), schemaVersion }
    const missing = (needed as string[]).filter((h) => !existsSync(join(attachmentsDir, h))).length
    const chain = checkAuditChain(db)
    const last = (db.prepare('SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; at: string; hash: string } | undefined) ?? null
    // a fork (an older version's bug) or entries signed on another PC leave every record as it was written:
    // the backup stays usable, and the list says what was found
    const problem = chain.tampered ? chainSentences(chain)[0]! : null
    const auditNote = chain.tampered ? null : chainSentences(chain).slice(1).join('；') || null
    return {
      ok: problem === null,
      problem,
      integrity,
      schemaVersion,
      counts,
      auditHead: last && { id: last.id, hash: last.hash },
      attachments: { needed: needed.length, missing },
      auditNote,
      checkCode: last && { entryId: last.id, at: last.at, code: checkCode(last.hash) },
      lineage: chain.lineage,
    }
  } catch (error) {
    return broken(`读取失败（${(error as { code?: string }).code ?? (error as Error).message}）`)
  } finally {
    db.close()
  }
}

const broken = (problem: string, integrity = problem): BackupFacts => ({ ok: false, problem, integrity, schemaVersion: 0, counts: {}, auditHead: null, attachments: { needed: 0, missing: 0 } })
