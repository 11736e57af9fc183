import { z } from 'zod'
import { todayLocal } from '../../../shared/dates'
import { MEETING_TYPE_LABELS } from '../../../shared/meetings'
import { invalid } from '../../../shared/result'
import type { CallContext } from '../../context'
import { complianceGrid } from '../../meetings/compliance'
import type { Built, KindSpec } from './kind'

/**
 * 组织生活达标 (docs/exchange.md §5.6): for a finished year, every branch × required meeting type × period with the
 * number required and held and whether it was met — the 达标情况 table, counted the same way (complete records only).
 * No names of people.
 */
export const compliancePart = z
  .object({
    year: z.number().int().min(1950).max(2200),
    summary: z.object({ ok: z.number().int().min(0), missing: z.number().int().min(0), exempt: z.number().int().min(0) }).strict(),
    cells: z
      .array(
        z
          .object({
            organizationUid: z.string().max(80),
            organizationName: z.string().max(200),
            type: z.string().max(40),
            typeLabel: z.string().max(40),
            period: z.string().max(20),
            required: z.number().int().min(0),
            held: z.number().int().min(0),
            status: z.enum(['ok', 'missing', 'exempt']),
            reason: z.string().max(500).nullable(),
          })
          .strict(),
      )
      .max(100_000),
  })
  .strict()

export function buildCompliance(ctx: CallContext, year: number, installationId: string): Built {
  // an unfinished year has periods still to come: they would read as 未达标 at the other end
  if (`${year}-12-31` >= todayLocal(ctx.now())) throw invalid(`${year}年尚未结束，组织生活达标情况在年度结束后上报`, 'year')
  const cells = complianceGrid(ctx, `${year}-01-01`, `${year}-12-31`, null).map((c) => ({
    organizationUid: `${installationId}/org/${c.organizationId}`,
    organizationName: c.organization,
    type: c.type,
    typeLabel: MEETING_TYPE_LABELS[c.type],
    period: c.period,
    required: c.required,
    held: c.held,
    status: c.status,
    reason: c.reason,
  }))
  const count = (s: string) => cells.filter((c) => c.status === s).length
  const summary = { ok: count('ok'), missing: count('missing'), exempt: count('exempt') }
  return { period: `${year}年度`, subject: String(year), counts: { branches: new Set(cells.map((c) => c.organizationUid)).size, ...summary }, parts: [{ name: 'compliance.json', json: { year, summary, cells } }] }
}

export const complianceKind: KindSpec = { kind: 'organizational-life', parts: { 'compliance.json': compliancePart }, receipted: true }
