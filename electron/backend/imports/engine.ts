import { AppError } from '../../shared/result'
import type { ImportPreview, ImportResult, PreviewRow } from '../../shared/contract/imports'
import type { CallContext } from '../context'
import { findHeader, isFooterOrBlank, type HeaderMatch } from '../excel/header'
import { readWorkbook, type Cell, type SheetData } from '../excel/read'
import type { FileRecord, ImportKind, ImportMode } from './kind'
import { inOneChain } from '../audit'
import { createBatch } from './batches'
import { columnOverrides, rememberedHeaders, rememberMapping, rememberValues, valueOverrides, type ColumnMapping, type ValueMapping } from './mappings'
import { cellText, normalizeHeader, normalizeText } from '../excel/normalize'

/** One file as the clerk handed it over, with how to treat existing records and their own column matches. */
export interface ImportFile {
  bytes: Uint8Array
  fileName: string
  mode: ImportMode
  sheetName: string | null
  mapping: ColumnMapping
  /** the clerk's value mappings (“把「X」都当作「Y」”), applied to each cell before its row is read */
  values: ValueMapping
  /** the template's example row (field → text): a row that is exactly it is skipped, never imported */
  example?: Readonly<Record<string, string>>
}

interface Analysis<R> {
  preview: ImportPreview
  valid: FileRecord<R>[]
  sheet: SheetData
  header: HeaderMatch
}

/**
 * Every sheet with the header we recognise in it (or null), and the one to import: the named one, or the first
 * with a header. The preview names the others, so a file of one sheet per branch is not half imported unnoticed.
 */
function pickSheet(workbook: SheetData[], kind: ImportKind<unknown>, sheetName: string | null, overrides: Map<string, string | null>) {
  const found = workbook.map((sheet) => ({ sheet, header: findHeader(sheet.rows, kind.fields, overrides) }))
  const sheets = found.map((f) => ({ name: f.sheet.name, readable: f.header !== null }))
  if (sheetName && !workbook.some((s) => s.name === sheetName)) throw new AppError('VALIDATION', `文件中没有名为“${sheetName}”的工作表`)
  const picked = found.find((f) => f.header && (!sheetName || f.sheet.name === sheetName))
  if (picked) return { sheet: picked.sheet, header: picked.header!, sheets }
  const expected = kind.fields.filter((f) => f.required).map((f) => f.label).join('、')
  throw new AppError('VALIDATION', `没有找到${kind.label}的表头：请确认表格中有一行列名，至少包含：${expected}（可下载导入模板对照）`)
}

/**
 * Reads the file and classifies every data row as 新增 / 更新 / 跳过 / 错误 with reasons per cell —
 * nothing is written. The commit runs exactly this analysis again inside its transaction.
 */
