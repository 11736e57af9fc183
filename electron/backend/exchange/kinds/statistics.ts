import { z } from 'zod'
import type { CallContext } from '../../context'
import { annualStatistics } from '../../statistics/annual'
import type { Built, KindSpec } from './kind'

/**
 * 年度党内统计 (docs/exchange.md §5.1): the numbers of the annual statistics at 12月31日 — the same object as
 * `stats annual --json` — and no name list: nobody's 身份证号 or name leaves the hospital in this kind.
 */
type Numbers = number | string | { [key: string]: Numbers }
const numbers: z.ZodType<Numbers> = z.lazy(() => z.union([z.number().finite(), z.string().max(40), z.record(z.string().max(60), numbers)]))

export const statisticsPart = z
  .object({
    year: z.number().int().min(1950).max(2200),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    statistics: z.record(z.string().max(60), numbers),
  })
  .strict()

export function buildStatistics(ctx: CallContext, year: number): Built {
  const asOf = `${year}-12-31`
  const { stats } = annualStatistics(ctx, year, asOf)
  return {
    period: `${year}年度`,
    subject: String(year),
    counts: { members: stats.total, admitted: stats.admitted },
    parts: [{ name: 'statistics.json', json: { year, asOf, statistics: stats } }],
  }
}

export const statisticsKind: KindSpec = { kind: 'annual-statistics', parts: { 'statistics.json': statisticsPart }, receipted: true }
