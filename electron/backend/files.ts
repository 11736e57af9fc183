import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, extname, join } from 'node:path'
import { invalid } from '../shared/result'
import type { CallContext } from './context'
import { PRIVATE_FILE, privateDir, tempBeside } from './private-files'

/**
 * Files kept with the records (meeting photos and scans, assessment evidence) live in <data folder>/attachments,
 * named by their SHA-256: the same photo twice is stored once, an edit never loses a file, and backups copy the
 * folder as it is (backup/backup.ts). Rows in the database name the files; nothing here deletes one.
 */
export function attachmentDir(ctx: Pick<CallContext, 'databasePath'>): string {
  const base = ctx.databasePath === ':memory:' ? join(tmpdir(), 'dangban-memory-attachments') : join(dirname(ctx.databasePath), 'attachments')
  return privateDir(base)
}

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

export interface StoredFile {
  sha256: string
  mime: string
  size: number
}

/** Keeps a file handed over by the clerk; refuses kinds we cannot show or print. */
export function storeFile(ctx: Pick<CallContext, 'databasePath'>, fileName: string, contentBase64: string, accepted: readonly string[] = Object.keys(MIME)): StoredFile {
  const ext = extname(fileName).toLowerCase()
  const mime = accepted.includes(ext) ? MIME[ext] : undefined
  if (!mime) throw invalid(`附件只支持 ${accepted.map((e) => e.slice(1)).join('、')} 文件`)
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length === 0) throw invalid(`“${fileName}”是空文件`)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const file = join(attachmentDir(ctx), sha256)
  if (!existsSync(file)) {
    // private to the user, and whole or not at all: a file cut short under its hash's name would never be rewritten
    const temp = tempBeside(file)
    writeFileSync(temp, bytes, { mode: PRIVATE_FILE })
    renameSync(temp, file)
  }
  return { sha256, mime, size: bytes.length }
}

/** A kept file's bytes, or a message that says how to get it back. */
export function readStoredFile(ctx: Pick<CallContext, 'databasePath'>, sha256: string, fileName: string): string {
  // a stored name is a content hash, never a path: a record naming "../../etc/passwd" (a crafted backup) reads nothing
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw invalid(`附件“${fileName}”的记录已损坏（文件名不是内容哈希），无法打开：请管理员检查数据库（npm run -s cli -- verify）或从备份恢复`)
  const file = join(attachmentDir(ctx), sha256)
  if (!existsSync(file)) throw invalid(`附件文件“${fileName}”在数据目录中找不到了：请从备份恢复 attachments 文件夹`)
  return readFileSync(file).toString('base64')
}

/** meeting attachments: pictures, PDF, Word and PPT */
export const MEETING_FILE_TYPES = ['.jpg', '.jpeg', '.png', '.gif', '.webp', '.pdf', '.doc', '.docx', '.ppt', '.pptx'] as const
