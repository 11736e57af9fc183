import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { BackupInfo } from '../../shared/contract/backup'
import { sealHolds, sealOf } from '../audit-key'
import { narrowAll, PRIVATE_FILE, privateDir, removeLeftovers, tempBeside, writePrivateFile } from '../private-files'
import { inspectBackup, isContentHash } from './prove'
import { openSqlite } from '../db/native'

export { inspectBackup } from './prove'

/**
 * Backup layout, in the backup folder (default `<data folder>/backups`, optionally also a folder the
 * administrator chose, e.g. a USB drive):
 *   dangban-YYYYMMDD-HHMMSS.db        the database, written by SQLite's online backup API
 *   dangban-YYYYMMDD-HHMMSS.db.json   its manifest: time, reason, size, sha256, integrity, row counts, audit head
 *   attachments/<sha256>              meeting photos and scans, assessment evidence, 督办 files: content-addressed, shared by all backups
 * The name starts with the database file's own name (`dangban` for dangban.db): two databases in one folder
 * keep apart backups, and neither is checked against the other's. Attachments are named by their content hash
 * and never change, so one folder serves every backup: a backup copies only the files that are not there yet,
 * and a restore copies back only those missing in the data folder.
 */

export const defaultBackupDir = (databasePath: string): string => join(dirname(databasePath), 'backups')
export const attachmentDir = (databasePath: string): string => join(dirname(databasePath), 'attachments')

