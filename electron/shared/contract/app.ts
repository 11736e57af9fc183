import { z } from 'zod'
import { empty } from '../schemas'
import { method } from './define'

export interface AppInfo {
  productName: string
  version: string
  /** where the database file is, so the clerk knows what to back up */
  databasePath: string
  schemaVersion: number
  user: string
  /** 'electron' for the desktop app, 'web' for the loopback bridge used in development and tests */
  transport: 'electron' | 'web' | 'cli'
}

export interface AuditEntry {
  id: number
  at: string
  user: string
  method: string
  entity: string
  entityId: number | null
  before: unknown
  after: unknown
}

const auditListInput = z
  .object({
    entity: z.string().max(50).optional(),
    entityId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()

const auditSearchInput = z
  .object({
    user: z.string().max(50).default(''),
    entity: z.string().max(50).default(''),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export const appContract = {
  'app.info': method<typeof empty, AppInfo>(empty, 'read'),
  /** the whole trail, filtered by person, kind of record and date (administrators) */
  'audit.search': method<typeof auditSearchInput, { total: number; rows: AuditEntry[] }>(auditSearchInput, 'admin'),
  'audit.list': method<typeof auditListInput, AuditEntry[]>(
auditListInput, 'read'),
}

