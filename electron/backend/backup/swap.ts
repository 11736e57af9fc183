import type Database from 'better-sqlite3'
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statfsSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { BackupFacts } from '../../shared/contract/backup'
import { AppError } from '../../shared/result'
import { openDatabase } from '../db/open'
import { copyPrivate, PRIVATE_FILE, tempBeside } from '../private-files'
import { attachmentDir, copyMissing, stamp } from './backup'
import { inspectBackup } from './prove'
import { openSqlite } from '../db/native'

export interface RestoreOutcome {
  /** where the database that was replaced now lives (null when there was none) */
  savedAs: string | null
  info: BackupFacts
  attachmentsCopied: number
}

/**
 * Whether another connection has the database open — the desktop app, the browser mode, a CLI command. Asks
 * SQLite itself: every open connection holds a shared lock on the file, so an exclusive lock is refused.
 * Swapping the file under a running program would lose every write it makes afterwards (it keeps writing to
 * the file that was replaced).
 */
export function databaseInUse(databasePath: string): boolean {
  if (!existsSync(databasePath)) return false
  let probe: Database.Database
  try {
    probe = openSqlite(databasePath, { fileMustExist: true, timeout: 0 })
  } catch {
    return false
  }
  try {
    probe.pragma('locking_mode = EXCLUSIVE')
    probe.exec('BEGIN EXCLUSIVE; COMMIT')
    return false
  } catch (error) {
    // a damaged file cannot be locked either; only "busy" means somebody has it open
    const code = (error as { code?: string }).code ?? ''
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
  } finally {
    probe.close()
  }
}

const MB = 1024 * 1024

/** Refuses a restore the disk has no room for (a copy of the backup, and the current database kept aside). */
function ensureRoom(databasePath: string, backupBytes: number): void {
  let current = 0
  for (const suffix of ['', '-wal']) if (existsSync(databasePath + suffix)) current += statSync(databasePath + suffix).size
  const needed = backupBytes + current + 64 * MB
  const { bavail, bsize } = statfsSync(dirname(databasePath))
  const free = bavail * bsize
  if (free < needed) throw new AppError('CONFLICT', `数据目录所在的磁盘空间不足：恢复需要约 ${Math.ceil(needed / MB)} MB，现在只剩 ${Math.floor(free / MB)} MB。请先清理磁盘再恢复（没有改动任何文件）`)
}

/** Copies exactly the `bytes` bytes that were checked; a file that grew since was changed and is refused. */
function copyExactly(from: string, to: string, bytes: number): void {
  const src = openSync(from, 'r')
  const dst = openSync(to, 'wx', PRIVATE_FILE)
  try {
    const chunk = Buffer.alloc(4 * MB)
    let done = 0
    while (done < bytes) {
      const n = readSync(src, chunk, 0, Math.min(chunk.length, bytes - done), done)
      if (n === 0) break
      writeSync(dst, chunk, 0, n)
      done += n
    }
    if (done !== bytes || readSync(src, chunk, 0, 1, bytes) !== 0) throw new AppError('CONFLICT', '备份文件在检查之后被改动过，没有恢复。请重新选择备份')
    fsyncSync(dst)
  } finally {
    closeSync(src)
    closeSync(dst)
  }
}

/**
 * Restores a backup into the database file at `databasePath` — from the window, at a damaged start and from
 * the CLI alike. Nothing is replaced until everything has passed:
 *  1. no other program has the database open;
 *  2. the backup proves to be one of ours (prove.ts), and the disk has room;
 *  3. the very bytes that will be swapped in are copied into the data folder and proven again (a file changed
 *     between the check and the copy is caught), then opened with this program — quick check, and any
 *     migrations to this version — so a backup this program cannot run is never swapped in.
 * Then the current file (with its -wal, so nothing committed is lost) is copied aside, never deleted, and the
 * new file renamed over it: a crash midway leaves either the old or the new database, never half of one.
 */
export function restoreBackup(backupFile: string, databasePath: string, now: Date): RestoreOutcome {
  if (databaseInUse(databasePath)) {
    throw new AppError('CONFLICT', '党办通正在使用这个数据库（桌面程序、浏览器模式或另一条命令没有退出）：请先退出党办通再恢复，或由管理员在程序的“系统设置 → 数据备份”中点“恢复到此备份”。没有改动任何文件')
  }
  const seen = inspectBackup(backupFile)
  if (!seen.ok) throw new AppError('VALIDATION', `该备份不能用于恢复：${seen.problem}。请选择其他备份（没有改动任何文件）`)
  const bytes = statSync(backupFile).size
  ensureRoom(databasePath, bytes)
  const incoming = tempBeside(databasePath)
  try {
    copyExactly(backupFile, incoming, bytes)
    const info = inspectBackup(incoming, join(dirname(backupFile), 'attachments'))
    if (!info.ok) throw new AppError('VALIDATION', `该备份不能用于恢复：${info.problem}。请选择其他备份（没有改动任何文件）`)
    try {
      const db = openDatabase(incoming)
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    } catch (error) {
      throw new AppError('VALIDATION', `本程序无法打开该备份（${error instanceof Error ? error.message : String(error)}），没有恢复。请选择其他备份`)
    }
    const savedAs = keepAside(databasePath, now)
    for (const suffix of ['-wal', '-shm']) if (existsSync(databasePath + suffix)) unlinkSync(databasePath + suffix)
    renameSync(incoming, databasePath)
    const attachmentsCopied = copyMissing(join(dirname(backupFile), 'attachments'), attachmentDir(databasePath))
    return { savedAs, info, attachmentsCopied }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(incoming + suffix, { force: true })
  }
}

/** Copies the current database (its -wal folded in when it can be) beside itself; null when there is none. */
function keepAside(databasePath: string, now: Date): string | null {
  if (!existsSync(databasePath)) return null
  const savedAs = `${databasePath}.before-restore-${stamp(now)}`
  try {
    // fold the -wal into the file so the copy kept aside is complete on its own
    const live = openSqlite(databasePath)
    try {
      live.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      live.close()
    }
  } catch {
    // a damaged file cannot be checkpointed: it is kept aside as it is, with its -wal beside it
  }
  copyPrivate(databasePath, savedAs)
  if (existsSync(`${databasePath}-wal`)) copyPrivate(`${databasePath}-wal`, `${savedAs}-wal`)
  return savedAs
}
