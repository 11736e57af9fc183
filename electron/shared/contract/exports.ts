import { z } from 'zod'
import { optionalIsoDate } from '../schemas'
import { method } from './define'
import type { FilePayload } from './imports'

/** What can be exported (a dataset = rows with named columns), to our styled sheet or into a higher committee's template. */
export const EXPORT_SOURCES = ['organizations', 'members', 'meetings', 'attendance', 'assessments', 'supervision', 'todo'] as const
export type ExportSource = (typeof EXPORT_SOURCES)[number]

export interface ExportColumn {
  key: string
  label: string
  /** ID number, phone, address: included only when the clerk ticks them, and logged (docs/rules.md §9) */
  sensitive: boolean
}

export interface TemplateInspection {
  sheetName: string
  headerRow: number
  /** their columns, with our field matched to each (remembered mapping first, then synonyms); `numbered`: their
   *  序号 column, which we number 1, 2, 3… when no field is matched to it */
  columns: { header: string; field: string | null; numbered: boolean }[]
  ourColumns: ExportColumn[]
}

/** which organization (with everything under it) and which dates; only the meeting sources use the dates */
export interface ExportScope {
  organizationId: number | null
  from: string | null
  to: string | null
  /** 考评结果: which round (null = the latest) */
  roundId?: number | null
}
const scope = z
  .object({ organizationId: z.number().int().positive().nullable().default(null), from: optionalIsoDate('开始日期'), to: optionalIsoDate('结束日期'), roundId: z.number().int().positive().nullable().default(null) })
  .strict()
  .refine((s) => !s.from || !s.to || s.from <= s.to, { message: '开始日期不能晚于结束日期' })
  .default({ organizationId: null, from: null, to: null, roundId: null })
const source = z.enum(EXPORT_SOURCES, { error: '不支持的导出内容' })
const template = {
  fileName: z.string().min(1).max(260),
  contentBase64: z.string().min(1, { message: '模板文件是空的' }).max(42_000_000, { message: '模板文件超过 30 MB' }),
}
/** an export: the file, and how many rows it holds (the window says so; a file of 0 rows is not a success) */
export interface ExportedFile extends FilePayload {
  rows: number
}

export const exportInput = z
  .object({
    source,
    /** the columns to write, in the dataset's order; left out = every column (an empty list is refused) */
    columns: z.array(z.string().max(50)).max(100).optional(),
    includeSensitive: z.boolean().default(false),
    /** only rows with these ids (e.g. the clerk's current filter); empty = all */
    ids: z.array(z.number().int().positive()).max(100_000).default([]),
    scope,
  })
  .strict()
const inspectInput = z.object({ source, ...template }).strict()
const fillInput = z
  .object({
    source,
    ...template,
    /** their header → our field key (null = we write nothing there and their cells stay as they are; a 序号 column gets 1, 2, 3…) */
    mapping: z.record(z.string().max(200), z.string().max(50).nullable()),
    includeSensitive: z.boolean().default(false),
    /** the same organization and dates as the ordinary export */
    scope,
  })
  .strict()
const sourceInput = z.object({ source }).strict()

export const exportsContract = {
  'exports.columns': method<typeof sourceInput, ExportColumn[]>(sourceInput, 'read'),
  'exports.workbook': method<typeof exportInput, ExportedFile>(exportInput, 'read', { writes: true }),
  'exports.inspectTemplate': method<typeof inspectInput, TemplateInspection>(inspectInput, 'read'),
  'exports.fillTemplate': method<typeof fillInput, FilePayload>(fillInput, 'read', { writes: true }),
}
