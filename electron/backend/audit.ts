import type { Database } from 'better-sqlite3'
import { contract, isMethod } from '../shared/contract'
import type { AuditEntry } from '../shared/contract/app'
import { entryPayload, GENESIS } from './audit-chain'
import { signed, signingKey } from './audit-key'
import type { CallContext } from './context'

export interface AuditRecord {
  entity: string
  entityId: number | null
  before: unknown
  after: unknown
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value))

/**
 * A new record's after-image with only the fields that hold a value: a blank field is simply absent. An import
 * of thousands of people writes one entry each, and most of a person's forty fields are empty.
 */
export function filledFields(record: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k in record) {
    const v = (record as Record<string, unknown>)[k]
    if (v !== null && v !== undefined) out[k] = v
  }
  return out
}

/** Who and what an entry is recorded for: the call context, or the system acting on its own (automatic backups). */
export type AuditActor = Pick<CallContext, 'db' | 'now' | 'user' | 'method'>

const chainHead = (db: Database): string => (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS

/** The chain's head while `inOneChain` writes many entries in one transaction. */
const heads = new WeakMap<Database, { hash: string }>()

/**
 * Records one entry, linked to the chain's head. The head is read and the entry written in one write
 * transaction: the caller's (a change and its entry commit together) or, for a method that only reads and then
 * records what it did (a print, an export, a sign-in), a short IMMEDIATE transaction of its own, taken after
 * the reading is done. Read outside a write transaction, the head can be stale — a background import holds the
 * write lock on its own connection for seconds — and the entry would link to the head from before the import:
 * the chain forks and every later check reports tampering.
 */
export function recordAudit(ctx: AuditActor, rec: AuditRecord): void {
  if (isMethod(ctx.method) && !contract[ctx.method].writes) {
    throw new Error(`${ctx.method} records an audit entry but is declared as not writing: add { writes: true } to its declaration in electron/shared/contract`)
  }
  if (ctx.db.inTransaction) appendEntry(ctx, rec)
  else ctx.db.transaction(() => appendEntry(ctx, rec)).immediate()
}

function appendEntry(ctx: AuditActor, rec: AuditRecord): void {
  const head = heads.get(ctx.db)
  const prev = head ? head.hash : chainHead(ctx.db)
  const at = ctx.now().toISOString()
  const before = json(rec.before)
  const after = json(rec.after)
  // keyed (audit-key.ts): an entry that this PC accepts can only be written by a program holding the key
  const hash = signed(signingKey(), entryPayload(prev, at, ctx.user, ctx.method, rec.entity, rec.entityId, before, after))
  ctx.db
    .prepare(
      `INSERT INTO audit_log (at, user, method, entity, entity_id, before_json, after_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(at, ctx.user, ctx.method, rec.entity, rec.entityId, before, after, prev, hash)
  if (head) head.hash = hash
}

/**
 * Runs `write` — thousands of entries in the caller's transaction, as an import writes them — reading the chain's
 * head once instead of before every entry. The transaction's write lock keeps every other connection from adding
 * entries meanwhile; `write` must not roll back part of its work and carry on (no caught savepoint errors): when
 * it throws, the caller's whole transaction is rolled back and the head is forgotten here.
 */
export function inOneChain<T>(ctx: AuditActor, write: () => T): T {
  if (!ctx.db.inTransaction) throw new Error('inOneChain: the entries must be written in one transaction')
  heads.set(ctx.db, { hash: chainHead(ctx.db) })
  try {
    return write()
  } finally {
    heads.delete(ctx.db)
  }
}

interface AuditRow {
  id: number
  at: string
  user: string
  method: string
  entity: string
  entity_id: number | null
  before_json: string | null
  after_json: string | null
  prev_hash: string
  hash: string
}

export function listAudit(db: Database, filter: { entity?: string; entityId?: number; limit: number }): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY id DESC LIMIT @limit`,
    )
    .all({ entity: filter.entity ?? null, entityId: filter.entityId ?? null, limit: filter.limit }) as AuditRow[]
  return rows.map(toEntry)
}

// 党费计算基数 is income: hidden like the ID number
const SENSITIVE = new Set(['idNumber', 'id_number', 'phone', 'address', 'baseFen', 'base_fen'])

/** Audit entries shown to anyone but an administrator hide the sensitive fields of the records they carry. */
export function maskSensitive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSensitive)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SENSITIVE.has(k) && v ? '（已隐藏）' : maskSensitive(v)]))
  return value
}

export function searchAudit(db: Database, f: { user: string; entity: string; from: string | null; to: string | null; page: number; pageSize: number }): { total: number; rows: AuditEntry[] } {
  const where = `WHERE (@user = '' OR user LIKE '%' || @user || '%') AND (@entity = '' OR entity = @entity)
    AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < date(@to, '+1 day'))`
  const params = { user: f.user, entity: f.entity, from: f.from, to: f.to }
  const total = db.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(params) as number
  const rows = db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as AuditRow[]
  return { total, rows: rows.map(toEntry) }
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  user: r.user,
  method: r.method,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before_json ? JSON.parse(r.before_json) : null,
  after: r.after_json ? JSON.parse(r.after_json) : null,
})

export { checkAuditChain, verifyAuditChain } from './audit-chain'
