import { monthEnd, todayLocal, type IsoDate } from '../../shared/dates'
import type { SupervisionReportData, UrgeSlipData } from '../../shared/print/supervision'
import { invalid } from '../../shared/result'
import { completedBy, departmentTallies, overdueOn } from '../../shared/supervision-rates'
import type { CallContext } from '../context'
import { listItems } from '../supervision/repository'
import { getItem } from '../supervision/service'

export function urgeSlipData(ctx: CallContext, id: number, unitName: string): UrgeSlipData {
  const on = todayLocal(ctx.now())
  return { unitName, item: getItem(ctx, id, on), on }
}

/**
 * The month's 督查通报 (docs/deadlines.md §9): the 台账 as it stood at the month's end — or today, for the month
 * still running (a month not yet begun has nothing to report).
 */
export function supervisionReportData(ctx: CallContext, month: string, unitName: string): SupervisionReportData {
  const today = todayLocal(ctx.now())
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  const end = monthEnd(month)
  if (`${month}-01` > today) throw invalid(`${y}年${m}月还没有到，不能通报：请选择本月或以前的月份`, 'month')
  const asOf: IsoDate = end < today ? end : today
  const rows = listItems(ctx.db, asOf, { orgs: null, status: null })
  const inMonth = (d: string | null) => d !== null && d.slice(0, 7) === month
  const { departments, total } = departmentTallies(rows, asOf)
  return {
    unitName,
    month,
    asOf,
    total,
    departments,
    assigned: rows.filter((r) => r.status !== 'void' && inMonth(r.assignedOn)),
    completed: rows.filter((r) => completedBy(r, asOf) && inMonth(r.completedOn)),
    overdue: rows.filter((r) => overdueOn(r, asOf)).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id),
  }
}