export function analyze<R>(kind: ImportKind<R>, file: ImportFile, ctx: CallContext): Analysis<R> {
  const { bytes, fileName, mode } = file
  const overrides = columnOverrides(ctx, kind.kind, kind.fields, file.mapping)
  const workbook = readWorkbook(bytes, fileName)
  const { sheet, header, sheets } = pickSheet(workbook, kind as ImportKind<unknown>, file.sheetName, overrides)
  const byHand = rememberedHeaders(ctx, kind.kind)
  for (const h of Object.keys(file.mapping)) byHand.add(normalizeHeader(h))
  const headerOf = (field: string): string => {
    for (const [col, key] of header.columns) if (key === field) return header.headers[col] ?? field
    return kind.fields.find((f) => f.key === field)?.label ?? field
  }
  // a required column we could not match: the preview still shows the columns so the clerk can match one by
  // hand; no row is judged until then, and a commit refuses (missingProblem)
  const missing = header.missingRequired.map((f) => f.label)

  const values = valueOverrides(ctx, kind.kind, kind.fields, file.values)
  const mapped = new Map<string, { field: string; value: string; to: string; rows: number }>()
  const parsed: { row: number; record: R | null; issues: { field: string; message: string }[]; label?: string; texts: Map<string, string> }[] = []
  // rows that are the template's example, left in by the clerk: shown as 跳过 and kept out of every check
  const examples = new Set<number>()
  for (let r = header.rowIndex + 1; missing.length === 0 && r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? []
    if (isFooterOrBlank(cells)) continue
    const byField = new Map<string, Cell>()
    // each cell's text as written: a value the row is refused for is grouped by it (unknownValues)
    const texts = new Map<string, string>()
    for (const [col, key] of header.columns) {
      const cell = cells[col]
      if (!cell) continue
      const text = cellText(cell.value)
      texts.set(key, text)
      const to = text ? values.get(key)?.get(text) : undefined
      if (to === undefined) byField.set(key, cell)
      else {
        byField.set(key, { value: to, shown: to, date: null })
        const m = mapped.get(`${key}\u0000${text}`) ?? { field: key, value: text, to, rows: 0 }
        m.rows++
        mapped.set(`${key}\u0000${text}`, m)
      }
    }
    if (file.example && isExample(byField, file.example)) examples.add(r + 1)
    parsed.push({ row: r + 1, ...kind.parse((f) => byField.get(f), ctx), texts })
    if (r % 500 === 0) ctx.progress?.(r, sheet.rows.length, '检查数据')
  }

  // our own error workbook carries each row's 原行号: the clerk fixing it still finds the row in their first file
  const originalCol = header.headers.findIndex((h) => normalizeHeader(h) === '原行号')
  const originalRow = new Map<number, string>()
  if (originalCol >= 0) {
    for (const p of parsed) {
      const n = sheet.rows[p.row - 1]?.[originalCol]?.value
      if (typeof n === 'number') originalRow.set(p.row, `（原文件第 ${n} 行）`)
    }
  }
  const fileRecords = parsed.filter((p) => p.record !== null && !examples.has(p.row)).map((p) => ({ row: p.row, record: p.record as R }))
  const firstRowOfKey = new Map<string, number>()
  const unknown = unknownValues(kind, ctx)
  const rows: PreviewRow[] = []
  const valid: FileRecord<R>[] = []
  for (const p of parsed) {
    if (examples.has(p.row)) {
      rows.push({ row: p.row, action: 'skip', description: p.record ? kind.describe(p.record) : (p.label ?? ''), reason: '模板中的示例行，未导入', issues: [] })
      continue
    }
    const issues = [...p.issues]
    let action: PreviewRow['action'] = 'error'
    let reason = ''
    if (p.record !== null) {
      const key = kind.keyOf(p.record)
      const first = firstRowOfKey.get(key)
      if (first !== undefined) issues.push({ field: kind.keyField ?? kind.fields[0]!.key, message: `与第 ${first} 行重复` })
      else firstRowOfKey.set(key, p.row)
      if (issues.length === 0) issues.push(...kind.check(p.record, ctx, fileRecords, mode))
      if (issues.length === 0) {
        if (!kind.exists(p.record, ctx)) action = 'insert'
        else if (mode === 'skip') [action, reason] = ['skip', '已存在（跳过已有）']
        else if (mode === 'fill' && !kind.fillsBlanks(p.record, ctx)) [action, reason] = ['skip', '已存在且没有需要补充的空白项']
        else {
          // the clerk sees old → new before anything is written; a row that would change nothing is skipped
          const change = kind.changes ? kind.changes(p.record, mode, ctx) : null
          if (change === '') [action, reason] = ['skip', '已存在，内容与现有记录相同']
          else [action, reason] = ['update', change ?? '']
        }
        valid.push({ row: p.row, record: p.record })
      }
    }
    for (const i of issues) unknown.note(p.row, p.texts, i)
    rows.push({
      row: p.row,
      action,
      description: (p.record ? kind.describe(p.record) : (p.label ?? '')) + (originalRow.get(p.row) ?? ''),
      reason,
      issues: issues.map((i) => ({ column: headerOf(i.field), message: i.message })),
    })
  }
  const count = (a: PreviewRow['action']) => rows.filter((r) => r.action === a).length
  return {
    preview: {
      kind: kind.kind,
      fileName,
      sheetName: sheet.name,
      sheets,
      headerRow: header.rowIndex + 1,
      missing,
      columns: header.headers.map((h, i) => ({ header: h, field: header.columns.get(i) ?? null, byHand: byHand.has(normalizeHeader(h)) })),
      fields: kind.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
      rows,
      counts: { insert: count('insert'), update: count('update'), skip: count('skip'), error: count('error') },
      unknownValues: unknown.groups().map((g) => ({ ...g, column: headerOf(g.field) })),
      mappedValues: [...mapped.values()].map((m) => ({ ...m, column: headerOf(m.field) })),
    },
    valid,
    sheet,
    header,
  }
}