export function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`
}

/** What a database's backups are called: its file name without `.db` (`dangban` for the usual dangban.db). */
export const backupPrefix = (databasePath: string): string => basename(databasePath).replace(/\.(db|sqlite3?)$/i, '') || 'dangban'

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const backupName = (prefix: string): RegExp => new RegExp(`^${escaped(prefix)}-\\d{8}-\\d{6}(-\\d+)?\\.db$`)

/** A file's SHA-256, read in pieces (a city's database is larger than one read may be). */
export function sha256File(file: string): string {
  const sha = createHash('sha256')
  const fd = openSync(file, 'r')
  try {
    const chunk = Buffer.alloc(4 * 1024 * 1024)
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) sha.update(chunk.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return sha.digest('hex')
}

/**
 * Copies the content-addressed files that `to` does not have yet (never overwrites: same name, same bytes).
 * Only files named by a SHA-256 that their content matches are copied, each whole or not at all (a copy cut
 * short would keep its name and never be copied again); anything else in the folder is not ours and stays behind.
 */
export function copyMissing(from: string, to: string): number {
  if (!existsSync(from)) return 0
  privateDir(to)
  removeLeftovers(to)
  let copied = 0
  for (const name of readdirSync(from)) {
    if (!isContentHash(name) || existsSync(join(to, name))) continue
    const temp = tempBeside(join(to, name))
    try {
      copyFileSync(join(from, name), temp)
      chmodSync(temp, PRIVATE_FILE)
      if (sha256File(temp) !== name) continue
      renameSync(temp, join(to, name))
      copied++
    } finally {
      rmSync(temp, { force: true })
    }
  }
  return copied
}

const reserved = new Set<string>()

/** A name no backup has yet (nor one being written by this process right now). */
function freeName(dir: string, prefix: string, now: Date): string {
  let file = join(dir, `${prefix}-${stamp(now)}.db`)
  for (let n = 2; existsSync(file) || reserved.has(file); n++) file = join(dir, `${prefix}-${stamp(now)}-${n}.db`)
  reserved.add(file)
  return file
}

/** What a backup killed midway left: its temporary files, and a manifest whose database never got its name. */
function removeUnfinished(dir: string, prefix: string): void {
  removeLeftovers(dir)
  const pattern = backupName(prefix)
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json') && pattern.test(name.slice(0, -'.json'.length)) && !existsSync(join(dir, name.slice(0, -'.json'.length)))) rmSync(join(dir, name), { force: true })
  }
}

/**
 * A backup through SQLite's online backup API (never a file copy of a live database: a copy taken while a
 * write is in progress, or without the -wal file, can be unusable), then verified, with a manifest beside it.
 * It is written under a temporary name and gets its own name last, after its manifest: a backup killed midway
 * leaves nothing that is listed or looks like a backup, and the next backup removes what it left.
 */
export async function createBackup(db: Database.Database, databasePath: string, dir: string, reason: string, now: Date, manual = false): Promise<BackupInfo> {
  privateDir(dir)
  const prefix = backupPrefix(databasePath)
  removeUnfinished(dir, prefix)
  const file = freeName(dir, prefix, now)
  const part = tempBeside(file)
  try {
    // made empty and private first: SQLite writes the backup into it and keeps its mode
    closeSync(openSync(part, 'wx', PRIVATE_FILE))
    await db.backup(part)
    // a backup is one file: opening it later (to check or restore) makes no -wal or -shm beside it
    const own = openSqlite(part)
    own.pragma('journal_mode = DELETE')
    own.close()
    copyMissing(attachmentDir(databasePath), join(dir, 'attachments'))
    const facts = inspectBackup(part)
    if (facts.integrity !== 'ok') throw new Error(`备份文件校验未通过（${facts.problem}），已删除该备份，请检查磁盘空间或换一个备份位置后重试`)
    // a backup with a problem (an audit entry edited, a trigger someone added) is still made — it is the best
    // copy there is — and listed as not usable, with the problem
    const info: BackupInfo = { file, createdAt: now.toISOString(), reason, size: statSync(part).size, ...facts, sha256: sha256File(part), ...(manual ? { manual: true } : {}) }
    const sealed = writeManifest(info, part)
    renameSync(part, file)
    return sealed
  } catch (error) {
    rmSync(`${file}.json`, { force: true })
    throw error
  } finally {
    reserved.delete(file)
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(part + suffix, { force: true })
    // backups and attachments written by older versions were readable by every account on the PC
    narrowAll(dir)
    narrowAll(join(dir, 'attachments'))
  }
}

/** The manifest's content that its seal covers: everything but where the folder happens to be mounted. */
const sealedBody = (info: BackupInfo): string => {
  const { file: _file, seal: _seal, ...rest } = info
  return JSON.stringify(rest)
}

/** Writes a backup's manifest, sealed, beside it (whole or not at all); `written`: the file as it is now (or still under its temporary name). */
function writeManifest(info: BackupInfo, written: string = info.file): BackupInfo {
  const withTime = { ...info, fileTime: statSync(written).mtimeMs, seal: undefined }
  const sealed = { ...withTime, seal: sealOf(sealedBody(withTime)) }
  writePrivateFile(`${info.file}.json`, JSON.stringify(sealed, null, 2))
  return sealed
}

/** Whether a manifest is this PC's own, about the file as it is now (same size and time as when it was written). */
export function believable(info: BackupInfo): boolean {
  try {
    const st = statSync(info.file)
    return sealHolds(sealedBody(info), info.seal) && st.size === info.size && st.mtimeMs === info.fileTime
  } catch {
    return false
  }
}

/** A backup whose manifest is not believable, checked now; the manifest is rewritten so the next list is quick. */
function checkedNow(info: BackupInfo): BackupInfo {
  const facts = inspectBackup(info.file)
  const checked: BackupInfo = { ...info, ...facts, createdAt: String(info.createdAt ?? ''), reason: String(info.reason ?? ''), size: statSync(info.file).size, sha256: facts.ok ? sha256File(info.file) : undefined }
  try {
    return writeManifest(checked)
  } catch {
    // a write-protected USB drive: checked again next time
    return checked
  }
}

/**
 * The backups of one database in a folder, newest first, from their manifests; a manifest whose database is
 * gone is skipped. Without `databasePath`, the usual dangban.db's. `recheck`: a manifest this PC did not seal
 * (an older version's, another PC's, or one planted beside a crafted file to call it good) or whose file changed
 * since is not believed — the file is checked now (what the window lists).
 */
export function listBackups(dir: string, databasePath = 'dangban.db', { recheck = false }: { recheck?: boolean } = {}): BackupInfo[] {
  if (!existsSync(dir)) return []
  const pattern = backupName(backupPrefix(databasePath))
  const list: BackupInfo[] = []
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.db.json') && pattern.test(n.slice(0, -'.json'.length)))) {
    try {
      // the folder may have been moved (a USB drive on another letter): trust the manifest's neighbour
      const file = join(dir, name.slice(0, -'.json'.length))
      if (!existsSync(file)) continue
      const info = { ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as BackupInfo), file }
      list.push(recheck && !believable(info) ? checkedNow(info) : info)
    } catch {
      // a damaged manifest hides nothing: the .db next to it can still be restored with the CLI
    }
  }
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** A backup made by hand: marked so since manual backups are kept apart; older ones by the reason the window gave them. */
export const isManual = (b: BackupInfo): boolean => b.manual === true || b.reason === '手动备份'

/**
 * Keeps the newest backup of each of the last `daily` days, `weekly` weeks and `monthly` months, and always the
 * newest one that is usable (however old): rotation never leaves a folder with nothing to restore. Backups made by
 * hand are not part of the rotation at all: they stay until someone deletes them (deleteManualBackup).
 */
export function rotate(dir: string, databasePath: string, keep: { daily: number; weekly: number; monthly: number }, now: Date): string[] {
  const all = listBackups(dir, databasePath).filter((b) => !isManual(b))
  const kept = new Set<string>()
  const newestUsable = all.find((b) => b.ok)
  if (newestUsable) kept.add(newestUsable.file)
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

/** Start-up backup: when the newest backup is older than a day, or there is none. */
export function backupIsDue(databasePath: string, now: Date): boolean {
  // only this PC's own manifests count: one planted with a date in the future must not stop the automatic backups
  const newest = listBackups(defaultBackupDir(databasePath), databasePath).find((b) => believable(b) && new Date(b.createdAt) <= now)
  return !newest || now.getTime() - new Date(newest.createdAt).getTime() > 86_400_000
}
