import { createHash } from 'node:crypto'
import { z } from 'zod'
import { schemeInput } from '../../../shared/contract/assessments'
import { invalid } from '../../../shared/result'
import { checkScheme, type Scheme } from '../../../shared/rules/scoring'
import { getScheme } from '../../assessments/repository'
import { createScheme } from '../../assessments/schemes'
import type { CallContext } from '../../context'
import type { OpenedPackage } from '../package-file'
import type { Built, KindSpec } from './kind'

/**
 * 考评指标体系 sent downward (docs/exchange.md §5.8): the higher committee's scheme, checked at the hospital with the
 * very schema and rules a scheme typed in there must pass (contract/assessments.ts schemeInput, rules/scoring.ts
 * checkScheme). It lands as a new scheme version marked with the 上级's name — never over the hospital's own.
 */
export const schemePart = z.object({ version: z.number().int().min(1), scheme: schemeInput }).strict()
type SchemePart = z.infer<typeof schemePart>

/** the same scheme (name and year) from the same sender: a newer package of it supersedes the older (§6) */
export const schemeSubject = (s: { name: string; year: number }): string => `scheme-${s.year}-${createHash('sha256').update(s.name).digest('hex').slice(0, 16)}`

/** the errors (not the warnings) of checkScheme in one line, or null: at either end, a scheme with errors does not travel */
function errorsOf(s: Scheme): string | null {
  const errors = checkScheme(s).filter((p) => p.level === 'error')
  return errors.length ? errors.map((p) => `${p.where}：${p.message}`).join('；') : null
}

export function buildScheme(ctx: CallContext, schemeId: number): Built {
  const row = getScheme(ctx.db, schemeId)
  if (row.archived) throw invalid(`指标体系“${row.name}”已停用，不能下发`, 'schemeId')
  const errors = errorsOf(row.scheme)
  if (errors) throw invalid(`指标体系“${row.name}”有错误，请先改正：${errors}`, 'schemeId')
  const part: SchemePart = { version: row.version, scheme: row.scheme as SchemePart['scheme'] }
  return {
    period: `${row.name.slice(0, 80)}（${row.year}年第${row.version}版）`,
    subject: schemeSubject(row.scheme),
    counts: { dimensions: row.scheme.dimensions.length, indicators: row.scheme.dimensions.reduce((n, d) => n + d.indicators.length, 0) },
    parts: [{ name: 'scheme.json', json: part }],
  }
}

const schemeOf = (opened: OpenedPackage): Scheme => (opened.parts.get('scheme.json') as SchemePart).scheme as Scheme

export const schemeKind: KindSpec = {
  kind: 'assessment-scheme',
  parts: { 'scheme.json': schemePart },
  problem: (_ctx, opened) => {
    const errors = errorsOf(schemeOf(opened))
    return errors ? `收到的指标体系有错误（${errors}），不能导入。请上级改正后重新下发` : null
  },
  // a new version numbered after any of the same name and year held here: the hospital's own is never touched
  apply: (ctx, opened) => {
    createScheme(ctx, schemeOf(opened), null, { unit: opened.manifest.sender.unitName, packageId: opened.manifest.packageId })
  },
  receipted: true,
}
