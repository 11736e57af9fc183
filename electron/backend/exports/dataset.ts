import type { ExportColumn, ExportScope } from '../../shared/contract/exports'
import type { CallContext } from '../context'

export interface DatasetColumn extends ExportColumn {
  /** header names in other people's templates that mean this column */
  synonyms: readonly string[]
  width?: number
  text?: boolean
  /** an Excel number format for the column's numbers, e.g. '0.0%' */
  numFmt?: string
}

/** One exportable table: its columns and how to read its rows (values already as a clerk reads them). */
export interface Dataset {
  title: string
  columns: readonly DatasetColumn[]
  rows(ctx: CallContext, ids: readonly number[], scope: ExportScope): Record<string, unknown>[]
  landscape?: boolean
  /** whether the rows are chosen by the period (meetings, attendance); the others ignore it and never print one */
  dated?: boolean
  /** what the rows are about, for the line under the title (e.g. which 考评) */
  describe?(ctx: CallContext, scope: ExportScope): string
}

export const col = (key: string, label: string, synonyms: string[] = [], extra: Partial<DatasetColumn> = {}): DatasetColumn => ({ key, label, synonyms, sensitive: false, ...extra })

/**
 * 序号, the first column of every form a clerk hands over (docs/export-columns.md): numbered by the export in the
 * order the rows come, never stored. Left out of matching their templates, which number their own 序号.
 */
export const SERIAL = col('serial', '序号', [], { width: 6 })
