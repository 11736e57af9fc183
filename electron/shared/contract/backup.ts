import { z } from 'zod'
import { method } from './define'

export interface BackupInfo {
  file: string
  createdAt: string
  reason: string
  size: number
  ok: boolean
  integrity: string
  schemaVersion: number
  /** row counts of the main tables, so the clerk recognises what is inside */
  counts: Record<string, number>
  sha256?: string
}

export interface VerifyResult {
  integrity: string
  auditChain: { ok: boolean; count: number; brokenAt?: number }
}

const createInput = z.object({ dir: z.string().max(500).nullable().default(null), reason: z.string().max(100).default('手动备份') }).strict()
const listInput = z.object({ dir: z.string().max(500).nullable().default(null) }).strict()
const emptyInput = z.object({}).strict()

export const backupContract = {
  // 'read': a backup changes nothing in the data; it runs outside any transaction (SQLite's online backup)
  'backup.create': method<typeof createInput, BackupInfo>(createInput, 'read'),
  'backup.list': method<typeof listInput, BackupInfo[]>(listInput, 'read'),
  'backup.verify': method<typeof emptyInput, VerifyResult>(emptyInput, 'read'),
}
