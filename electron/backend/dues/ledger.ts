import { todayLocal } from '../../shared/dates'
import { addMonth, isMonth, type Month } from '../../shared/dues'
import { standardOf, type Standard } from '../../shared/rules/dues'
import { liableMonths, unpaidRun, type LiableMonth } from '../../shared/rules/dues-months'
import type { Settings } from '../../shared/settings'
import type { CallContext } from '../context'
import { settingsOf } from '../memo'
import { basesByMember, duesMembers, firstEntryMonth, paymentsByMember, type BaseRow, type DuesMember, type PaymentRow } from './repository'

/** One owed month of one member: its branch, its standard (null: no base set yet) and its payment. */
export interface OwedMonth extends LiableMonth {
  standard: Standard | null
  base: BaseRow | null
  payment: PaymentRow | null
}

export interface MemberDues {
  member: DuesMember
  /** every owed month from the start of the ledger to the end of the span asked for */
  owed: OwedMonth[]
  /** unpaid months in a row up to `through` (党章 第九条 counts six) */
  run: number
}

type Ctx = Pick<CallContext, 'db' | 'now'>

export const thisMonth = (ctx: Ctx): Month => todayLocal(ctx.now()).slice(0, 7)
/** the last month that has ended: dues for the current month are not late until it is over */
export const lastEnded = (ctx: Ctx): Month => addMonth(thisMonth(ctx), -1)

/**
 * The first month this ledger keeps (docs/dues.md §4): the setting, else the month the first base or payment was
 * entered for, else this month. Months before it are not in the ledger: nobody is counted behind for months no
 * one ever recorded here.
 */
export function trackedFrom(ctx: Ctx, settings: Settings = settingsOf(ctx as CallContext)): Month {
  const set = settings['dues.ledgerFrom']
  if (typeof set === 'string' && isMonth(set)) return set
  return firstEntryMonth(ctx.db) ?? thisMonth(ctx)
}

/** The base in force in a month: the latest that took effect by then (a base carries into later years until replaced). */
export function baseIn(bases: readonly BaseRow[] | undefined, month: Month): BaseRow | null {
  let found: BaseRow | null = null
  for (const b of bases ?? []) if (b.fromMonth <= month) found = b
  return found
}

export const standardFrom = (b: BaseRow | null, settings: Settings): Standard | null => (b ? standardOf(b.category, b.baseFen, settings, b.reducedFen) : null)

/**
 * What each member owes and paid from the start of the ledger to `to`, with the unpaid run as of `through`
 * (the last ended month, or the end of a past year). `ids` narrows to some people (a payment, a print).
 * `from` earlier than the ledger's start also lists the owed months before it (who was liable in a year,
 * whatever was kept here): they never count in the unpaid run.
 */
export function membersDues(ctx: Ctx, to: Month, options: { ids?: readonly number[] | null; through?: Month; from?: Month } = {}): MemberDues[] {
  const settings = settingsOf(ctx as CallContext)
  const start = trackedFrom(ctx, settings)
  const first = options.from && options.from < start ? options.from : start
  const through = options.through ?? (lastEnded(ctx) < to ? lastEnded(ctx) : to)
  const ids = options.ids ?? null
  const members = duesMembers(ctx.db, ids)
  const bases = basesByMember(ctx.db, ids)
  const last = to > through ? to : through
  const payments = paymentsByMember(ctx.db, first, last, ids)
  return members.map((member) => {
    const mine = bases.get(member.id)
    const paid = payments.get(member.id) ?? new Map<Month, PaymentRow>()
    const owed = liableMonths(member.history, first, last).map((l) => {
      const base = baseIn(mine, l.month)
      return { ...l, base, standard: standardFrom(base, settings), payment: paid.get(l.month) ?? null }
    })
    const run = unpaidRun(owed.filter((o) => o.month >= start).map((o) => o.month), new Set(paid.keys()), through)
    return { member, owed, run }
  })
}

/** The months a member owes, with their branch: for checking one payment or one base. */
export function owedMonthsOf(ctx: Ctx, memberId: number, from: Month, to: Month): LiableMonth[] {
  const [m] = duesMembers(ctx.db, [memberId])
  return m ? liableMonths(m.history, from, to) : []
}

/** Why a month is not owed by this member, in the clerk's words (null when it is owed). */
export function notOwedReason(m: DuesMember, month: Month, owed: readonly LiableMonth[]): string | null {
  if (owed.some((o) => o.month === month)) return null
  const h = m.history
  const joined = h.joinedOn?.slice(0, 7)
  if (!joined || month < joined) return `${m.name}${joined ? `于${h.joinedOn}入党（支部大会通过），从${joined}起交纳党费` : '还不是党员'}，${month}不需交纳`
  const out = h.transfers.filter((t) => t.type === 'out' && t.on.slice(0, 7) <= month).at(-1)
  if (out) return `${m.name}已于${out.on}转出${out.paidTo ? `（党费交至${out.paidTo}）` : ''}，${month}的党费不在本单位交纳`
  const lastSpan = [...h.memberships].sort((a, b) => a.from.localeCompare(b.from)).at(-1)
  if (lastSpan?.to && lastSpan.to.slice(0, 7) <= month) return `${m.name}已于${lastSpan.to}离开名册，${month}不需交纳`
  const arrived = h.transfers.filter((t) => t.type === 'in' && t.paidTo && t.paidTo >= month).at(-1)
  if (arrived) return `${m.name}转入时介绍信注明党费已交至${arrived.paidTo}，${month}不需在本单位交纳`
  if (h.suspensions.some((s) => s.from.slice(0, 7) <= month && (s.to === null || s.to.slice(0, 7) > month))) return `${m.name}${month}处于停止党籍期间，不需交纳`
  return `${m.name}${month}不需在本单位交纳党费`
}
