import type { assessmentsContract, SchemeRow } from '../../shared/contract/assessments'
import { checkScheme, type Scheme, type SchemeProblem } from '../../shared/rules/scoring'
import { AppError, invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { getScheme, insertScheme, listSchemes, nextVersion, setArchived, updateScheme } from './repository'
import { readSchemeWorkbook, schemeWorkbook } from './scheme-excel'

/** Errors refuse the save with every problem listed; warnings come back with the saved row. */
export function refuseErrors(problems: SchemeProblem[]): SchemeProblem[] {
  const errors = problems.filter((p) => p.level === 'error')
  if (errors.length) {
    throw new AppError(
      'VALIDATION',
      errors.map((p) => `${p.where}：${p.message}`).join('；'),
      errors.map((p) => ({ field: p.where, message: p.message })),
    )
  }
  return problems
}

/** A new scheme (its version numbered within its year and name), audited. */
export function createScheme(ctx: CallContext, scheme: Scheme, basedOn: number | null, from: { unit: string; packageId: string } | null = null): { row: SchemeRow; problems: SchemeProblem[] } {
  const problems = refuseErrors(checkScheme(scheme))
  const id = insertScheme(ctx, scheme, nextVersion(ctx.db, scheme.year, scheme.name), basedOn, from)
  recordAudit(ctx, { entity: 'assessment_scheme', entityId: id, before: null, after: from ? { ...scheme, fromUnit: from.unit, package: from.packageId } : scheme })
  return { row: getScheme(ctx.db, id), problems }
}

type SchemeMethods = Pick<typeof assessmentsContract, 'assessments.schemes' | 'assessments.saveScheme' | 'assessments.copyScheme' | 'assessments.archiveScheme' | 'assessments.exportScheme' | 'assessments.importScheme'>

export const schemeHandlers: Handlers<SchemeMethods> = {
  'assessments.schemes': (_i, ctx) => listSchemes(ctx.db),
  'assessments.saveScheme': ({ id, scheme }, ctx) => {
    if (id === null) return createScheme(ctx, scheme, null)
    const before = getScheme(ctx.db, id)
    // results already given must stay what they were: a scheme in use changes only as a new version
    if (before.usedBy > 0) throw invalid(`该指标体系已用于${before.usedBy}次考评，不能再修改（已有的得分须保持不变）。请“复制为新版本”后修改`)
    if (before.isExample) throw invalid('示例指标体系保持原样，供各院参考：请“复制为新版本”后按本院方案修改')
    // what the 上级 sent stays as sent (docs/exchange.md §5.8): a hospital's changes are its own version
    if (before.fromUnit) throw invalid(`${before.fromUnit}下发的指标体系保持原样：请“复制为新版本”后按本院情况修改`)
    const problems = refuseErrors(checkScheme(scheme))
    updateScheme(ctx, id, scheme)
    if (before.name !== scheme.name || before.year !== scheme.year) {
      ctx.db.prepare('UPDATE assessment_schemes SET version = ? WHERE id = ?').run(nextVersion(ctx.db, scheme.year, scheme.name), id)
    }
    recordAudit(ctx, { entity: 'assessment_scheme', entityId: id, before: before.scheme, after: scheme })
    return { row: getScheme(ctx.db, id), problems }
  },
  'assessments.copyScheme': ({ id, year }, ctx) => {
    const source = getScheme(ctx.db, id)
    return createScheme(ctx, { ...source.scheme, year }, id).row
  },
  'assessments.archiveScheme': ({ id, archived }, ctx) => {
    const before = getScheme(ctx.db, id)
    setArchived(ctx, id, archived)
    recordAudit(ctx, { entity: 'assessment_scheme', entityId: id, before: { archived: before.archived }, after: { archived } })
    return getScheme(ctx.db, id)
  },
  'assessments.exportScheme': async ({ id }, ctx) => {
    const row = getScheme(ctx.db, id)
    return { fileName: `${row.name}（${row.year}年第${row.version}版）.xlsx`, contentBase64: await schemeWorkbook(row) }
  },
  'assessments.importScheme': ({ fileName, contentBase64 }, ctx) => createScheme(ctx, readSchemeWorkbook(Buffer.from(contentBase64, 'base64'), fileName, Number(ctx.now().toISOString().slice(0, 4))), null),
}
