import type { RateCell, RateRow, Rates } from '../../shared/contract/dues'
import { yearMonths, type Month } from '../../shared/dues'
import { isBranchType } from '../../shared/organizations'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { allOrganizations } from '../organizations/repository'
import { lastEnded, membersDues, thisMonth, type OwedMonth } from './ledger'
import { scopeOf } from './views'

const rate = (paid: number, due: number): number | null => (due > 0 ? Math.round((paid / due) * 10000) / 10000 : null)

/**
 * 收缴率 by branch and month (docs/dues.md §6): what was paid for a month over what was owed for it, by the
 * standard in force. Months still to come owe nothing yet; the current month counts as it stands.
 */
export function ratesOf(ctx: CallContext, year: number, organizationId: number | null): Rates {
  const scope = scopeOf(ctx, organizationId)
  const now = thisMonth(ctx)
  const months = yearMonths(year)
  const overdue = settingsOf(ctx)['dues.overdueMonths']
  const cells = new Map<number, Map<Month, { due: number; paid: number }>>()
  const flagged = new Map<number, number>()
  for (const d of membersDues(ctx, `${year}-12`)) {
    let home: number | null = null
    for (const o of d.owed) {
      if (!o.month.startsWith(`${year}-`) || o.month > now || (scope && !scope.has(o.organizationId))) continue
      const byMonth = cells.get(o.organizationId) ?? new Map<Month, { due: number; paid: number }>()
      const c = byMonth.get(o.month) ?? { due: 0, paid: 0 }
      c.due += o.standard?.monthlyFen ?? 0
      c.paid += o.payment?.paidFen ?? 0
      byMonth.set(o.month, c)
      cells.set(o.organizationId, byMonth)
      home = o.organizationId
    }
    if (home !== null && d.run >= overdue) flagged.set(home, (flagged.get(home) ?? 0) + 1)
  }
  const branches = allOrganizations(ctx.db).filter((o) => isBranchType(o.type) && (scope === null || scope.has(o.id)) && (o.status === 'active' || cells.has(o.id)))
  const rowOf = (byMonth: Map<Month, { due: number; paid: number }> | undefined): Omit<RateRow, 'organizationId' | 'organizationName' | 'flagged'> => {
    const list: RateCell[] = months.map((month) => {
      const c = byMonth?.get(month) ?? { due: 0, paid: 0 }
      return { month, dueFen: c.due, paidFen: c.paid, rate: rate(c.paid, c.due) }
    })
    const due = list.reduce((s, c) => s + c.dueFen, 0)
    const paid = list.reduce((s, c) => s + c.paidFen, 0)
    return { months: list, dueFen: due, paidFen: paid, rate: rate(paid, due) }
  }
  const rows = branches.map((b) => ({ organizationId: b.id, organizationName: b.name, ...rowOf(cells.get(b.id)), flagged: flagged.get(b.id) ?? 0 }))
  const all = new Map<Month, { due: number; paid: number }>()
  for (const byMonth of cells.values()) for (const [m, c] of byMonth) all.set(m, { due: (all.get(m)?.due ?? 0) + c.due, paid: (all.get(m)?.paid ?? 0) + c.paid })
  return { year, rows, total: { ...rowOf(all), flagged: rows.reduce((s, r) => s + r.flagged, 0) } }
}

/** How a branch's owed months between two dates were met: the assessment's 按时足额交纳党费 (assessments/auto.ts). */
export interface OnTime {
  owed: number
  /** paid in full within the month itself (or before it) */
  onTime: number
  late: number
  short: number
  unpaid: number
  /** owed months without a base: paid ones count as in full (nothing to compare with) */
  noBase: number
}

export function onTimeOf(ctx: CallContext, organizationId: number, from: string, asOf: string): OnTime {
  const scope = scopeOf(ctx, organizationId)!
  const first = from.slice(0, 7)
  // a month is judged once it has ended
  const ended = lastEnded(ctx)
  const last = asOf.slice(0, 7) < ended ? asOf.slice(0, 7) : ended
  const out: OnTime = { owed: 0, onTime: 0, late: 0, short: 0, unpaid: 0, noBase: 0 }
  const judge = (o: OwedMonth) => {
    out.owed++
    if (!o.standard) out.noBase++
    if (!o.payment) return void out.unpaid++
    if (o.standard && o.payment.paidFen < o.standard.monthlyFen) return void out.short++
    if (o.payment.paidOn.slice(0, 7) > o.month) return void out.late++
    out.onTime++
  }
  for (const d of membersDues(ctx, last)) for (const o of d.owed) if (o.month >= first && o.month <= last && scope.has(o.organizationId)) judge(o)
  return out
}
