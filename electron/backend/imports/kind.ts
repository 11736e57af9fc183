import type { CallContext } from '../context'
import type { FieldSpec } from '../excel/header'
import type { Cell } from '../excel/read'

export type ImportMode = 'skip' | 'update' | 'fill'

export interface FieldIssue {
  /** field key; the engine turns it into the header text of the file */
  field: string
  message: string
}

/** Another row of the same file, for checks across rows (a parent organization defined further down). */
export interface FileRecord<R> {
  row: number
  record: R
}

export interface Applied {
  action: 'insert' | 'update' | 'skip'
  entityId: number | null
  before: unknown
}

/**
 * One thing that can be imported (organizations, members, …): how a row becomes a record, how it matches an
 * existing one, and how it is written and undone. Validation is the area's own (same module as the forms).
 */
export interface ImportKind<R> {
  kind: string
  label: string
  /** the audit/undo entity name */
  entity: string
  fields: readonly FieldSpec[]
  /** notes for the template's instruction sheet */
  notes: readonly string[]
  /** `label` names a row that could not become a record (its name and branch), so the preview still says whose it is */
  parse(get: (field: string) => Cell | undefined, ctx: CallContext): { record: R | null; issues: FieldIssue[]; label?: string }
  /** identity within a file: two rows with the same key are duplicates */
  keyOf(record: R): string
  /** the column a duplicate is reported on (default: the first field) */
  keyField?: string
  /** checks needing the database or the other rows of the file (`mode`: what will happen to an existing record) */
  check(record: R, ctx: CallContext, file: readonly FileRecord<R>[], mode: ImportMode): FieldIssue[]
  exists(record: R, ctx: CallContext): boolean
  /** in fill mode: whether the record would fill any blank field of the existing one */
  fillsBlanks(record: R, ctx: CallContext): boolean
  /** what writing an existing record will change, as the preview says it ('' = nothing: the row is skipped) */
  changes?(record: R, mode: ImportMode, ctx: CallContext): string
  /** writes one record (called in `order`), inside the commit transaction; must record its own audit */
  apply(record: R, mode: ImportMode, ctx: CallContext): Applied
  /** the order to write records in (parents before children); default: file order */
  order?(records: FileRecord<R>[]): FileRecord<R>[]
  /**
   * The values a coded column may hold (学历, 民族, 所在党支部 …), by field: a row refused for a value not among them is
   * grouped with the other rows writing that value, so the clerk maps it once for all (“把「X」都当作 …”).
   */
  choices?: Readonly<Record<string, (ctx: CallContext) => readonly string[]>>
  /** a short description of the row for the preview table */
  describe(record: R): string
  /** what else now refers to a record this import created (a 支委会 post, an attendance line): it cannot be undone then */
  usedBy?(entityId: number, ctx: CallContext): string | null
  undoInsert(entityId: number, ctx: CallContext): void
  undoUpdate(entityId: number, before: unknown, ctx: CallContext): void
}
