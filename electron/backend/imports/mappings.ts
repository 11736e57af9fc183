import { AppError } from '../../shared/result'
import type { CallContext } from '../context'
import type { FieldSpec } from '../excel/header'
import { normalizeHeader } from '../excel/normalize'

/** header as written → field key, or null = ignore this column */
export type ColumnMapping = Readonly<Record<string, string | null>>

/** The clerk's earlier matches for this kind of import, then this file's own (which win). */
export function columnOverrides(ctx: CallContext, kind: string, fields: readonly FieldSpec[], mapping: ColumnMapping): Map<string, string | null> {
  const known = new Set(fields.map((f) => f.key))
  for (const [header, field] of Object.entries(mapping)) {
    if (field !== null && !known.has(field)) throw new AppError('VALIDATION', `“${header}”对应的字段不存在，请重新选择`)
  }
  const remembered = ctx.db.prepare('SELECT header, field FROM import_column_mappings WHERE kind = ?').all(kind) as { header: string; field: string | null }[]
  const out = new Map<string, string | null>(remembered.filter((r) => r.field === null || known.has(r.field)).map((r) => [r.header, r.field]))
  for (const [header, field] of Object.entries(mapping)) out.set(normalizeHeader(header), field)
  return out
}

/** Which headers of the preview were matched by a remembered or explicit choice rather than our synonym table. */
export function rememberedHeaders(ctx: CallContext, kind: string): Set<string> {
  return new Set(ctx.db.prepare('SELECT header FROM import_column_mappings WHERE kind = ?').pluck().all(kind) as string[])
}

/** Keeps this file's explicit matches for next time (inside the commit's transaction). */
export function rememberMapping(ctx: CallContext, kind: string, mapping: ColumnMapping): void {
  const upsert = ctx.db.prepare(
    `INSERT INTO import_column_mappings (kind, header, field, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, header) DO UPDATE SET field = excluded.field, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  )
  for (const [header, field] of Object.entries(mapping)) upsert.run(kind, normalizeHeader(header), field, ctx.now().toISOString(), ctx.user)
}

/** 恢复默认识别: forget every remembered match for this kind. */
export function forgetMappings(ctx: CallContext, kind: string): number {
  return ctx.db.prepare('DELETE FROM import_column_mappings WHERE kind = ?').run(kind).changes
}
