import { randomBytes } from 'node:crypto'
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { defaultUserDataDir } from './paths'

/**
 * Files only their owner may read: the database and its -wal/-shm, backups and their manifests,
 * attachments, the audit key, temporary copies. They used to be created 0644 in 0755 folders on Linux, so any
 * other account on the PC could copy the roster with its ID numbers. Windows ignores these modes: there a
 * profile's folders (AppData) are private to their user already.
 */
export const PRIVATE_FILE = 0o600
export const PRIVATE_DIR = 0o700

/** Takes group and other access away; a path that is not ours to change (another owner, a FAT USB drive) is left as it is. */
export function narrow(path: string): void {
  try {
    const mode = statSync(path).mode & 0o777
    if (mode & 0o077) chmodSync(path, mode & 0o700)
  } catch {
    // nothing to narrow, or not allowed to: the file's own protection stays what the folder gives it
  }
}

/** A folder of ours (backups, attachments, keys): created private, and an existing one narrowed to its owner. */
export function privateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR })
  narrow(dir)
  return dir
}

/** Every file directly in a folder of ours narrowed to its owner (backups and attachments written by older versions). */
export function narrowAll(dir: string): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) narrow(join(dir, name))
}

/** A temporary name beside `file`, hidden and marked with this process, so a leftover can be told from a live one. */
export function tempBeside(file: string, what = 'part'): string {
  return join(dirname(file), `.${file.slice(dirname(file).length + 1)}.${process.pid}-${randomBytes(4).toString('hex')}.${what}`)
}

/** Whether a temporary file made by `tempBeside` belongs to a process that is gone (killed midway). */
export function isLeftover(name: string): boolean {
  const m = /\.(\d+)-[0-9a-f]{8}\.(part|json|key)(-wal|-shm|-journal)?$/.exec(name)
  if (!m || !name.startsWith('.')) return false
  const pid = Number(m[1])
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    // EPERM: the process exists under another account
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/** Removes the leftovers of killed writers from a folder of ours (never a file another live process is writing). */
export function removeLeftovers(dir: string): string[] {
  if (!existsSync(dir)) return []
  const gone = readdirSync(dir).filter(isLeftover)
  for (const name of gone) rmSync(join(dir, name), { force: true })
  return gone
}

/** Writes a whole file private to its owner: to a temporary name first, then renamed, so a reader never sees half of it. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  const temp = tempBeside(file, 'json')
  writeFileSync(temp, data, { mode: PRIVATE_FILE })
  renameSync(temp, file)
}

/** Copies a file to a new private file and forces it to disk (a copy kept aside must survive a power cut). */
export function copyPrivate(from: string, to: string): void {
  copyFileSync(from, to)
  chmodSync(to, PRIVATE_FILE)
  const fd = openSync(to, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * The database file and its -wal/-shm private to their owner (SQLite gives the -wal and -shm the database
 * file's own mode), and the folder too when it is the program's own data folder. A folder named with --db or
 * DANGBAN_DB is the administrator's choice and keeps its mode; the files in it are still private.
 */
export function privateDatabase(file: string): void {
  if (file === ':memory:' || file.startsWith('file:')) return
  const dir = dirname(resolve(file))
  if (dir === resolve(defaultUserDataDir())) privateDir(dir)
  try {
    // an empty file is a new database to SQLite; made here, it is private from its first byte
    if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE))
  } catch {
    // no folder, or no right to create: SQLite reports it in its own words when it opens the file
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) narrow(file + suffix)
}
