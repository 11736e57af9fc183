import type { ExportScope, exportsContract } from '../../shared/contract/exports'
import { todayLocal, formatChineseDate } from '../../shared/dates'
import { AppError } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { readSettings } from '../settings'
import { findOrganization } from '../organizations/repository'
import { writeStyledWorkbook } from '../excel/styled'
import type { Dataset } from './dataset'
import { DATASETS } from './datasets'
import { fillRows, guessMapping, isSerial, openTheirTemplate, rememberMapping, rememberedMapping, signatureOf } from './template-fill'

/** Sensitive columns leave the building only when asked for; every export is logged (docs/rules.md §9). */
function chosenColumns(ds: Dataset, keys: readonly string[] | undefined, includeSensitive: boolean, ctx?: CallContext) {
  // sensitive columns leave only at the request of someone allowed to change records (not 只读领导)
  if (includeSensitive && ctx?.session.user?.role === 'leader') throw new AppError('FORBIDDEN', '只读账号不能导出身份证号、电话、住址')
  const wanted = keys ? ds.columns.filter((c) => keys.includes(c.key)) : ds.columns
  return wanted.filter((c) => includeSensitive || !c.sensitive)
}

function logExport(ctx: CallContext, what: Record<string, unknown>): void {
  recordAudit(ctx, { entity: 'export', entityId: null, before: null, after: what })
}

export const exportsHandlers: Handlers<typeof exportsContract> = {
  'exports.columns': ({ source }) => DATASETS[source].columns.map(({ key, label, sensitive }) => ({ key, label, sensitive })),

  'exports.workbook': async ({ source, columns, includeSensitive, ids, scope }, ctx) => {
    const ds = DATASETS[source]
    const cols = chosenColumns(ds, columns, includeSensitive, ctx)
    if (cols.length === 0) throw new AppError('VALIDATION', '请至少选择一列')
    const read = ds.rows(ctx, ids, scope)
    const rows = cols.some((c) => c.key === 'serial') ? read.map((r, i) => ({ serial: i + 1, ...r })) : read
    const unit = readSettings(ctx.db)['unit.name']
    const within = [ds.describe?.(ctx, scope), scope.organizationId ? findOrganization(ctx.db, scope.organizationId)?.name : null, ds.dated ? periodText(scope) : null].filter(Boolean).join('    ')
    const today = todayLocal(ctx.now())
    const file = await writeStyledWorkbook([{ name: ds.title, title: ds.title, subtitle: `填报单位：${unit || '＿'.repeat(12)}    ${within ? `${within}    ` : ''}导出日期：${formatChineseDate(today)}    共 ${rows.length} 条`, columns: cols.map((c) => ({ header: c.label, key: c.key, width: c.width, text: c.text, numFmt: c.numFmt })), rows, landscape: ds.landscape ?? cols.length > 8 }])
    logExport(ctx, { source, scope, columns: cols.map((c) => c.key), rows: rows.length, sensitive: cols.some((c) => c.sensitive) })
    return { fileName: `${ds.title}-${today}.xlsx`, contentBase64: file.toString('base64'), rows: rows.length }
  },

  'exports.inspectTemplate': async ({ source, contentBase64 }, ctx) => {
    const ds = DATASETS[source]
    const t = await openTheirTemplate(Buffer.from(contentBase64, 'base64'), ds.columns)
    const mapping = guessMapping(t, ds.columns, rememberedMapping(ctx.db, signatureOf(t)))
    return {
      sheetName: t.sheetName,
      headerRow: t.headerRow,
      columns: [...t.headers.values()].map((header) => ({ header, field: mapping.get(header) ?? null, numbered: isSerial(header) })),
      ourColumns: ds.columns.map(({ key, label, sensitive }) => ({ key, label, sensitive })),
    }
  },

  'exports.fillTemplate': async ({ source, fileName, contentBase64, mapping, includeSensitive, scope }, ctx) => {
    const ds = DATASETS[source]
    const t = await openTheirTemplate(Buffer.from(contentBase64, 'base64'), ds.columns)
    const allowed = new Set(chosenColumns(ds, undefined, includeSensitive, ctx).map((c) => c.key))
    const effective = new Map<string, string | null>()
    for (const header of t.headers.values()) {
      const field = Object.hasOwn(mapping, header) ? mapping[header]! : null
      const column = field ? ds.columns.find((c) => c.key === field) : null
      if (field && !column) throw new AppError('VALIDATION', `“${header}”对应的字段不存在`)
      // never a silently blank column in a form sent upward: the clerk ticks the box or clears the match
      if (column && !allowed.has(column.key)) throw new AppError('VALIDATION', `模板的“${header}”列对应${column.label}（敏感信息）：请先勾选“包含敏感信息”，或把这一列改为留空`)
      effective.set(header, field)
    }
    const rows = ds.rows(ctx, [], scope).map((r, i) => ({ serial: i + 1, ...r }))
    const out = await fillRows(t, effective, rows, new Map(ds.columns.filter((c) => c.numFmt).map((c) => [c.key, c.numFmt!])))
    // the template's column matches and the export's audit entry: one short write once the reading is done
    ctx.db
      .transaction(() => {
        rememberMapping(ctx.db, signatureOf(t), source, Object.fromEntries(effective), ctx.now().toISOString())
        logExport(ctx, { source, scope, template: fileName, rows: rows.length, sensitive: [...effective.values()].some((f) => ds.columns.find((c) => c.key === f)?.sensitive) })
      })
      .immediate()
    return { fileName: fileName.replace(/\.xlsx$/i, '') + '-已填写.xlsx', contentBase64: out.toString('base64') }
  },
}

/** The period a dated export covers, as its subtitle says it: without one, every record so far. */
const periodText = (scope: ExportScope): string =>
  scope.from || scope.to ? `期间：${scope.from ? formatChineseDate(scope.from) : '…'}至${scope.to ? formatChineseDate(scope.to) : '…'}` : '期间：全部记录'
