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

export const appContract = {
  'app.info': method<typeof empty, AppInfo>(empty, 'read'),
  'audit.list': method<typeof auditListInput, AuditEntry[]>(
auditListInput, 'read'),
}

