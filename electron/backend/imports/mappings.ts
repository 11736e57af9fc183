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

/** 恢复默认识别: forget every remembered match for this kind, of columns and of values. */
export function forgetMappings(ctx: CallContext, kind: string): number {
  return ctx.db.prepare('DELETE FROM import_column_mappings WHERE kind = ?').run(kind).changes + ctx.db.prepare('DELETE FROM import_value_mappings WHERE kind = ?').run(kind).changes
}

/** field key → (a cell's text as read → the value it stands for): the clerk's “把「X」都当作「Y」” */
export type ValueMapping = Readonly<Record<string, Readonly<Record<string, string>>>>

/** The clerk's earlier value mappings for this kind, then this file's own (which win), as field → text → value. */
export function valueOverrides(ctx: CallContext, kind: string, fields: readonly FieldSpec[], values: ValueMapping): Map<string, Map<string, string>> {
  const known = new Set(fields.map((f) => f.key))
  for (const field of Object.keys(values)) if (!known.has(field)) throw new AppError('VALIDATION', `要对应值的字段“${field}”不存在，请重新选择`)
  const out = new Map<string, Map<string, string>>()
  const put = (field: string, value: string, to: string): void => {
    if (!out.has(field)) out.set(field, new Map())
    out.get(field)!.set(value, to)
  }
  const remembered = ctx.db.prepare('SELECT field, value, mapped_to FROM import_value_mappings WHERE kind = ?').all(kind) as { field: string; value: string; mapped_to: string }[]
  for (const r of remembered) if (known.has(r.field)) put(r.field, r.value, r.mapped_to)
  for (const [field, byValue] of Object.entries(values)) for (const [value, to] of Object.entries(byValue)) put(field, value, to)
  return out
}

/** Keeps this file's value mappings for next time (inside the commit's transaction). */
export function rememberValues(ctx: CallContext, kind: string, values: ValueMapping): void {
  const upsert = ctx.db.prepare(
    `INSERT INTO import_value_mappings (kind, field, value, mapped_to, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, field, value) DO UPDATE SET mapped_to = excluded.mapped_to, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  )
  for (const [field, byValue] of Object.entries(values)) for (const [value, to] of Object.entries(byValue)) upsert.run(kind, field, value, to, ctx.now().toISOString(), ctx.user)
}
