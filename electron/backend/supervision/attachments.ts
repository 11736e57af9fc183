import { AppError, invalid, notFound } from '../../shared/result'
import type { CallContext } from '../context'
import { readStoredFile, storeFile, type StoredFile } from '../files'

/**
 * Files on a 进展反馈 or 申请办结 (docs/deadlines.md §6): kept by content hash like meeting scans (files.ts), listed
 * under their step, never deleted — one attached by mistake is 撤回 with a reason and stays listed, marked.
 */
export type KeptFile = StoredFile & { fileName: string }

/** Keeps every file, or refuses the first that cannot be kept, under the field of the form that holds them. */
export function keepFiles(ctx: CallContext, files: readonly { fileName: string; contentBase64: string }[]): KeptFile[] {
  return files.map((f) => {
    try {
      return { ...storeFile(ctx, f.fileName, f.contentBase64), fileName: f.fileName }
    } catch (error) {
      throw error instanceof AppError ? invalid(error.message, 'files') : error
    }
  })
}

export function attachFiles(ctx: CallContext, eventId: number, files: readonly KeptFile[], at: string): void {
  const add = ctx.db.prepare('INSERT INTO supervision_attachments (event_id, sha256, file_name, mime, size, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
  for (const f of files) add.run(eventId, f.sha256, f.fileName, f.mime, f.size, at, ctx.user)
}

interface AttachmentRow {
  itemId: number
  fileName: string
  mime: string
  sha256: string
  withdrawnAt: string | null
}

export function findAttachment(ctx: CallContext, id: number): AttachmentRow {
  const a = ctx.db
    .prepare('SELECT e.item_id AS itemId, a.file_name AS fileName, a.mime, a.sha256, a.withdrawn_at AS withdrawnAt FROM supervision_attachments a JOIN supervision_events e ON e.id = a.event_id WHERE a.id = ?')
    .get(id) as AttachmentRow | undefined
  if (!a) throw notFound('该附件')
  return a
}

export function readAttachment(ctx: CallContext, id: number): { fileName: string; mime: string; contentBase64: string } {
  const a = findAttachment(ctx, id)
  return { fileName: a.fileName, mime: a.mime, contentBase64: readStoredFile(ctx, a.sha256, a.fileName) }
}
