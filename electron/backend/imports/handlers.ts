import type { importsContract } from '../../shared/contract/imports'
import { AppError } from '../../shared/result'
import type { Handlers } from '../handler'
import { listBatches, undoBatch } from './batches'
import { analyze, commit, type ImportFile } from './engine'
import { forgetMappings } from './mappings'
import { buildErrorWorkbook } from './error-workbook'
import { IMPORTS, IMPORT_KINDS_BY_NAME } from './registry'
import { buildTemplate } from './template'
import type { ImportKind } from './kind'
import { duesBaseImport, requireYear } from './kinds/dues-bases'

function entry(kind: string) {
  const e = IMPORTS.get(kind)
  if (!e) throw new AppError('VALIDATION', `不支持的导入类型：${kind}`)
  return e
}
/** the kind that reads this file: a 党费基数 list is read for the year it was sent with */
const kindFor = (i: { kind: string; year: number | null }) => (i.kind === 'dues-bases' ? (duesBaseImport(requireYear(i.year)) as ImportKind<unknown>) : entry(i.kind).kind)
const fileOf = (i: { kind: string; contentBase64: string; fileName: string; mode: 'skip' | 'update' | 'fill'; sheetName: string | null; mapping: Record<string, string | null>; values: Record<string, Record<string, string>> }): ImportFile => ({
  bytes: Buffer.from(i.contentBase64, 'base64'),
  fileName: i.fileName,
  mode: i.mode,
  sheetName: i.sheetName,
  mapping: i.mapping,
  values: i.values,
  example: entry(i.kind).template.example,
})

export const importsHandlers: Handlers<typeof importsContract> = {
  'imports.preview': (i, ctx) => analyze(kindFor(i), fileOf(i), ctx).preview,
  // the same analysis, run again inside the write transaction: what is written is what the rules allow now
  'imports.commit': (i, ctx) => commit(kindFor(i), fileOf(i), ctx),
  'imports.errorWorkbook': (i, ctx) => {
    const a = analyze(kindFor(i), fileOf(i), ctx)
    return buildErrorWorkbook(a.preview, a.sheet)
  },
  'imports.template': (i) => buildTemplate(entry(i.kind).kind, entry(i.kind).template),
  'imports.batches': (_i, ctx) => listBatches(ctx),
  'imports.undo': (i, ctx) => undoBatch(ctx, i.batchId, IMPORT_KINDS_BY_NAME),
  'imports.forgetMappings': (i, ctx) => ({ forgotten: forgetMappings(ctx, i.kind) }),
}
