import { z } from 'zod'
import { id } from '../schemas'
import { method } from './define'

/** What can be imported from Excel. Each kind has a template, a preview and an undoable commit. */
export const IMPORT_KINDS = ['organizations', 'members', 'committees', 'meetings', 'dues-bases'] as const
export type ImportKindName = (typeof IMPORT_KINDS)[number]
export const IMPORT_KIND_LABELS: Record<ImportKindName, string> = { members: '党员', organizations: '党组织', committees: '支委会成员', meetings: '会议台账', 'dues-bases': '党费基数' }

export const IMPORT_MODE_LABELS = { skip: '跳过已有', update: '覆盖更新', fill: '只补空白' } as const

export interface PreviewRow {
  /** the row number as Excel shows it */
  row: number
  action: 'insert' | 'update' | 'skip' | 'error'
  description: string
  /** why a row is skipped */
  reason: string
  issues: { column: string; message: string }[]
}

export interface ImportPreview {
  kind: string
  fileName: string
  sheetName: string
  /** every sheet of the file; `readable`: it has a header this kind recognises (one sheet is imported at a time) */
  sheets: { name: string; readable: boolean }[]
  headerRow: number
  /** required fields no column was matched to (labels); while any is missing no row is judged or written */
  missing: string[]
  /** each header of the file and the field it was matched to; byHand = by the clerk (now or remembered), not our synonyms */
  columns: { header: string; field: string | null; byHand: boolean }[]
  /** the fields this kind understands, for matching a column by hand */
  fields: { key: string; label: string; required: boolean }[]
  rows: PreviewRow[]
  counts: { insert: number; update: number; skip: number; error: number }
  /**
   * Values of a coded column (学历, 民族, 所在党支部 …) that are none of its values, each with the rows that write it
   * and the values to choose from: mapped once, they are read as the chosen value in every row (`values`).
   */
  unknownValues: { field: string; column: string; value: string; rows: number[]; message: string; choices: string[] }[]
  /** the value mappings this file was read with (remembered for this kind, or chosen now) and how many rows they changed */
  mappedValues: { field: string; column: string; value: string; to: string; rows: number }[]
}

/** What an import wrote: rows 新增 / 更新 / 跳过, and the rows left out for their errors (the result panel shows these four). */
export interface ImportResult {
  /** null when nothing was written */
  batchId: number | null
  inserted: number
  updated: number
  skipped: number
  /** rows not imported because of their errors (a row may have several `errors`) */
  errorRows: number
  errors: { row: number; column: string; message: string }[]
}

export interface ImportBatch {
  id: number
  kind: string
  fileName: string
  mode: string
  createdAt: string
  user: string
  inserted: number
  updated: number
  skipped: number
  errors: number
  undoneAt: string | null
  undoneBy: string | null
  /** records changed since the import; non-empty means the batch can no longer be undone */
  /** records changed since the import, by name (a person, an organization, a meeting): undo is refused then */
  blockedBy: string[]
}

/** A file travelling through the contract: base64, so IPC and the HTTP bridge carry it alike. */
export interface FilePayload {
  fileName: string
  contentBase64: string
}

/** the largest file an import reads (excel/read.ts); the window says so before it reads a larger one */
export const IMPORT_MAX_BYTES = 30 * 1024 * 1024
export const TOO_LARGE = '文件超过 30 MB，请拆分后分批导入'

// 30 MB of file ≈ 40 MB of base64
const file = {
  fileName: z.string().min(1, { message: '缺少文件名' }).max(260),
  contentBase64: z.string().min(1, { message: '文件是空的' }).max(42_000_000, { message: TOO_LARGE }),
}
export const importFileInput = z
  .object({
    kind: z.enum(IMPORT_KINDS, { error: '不支持的导入类型' }),
    ...file,
    mode: z.enum(['skip', 'update', 'fill'], { error: '导入方式应为：跳过已有、覆盖更新或只补空白' }).default('skip'),
    sheetName: z.string().max(100).nullable().default(null),
    /** the clerk's own column matches: header as written → field key, or null to ignore that column */
    mapping: z.record(z.string().max(200), z.string().max(50).nullable()).default({}),
    /** the clerk's own value mappings: field key → (a cell's text as read → the value it stands for) */
    values: z.record(z.string().max(50), z.record(z.string().max(200), z.string().max(200))).default({}),
    /** the year a 党费基数 list is for; the other kinds ignore it */
    year: z.number().int().min(2000).max(2200).nullable().default(null),
  })
  .strict()
const kindInput = z.object({ kind: z.enum(IMPORT_KINDS, { error: '不支持的导入类型' }) }).strict()
const batchInput = z.object({ batchId: id('导入批次') }).strict()
const emptyInput = z.object({}).strict()

export const importsContract = {
  // the preview matches each row's ID number against the roster and says whose it is (原值 → 新值): for those who
  // may import only, so it is no oracle for masked ID numbers to a 只读领导; it writes nothing itself
  'imports.preview': method<typeof importFileInput, ImportPreview>(importFileInput, 'write', { transaction: false }),
  'imports.commit': method<typeof importFileInput, ImportResult>(importFileInput, 'write'),
  'imports.errorWorkbook': method<typeof importFileInput, FilePayload>(importFileInput, 'write', { transaction: false }),
  'imports.template': method<typeof kindInput, FilePayload>(kindInput, 'read'),
  'imports.batches': method<typeof emptyInput, ImportBatch[]>(emptyInput, 'read'),
  'imports.undo': method<typeof batchInput, ImportBatch>(batchInput, 'write'),
  /** 恢复默认识别: forget the column matches remembered for this kind */
  'imports.forgetMappings': method<typeof kindInput, { forgotten: number }>(kindInput, 'write'),
}
