import type { Ledger, LedgerCell, LedgerRow, StandardRow, Standards } from '../../shared/contract/dues'
import { yearMonths, type Month } from '../../shared/dues'
import { AppError } from '../../shared/result'
import { maskIdNumber } from '../../shared/rules/id-number'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { allOrganizations, descendantIds } from '../organizations/repository'
import { lastEnded, membersDues, thisMonth, trackedFrom, type MemberDues } from './ledger'
import { zhCompare } from '../../shared/zh-compare'

/** The organizations a list covers: one and those under it, or all (null). */
export const scopeOf = (ctx: CallContext, organizationId: number | null): Set<number> | null => (organizationId === null ? null : new Set(descendantIds(ctx.db, organizationId)))
export const orgNames = (ctx: CallContext): Map<number, string> => new Map(allOrganizations(ctx.db).map((o) => [o.id, o.name]))

/**
 * The year of everyone who owes something in it to the organizations in scope. The ledger's views see the months
 * the ledger keeps; `untracked` adds those before its start (the standards: who was liable that year at all).
 */
export function yearDues(ctx: CallContext, year: number, scope: Set<number> | null, ids: readonly number[] | null = null, untracked = false): { dues: MemberDues[]; through: Month } {
  const end = `${year}-12`
  const through = lastEnded(ctx) < end ? lastEnded(ctx) : end
  const dues = membersDues(ctx, end, { through, ids, from: untracked ? `${year}-01` : undefined }).filter((d) => d.owed.some((o) => o.month.startsWith(`${year}-`) && (scope === null || scope.has(o.organizationId))))
  return { dues, through }
}

/** 收缴台账: month × member for one year, owed months of this scope with their standard and payment. */
export function ledgerOf(ctx: CallContext, year: number, organizationId: number | null): Ledger {
  const scope = scopeOf(ctx, organizationId)
  const { dues, through } = yearDues(ctx, year, scope)
  const names = orgNames(ctx)
  const settings = settingsOf(ctx)
  const months = yearMonths(year)
  const now = thisMonth(ctx)
  const start = trackedFrom(ctx, settings)
  const rows = dues.map((d): LedgerRow => {
    const mine = d.owed.filter((o) => o.month.startsWith(`${year}-`) && (scope === null || scope.has(o.organizationId)))
    const cells = months.map((month): LedgerCell => {
      const o = mine.find((x) => x.month === month)
      const elsewhere = d.owed.find((x) => x.month === month)
      const p = o?.payment ?? null
      const why = o ? null : elsewhere ? `${names.get(elsewhere.organizationId) ?? '其他支部'}` : month < start ? '台账起始前' : '不需交纳'
      return { month, owed: !!o, why, dueFen: o?.standard?.monthlyFen ?? null, paymentId: p?.id ?? null, paidFen: p?.paidFen ?? null, paidOn: p?.paidOn ?? null, method: p?.method ?? null, backPay: !!p && p.paidOn.slice(0, 7) > month }
    })
    const sofar = mine.filter((o) => o.month <= now)
    const last = mine.at(-1) ?? d.owed.at(-1)!
    const home = last.organizationId
    return {
      memberId: d.member.id,
      name: d.member.name,
      idNumber: ctx.transport === 'cli' ? d.member.idNumber : maskIdNumber(d.member.idNumber),
      organizationId: home,
      organizationName: names.get(home) ?? '',
      category: last.standard?.category ?? null,
      monthlyFen: last.standard?.monthlyFen ?? null,
      cells,
      dueFen: sofar.reduce((s, o) => s + (o.standard?.monthlyFen ?? 0), 0),
      paidFen: sofar.reduce((s, o) => s + (o.payment?.paidFen ?? 0), 0),
      unpaidMonths: mine.filter((o) => o.month <= through && !o.payment).length,
      unpaidRun: d.run,
      flagged: d.run >= settings['dues.overdueMonths'],
      noBase: mine.some((o) => !o.standard),
    }
  })
  rows.sort((a, b) => zhCompare(a.organizationName, b.organizationName) || zhCompare(a.name, b.name))
  return { year, organizationId, months, through, trackedFrom: start, overdueMonths: settings['dues.overdueMonths'], rows }
}

/**
 * Each member's standard for the year: the base in force at the last owed month of the year (with the earlier
 * ones it replaced). The base is income: masked unless asked for by a role that may see it, and that look is
 * audited (like members.reveal). The command line, the machine's administrator, always sees it in full.
 */
export function standardsOf(ctx: CallContext, year: number, organizationId: number | null, reveal: boolean): Standards {
  const cli = ctx.transport === 'cli'
  if (reveal && !cli && ctx.session.user?.role === 'leader') throw new AppError('FORBIDDEN', '只读账号不能查看党费计算基数（收入信息）')
  const scope = scopeOf(ctx, organizationId)
  const { dues } = yearDues(ctx, year, scope, null, true)
  const names = orgNames(ctx)
  const shown = cli || reveal
  const rows = dues.flatMap((d): StandardRow[] => {
    const mine = d.owed.filter((o) => o.month.startsWith(`${year}-`) && (scope === null || scope.has(o.organizationId)))
    const last = mine.at(-1)
    if (!last) return []
    // the month this standard applies from: when its base took effect, or when this year's dues began
    const first = mine[0]!.month
    const from = last.base && last.base.fromMonth > first ? last.base.fromMonth : first
    const earlier = mine.filter((o) => o.month < from && o.standard).reduce<{ fromMonth: Month; monthlyFen: number }[]>((list, o) => (list.at(-1)?.monthlyFen === o.standard!.monthlyFen ? list : [...list, { fromMonth: o.month, monthlyFen: o.standard!.monthlyFen }]), [])
    const s = last.standard
    return [
      {
        baseId: last.base?.id ?? null,
        memberId: d.member.id,
        name: d.member.name,
        idNumber: cli ? d.member.idNumber : maskIdNumber(d.member.idNumber),
        organizationName: names.get(last.organizationId) ?? '',
        category: s?.category ?? null,
        baseFen: shown ? (s?.baseFen ?? null) : null,
        rateBp: s?.rateBp ?? null,
        monthlyFen: s?.monthlyFen ?? null,
        fromMonth: from,
        source: last.base?.source ?? null,
        decision: last.base?.decision ?? null,
        note: last.base?.note ?? null,
        earlier,
      },
    ]
  })
  rows.sort((a, b) => zhCompare(a.organizationName, b.organizationName) || zhCompare(a.name, b.name))
  if (reveal && !cli) recordAudit(ctx, { entity: 'dues_base', entityId: null, before: null, after: { revealed: 'base', year, organizationId, people: rows.length } })
  return { year, masked: !shown, rows }
}