/** Why a file cannot be imported as its columns stand, or null. */
export function missingProblem(p: ImportPreview): string | null {
  return p.missing.length ? `表头缺少必填列：${p.missing.join('、')}。请在第 ${p.headerRow} 行补上这些列，或在预览中把文件里的某一列对应为这些字段` : null
}

/** Writes the valid rows (must run inside the caller's transaction) and records the batch for undo. */
export function commit<R>(kind: ImportKind<R>, file: ImportFile, ctx: CallContext): ImportResult {
  const { fileName, mode } = file
  const { preview, valid } = analyze(kind, file, ctx)
  const problem = missingProblem(preview)
  if (problem) throw new AppError('VALIDATION', problem)
  // the clerk's column matches are kept for the next file of this kind (same transaction as the data)
  rememberMapping(ctx, kind.kind, file.mapping)
  rememberValues(ctx, kind.kind, file.values)
  const writable = new Set(preview.rows.filter((r) => r.action === 'insert' || r.action === 'update').map((r) => r.row))
  const ordered = (kind.order ? kind.order(valid) : valid).filter((v) => writable.has(v.row))
  // every record writes its own audit entry: thousands of them, chained from one read of the head
  return inOneChain(ctx, () => {
    const items: { entityId: number; action: 'insert' | 'update'; before: unknown }[] = []
    for (const [n, v] of ordered.entries()) {
      if (n % 200 === 0) ctx.progress?.(n, ordered.length, '写入数据')
      const applied = kind.apply(v.record, mode, ctx)
      if (applied.action !== 'skip' && applied.entityId !== null) items.push({ entityId: applied.entityId, action: applied.action, before: applied.before })
    }
    const inserted = items.filter((i) => i.action === 'insert').length
    const updated = items.filter((i) => i.action === 'update').length
    const errors = preview.rows.flatMap((r) => r.issues.map((i) => ({ row: r.row, column: i.column, message: i.message })))
    const skipped = preview.rows.length - inserted - updated - preview.counts.error
    const batchId = items.length > 0 ? createBatch(ctx, { kind: kind.kind, entity: kind.entity, fileName, mode, inserted, updated, skipped, errors: preview.counts.error }, items) : null
    return { batchId, inserted, updated, skipped, errorRows: preview.counts.error, errors }
  })
}

/**
 * Rows refused for a value of a coded column that is none of its values, grouped by (field, value): the clerk maps
 * each value once, for every row that writes it. A refusal about a known value (a branch the person is not in) is not
 * a matter of spelling and is left alone.
 */
function unknownValues<R>(kind: ImportKind<R>, ctx: CallContext) {
  const lists = new Map<string, readonly string[]>()
  const found = new Map<string, { field: string; value: string; rows: number[]; message: string; choices: string[] }>()
  const choicesOf = (field: string): readonly string[] | null => {
    const list = kind.choices?.[field]
    if (!list) return null
    if (!lists.has(field)) lists.set(field, list(ctx))
    return lists.get(field)!
  }
  return {
    note(row: number, texts: ReadonlyMap<string, string>, issue: { field: string; message: string }): void {
      const value = texts.get(issue.field)
      const choices = choicesOf(issue.field)
      if (!value || !choices || choices.includes(value)) return
      const key = `${issue.field}\u0000${value}`
      const g = found.get(key) ?? { field: issue.field, value, rows: [], message: issue.message, choices: [...choices] }
      if (!g.rows.includes(row)) g.rows.push(row)
      found.set(key, g)
    },
    groups: () => [...found.values()],
  }
}

/** Whether a row holds exactly the template's example (as typed, or as Excel turned its dates into dates). */
function isExample(byField: ReadonlyMap<string, Cell>, example: Readonly<Record<string, string>>): boolean {
  return Object.entries(example).every(([field, text]) => {
    const cell = byField.get(field)
    return !!cell && (cell.date ?? cellText(cell.value)) === normalizeText(text)
  })
}
