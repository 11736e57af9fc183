import type { IsoDate } from './dates'
import type { SupervisionRow } from './supervision'
import { zhCompare } from './zh-compare'

/**
 * 办结率 and 按时办结率 of the 督办台账 as of a day, by 牵头部门 (docs/deadlines.md §8). Written once: the
 * 督查督办 screen, the 督查通报 and the Excel 台账 all read these numbers.
 */
export interface SupervisionTally {
  /** 事项数: items 立项 by the day, 作废 ones left out */
  items: number
  /** 已办结 by the day */
  completed: number
  /** of those, 办结 on or before their 时限 */
  onTime: number
  /** 应办结: items whose 时限 has come by the day, plus those already 办结 */
  due: number
  /** open on the day and past their 时限 */
  overdue: number
  /** completed / items; null when there are no items */
  completionRate: number | null
  /** onTime / due; null when nothing was due yet */
  onTimeRate: number | null
}

export interface DepartmentTally extends SupervisionTally {
  department: string
}

/** Whether an item counts as 办结 on `asOf` (an item closed later was still open then). */
export const completedBy = (r: SupervisionRow, asOf: IsoDate): boolean => r.status === 'completed' && r.completedOn !== null && r.completedOn <= asOf

/** docs/deadlines.md §5: open on the day and past its 时限 (the current one, after approved 延期) */
export const overdueOn = (r: SupervisionRow, asOf: IsoDate): boolean => r.status !== 'void' && r.assignedOn <= asOf && !completedBy(r, asOf) && r.dueOn < asOf

export function tally(rows: readonly SupervisionRow[], asOf: IsoDate): SupervisionTally {
  const live = rows.filter((r) => r.status !== 'void' && r.assignedOn <= asOf)
  const completed = live.filter((r) => completedBy(r, asOf))
  const onTime = completed.filter((r) => r.completedOn! <= r.dueOn).length
  const due = live.filter((r) => completedBy(r, asOf) || r.dueOn <= asOf).length
  return {
    items: live.length,
    completed: completed.length,
    onTime,
    due,
    overdue: live.filter((r) => overdueOn(r, asOf)).length,
    completionRate: live.length ? completed.length / live.length : null,
    onTimeRate: due ? onTime / due : null,
  }
}

/** The tally of each 牵头部门 (most items first), then the whole hospital's as the last line. */
export function departmentTallies(rows: readonly SupervisionRow[], asOf: IsoDate): { departments: DepartmentTally[]; total: SupervisionTally } {
  const names = [...new Set(rows.filter((r) => r.status !== 'void' && r.assignedOn <= asOf).map((r) => r.leadDepartment))]
  const departments = names
    .map((department) => ({ department, ...tally(rows.filter((r) => r.leadDepartment === department), asOf) }))
    .sort((a, b) => b.items - a.items || zhCompare(a.department, b.department))
  return { departments, total: tally(rows, asOf) }
}

/** 66.7%, or — when there is nothing to divide */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`)
