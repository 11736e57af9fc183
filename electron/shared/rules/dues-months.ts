import { addDays, type IsoDate } from '../dates'
import { addMonth, type Month } from '../dues'

/**
 * Which months a member owes dues for, to which branch (docs/dues.md §3). Pure: the backend reads the history
 * from the roster (memberships, events) and hands it here.
 *
 *   - A month is owed when the member is a party member of one of our branches on its first day, and also the
 *     month they became one: 预备党员 pay from the day the 支部大会 accepted them, so the month of 入党日期 counts
 *     (中组发〔2008〕3号).
 *   - 转入: the receiving branch collects from the month after the one the transfer letter says dues were paid to
 *     (党费交至); without that month, from the month of the transfer. 转出: owed here up to that month; without it,
 *     by the first-day rule (the month of the transfer counts unless it happened on the 1st).
 *   - 出党 and death end the membership: the month they happen in still counts unless it was the 1st.
 *   - 停止党籍: no dues for a month whose first day falls in the suspension; the month 党籍 is restored counts again
 *     (like the month of joining).
 *   - A move between our branches: each month belongs to the branch the member was in on its first day.
 */
export interface MembershipSpan {
  organizationId: number
  from: IsoDate
  /** exclusive; null = still there */
  to: IsoDate | null
}

export interface DuesHistory {
  /** 入党日期 (the 支部大会 acceptance); null for someone who is not (yet) a party member */
  joinedOn: IsoDate | null
  memberships: readonly MembershipSpan[]
  transfers: readonly { type: 'in' | 'out'; on: IsoDate; paidTo: Month | null }[]
  suspensions: readonly { from: IsoDate; to: IsoDate | null }[]
}

export interface LiableMonth {
  month: Month
  /** the branch the month's dues belong to */
  organizationId: number
}

const monthOf = (date: IsoDate): Month => date.slice(0, 7)
const firstOf = (month: Month): IsoDate => `${month}-01`

interface Segment {
  start: IsoDate
  end: IsoDate | null
  spans: MembershipSpan[]
}

/** The spans during which the person was a party member here, joined where one ends the day the next begins (a move). */
function segments(h: DuesHistory): Segment[] {
  if (!h.joinedOn) return []
  const joined = h.joinedOn
  const spans = [...h.memberships]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((s) => ({ ...s, from: s.from < joined ? joined : s.from }))
    .filter((s) => s.to === null || s.to > s.from)
  const out: Segment[] = []
  for (const s of spans) {
    const last = out.at(-1)
    if (last && last.end !== null && last.end === s.from) {
      last.spans.push(s)
      last.end = s.to
    } else out.push({ start: s.from, end: s.to, spans: [s] })
  }
  return out
}

/** Every owed month between `from` and `to` (both included), in order, each with its branch. */
export function liableMonths(h: DuesHistory, from: Month, to: Month): LiableMonth[] {
  const seen = new Set<Month>()
  const out: LiableMonth[] = []
  for (const seg of segments(h)) {
    const arrived = h.transfers.find((t) => t.type === 'in' && t.on === seg.start)
    const left = seg.end === null ? undefined : h.transfers.find((t) => t.type === 'out' && t.on === seg.end)
    const first = arrived?.paidTo ? addMonth(arrived.paidTo, 1) : monthOf(seg.start)
    const lastDay = seg.end === null ? null : addDays(seg.end, -1)
    const last = left?.paidTo ? left.paidTo : lastDay === null ? to : monthOf(lastDay)
    for (let m = first < from ? from : first; m <= last && m <= to; m = addMonth(m, 1)) {
      // the day that decides the month: its first, but never before the arrival or after the last day here
      let probe = firstOf(m) < seg.start ? seg.start : firstOf(m)
      if (lastDay !== null && probe > lastDay) probe = lastDay
      if (seen.has(m) || h.suspensions.some((s) => s.from <= probe && (s.to === null || monthOf(s.to) > m))) continue
      const span = seg.spans.find((s) => s.from <= probe && (s.to === null || probe < s.to)) ?? seg.spans.at(-1)!
      seen.add(m)
      out.push({ month: m, organizationId: span.organizationId })
    }
  }
  return out.sort((a, b) => a.month.localeCompare(b.month))
}

/**
 * Unpaid months in a row, counted back from `through` (the last month that has ended): the 党章 第九条 case is
 * this reaching six. Months not owed (before joining, during a suspension) neither count nor break the run.
 */
export function unpaidRun(owed: readonly Month[], paid: ReadonlySet<Month>, through: Month): number {
  let run = 0
  for (let i = owed.length - 1; i >= 0; i--) {
    const m = owed[i]!
    if (m > through) continue
    if (paid.has(m)) break
    run++
  }
  return run
}
