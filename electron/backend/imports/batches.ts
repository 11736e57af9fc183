import { someNames } from '../../shared/text'
import { AppError } from '../../shared/result'
import type { ImportBatch } from '../../shared/contract/imports'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { ImportKind } from './kind'

interface BatchFacts {
  kind: string
  entity: string
  fileName: string
  mode: string
  inserted: number
  updated: number
  skipped: number
  errors: number
}

export function createBatch(ctx: CallContext, facts: BatchFacts, items: { entityId: number; action: 'insert' | 'update'; before: unknown }[]): number {
  recordAudit(ctx, { entity: 'import_batch', entityId: null, before: null, after: { ...facts, items: items.length } })
  const lastAudit = ctx.db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number
  const batchId = Number(
    ctx.db
      .prepare(
        `INSERT INTO import_batches (kind, file_name, mode, created_at, user, inserted, updated, skipped, errors, last_audit_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(facts.kind, facts.fileName, facts.mode, ctx.now().toISOString(), ctx.user, facts.inserted, facts.updated, facts.skipped, facts.errors, lastAudit).lastInsertRowid,
  )
  const insert = ctx.db.prepare('INSERT INTO import_batch_items (batch_id, seq, entity, entity_id, action, before_json) VALUES (?, ?, ?, ?, ?, ?)')
  items.forEach((item, seq) => insert.run(batchId, seq, facts.entity, item.entityId, item.action, item.before === null || item.before === undefined ? null : JSON.stringify(item.before)))
  return batchId
}

interface BatchRow {
  id: number
  kind: string
  file_name: string
  mode: string
  created_at: string
  user: string
  inserted: number
  updated: number
  skipped: number
  errors: number
  last_audit_id: number
  undone_at: string | null
  undone_by: string | null
}

export function listBatches(ctx: CallContext): ImportBatch[] {
  const rows = ctx.db.prepare('SELECT * FROM import_batches ORDER BY id DESC LIMIT 200').all() as BatchRow[]
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    mode: r.mode,
    createdAt: r.created_at,
    user: r.user,
    inserted: r.inserted,
    updated: r.updated,
    skipped: r.skipped,
    errors: r.errors,
    undoneAt: r.undone_at,
    undoneBy: r.undone_by,
    blockedBy: r.undone_at ? [] : editedSince(ctx, r),
  }))
}

/** how an edited record is named to the clerk, by audit entity */
const NAME_OF: Record<string, string> = {
  member: 'SELECT name FROM members WHERE id = ?',
  organization: 'SELECT name FROM organizations WHERE id = ?',
  meeting: "SELECT held_on || ' ' || title FROM meetings WHERE id = ?",
  committee_post: 'SELECT m.name FROM committee_posts p JOIN members m ON m.id = p.member_id WHERE p.id = ?',
}

/** Records of the batch changed after the import (by anyone, any method), by name: undoing would lose that work. */
function editedSince(ctx: CallContext, batch: BatchRow): string[] {
  const edited = ctx.db
    .prepare(
      `SELECT DISTINCT a.entity, a.entity_id AS id FROM audit_log a
       JOIN import_batch_items i ON i.entity = a.entity AND i.entity_id = a.entity_id
       WHERE i.batch_id = ? AND a.id > ?`,
    )
    .all(batch.id, batch.last_audit_id) as { entity: string; id: number }[]
  return edited.map((e) => {
    const sql = NAME_OF[e.entity]
    return (sql ? (ctx.db.prepare(sql).pluck().get(e.id) as string | undefined) : undefined) ?? `${e.entity}#${e.id}`
  })
}

/** Undoes a whole batch in reverse order, or refuses (with the reason) when any of its records changed since. */
export function undoBatch(ctx: CallContext, batchId: number, kinds: ReadonlyMap<string, ImportKind<unknown>>): ImportBatch {
  const batch = ctx.db.prepare('SELECT * FROM import_batches WHERE id = ?').get(batchId) as BatchRow | undefined
  if (!batch) throw new AppError('NOT_FOUND', '该导入批次不存在')
  if (batch.undone_at) throw new AppError('CONFLICT', `该批次已于 ${batch.undone_at.slice(0, 10)} 由 ${batch.undone_by} 撤销`)
  const edited = editedSince(ctx, batch)
  if (edited.length > 0) {
    throw new AppError('CONFLICT', `该批次导入的 ${edited.length} 条记录在导入后又被修改过（${someNames(edited)}），整批撤销会丢失这些修改，因此不能撤销。请逐条修改`)
  }
  const kind = kinds.get(batch.kind)
  if (!kind) throw new AppError('INTERNAL', `未知的导入类型：${batch.kind}`)
  const items = ctx.db.prepare('SELECT * FROM import_batch_items WHERE batch_id = ? ORDER BY seq DESC').all(batchId) as {
    entity_id: number
    action: 'insert' | 'update'
    before_json: string | null
  }[]
  const used = kind.usedBy ? items.filter((i) => i.action === 'insert').flatMap((i) => kind.usedBy!(i.entity_id, ctx) ?? []) : []
  if (used.length > 0) {
    throw new AppError('CONFLICT', `该批次导入的记录已被其他记录用到（${someNames(used)}），整批撤销会让这些记录失去对象，因此不能撤销`)
  }
  try {
    for (const item of items) {
      if (item.action === 'insert') kind.undoInsert(item.entity_id, ctx)
      else kind.undoUpdate(item.entity_id, item.before_json ? JSON.parse(item.before_json) : null, ctx)
    }
  } catch (error) {
    // anything else still pointing at a record (its own transaction rolls every step back)
    if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new AppError('CONFLICT', '该批次导入的记录已被其他记录引用，整批撤销未执行，未作任何修改')
    throw error
  }
  ctx.db.prepare('UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?').run(ctx.now().toISOString(), ctx.user, batchId)
  recordAudit(ctx, { entity: 'import_batch', entityId: batchId, before: null, after: { undone: true, items: items.length } })
  return listBatches(ctx).find((b) => b.id === batchId)!
}
