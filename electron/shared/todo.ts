import { addDays, daysBetween, formatIso, monthEnd, type IsoDate } from './dates'
import type { MeetingType } from './meetings'
import { zhCompare } from './zh-compare'

/**
 * 待办事项: every dated obligation in one list, from one engine (electron/backend/todo/, rules in
 * docs/deadlines.md). `kind` is the Chinese word itself: it is what the 工作台 filters by and what the CLI prints.
 */
export const TODO_KINDS = ['三会一课', '主题党日', '组织生活会', '换届', '预备期满', '积极分子', '发展对象', '督办', '党费', '政治生日'] as const
export type TodoKind = (typeof TODO_KINDS)[number]

/**
 * The kinds the CLI's `todo --json` prints: its output contract fixes `kind` to these eight words
 * (docs/deadlines.md, “命令行”); 发展对象 and 政治生日 are shown on the 工作台 only.
 */
export const CLI_TODO_KINDS: readonly TodoKind[] = ['三会一课', '主题党日', '组织生活会', '换届', '预备期满', '积极分子', '督办', '党费']

export interface TodoItem {
  kind: TodoKind
  /** the 党组织 the item belongs to */
  organization: string
  organizationId: number
  /** the member's name where the item concerns one person */
  person?: string
  memberId?: number
  /** the meeting type still to be held (三会一课, 主题党日, 组织生活会): what 新建会议记录 starts with */
  meetingType?: MeetingType
  /** the 督办事项 it is (kind 督办) */
  supervisionId?: number
  /** the 年度工作要点 / 重点项目 it is (kind 督办, docs/deadlines.md §11) */
  workPointId?: number
  subject: string
  /** the last day on which it is on time (docs/deadlines.md: overdue from the day after) */
  due: string
  overdue: boolean
  /** the rule that produced it, cited from docs/deadlines.md */
  rule: string
}

/** Overdue first, then the soonest due date; ties by organization and subject so the list is stable. */
export function byUrgency(a: TodoItem, b: TodoItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  // due dates are YYYY-MM-DD: their character order is their date order
  const due = a.due < b.due ? -1 : a.due > b.due ? 1 : 0
  return due || zhCompare(a.organization, b.organization) || zhCompare(a.subject, b.subject)
}

/**
 * The 工作台's periods: the items to handle by the end of a period, overdue ones always among them.
 */
export const PERIODS = [
  { value: 'overdue', label: '已逾期' },
  { value: 'week', label: '7天内' },
  { value: 'month', label: '本月内' },
  { value: 'quarter', label: '本季度内' },
  { value: 'all', label: '全部' },
] as const
export type Period = (typeof PERIODS)[number]['value']

/** the last day a period's items are due by (null: no limit); overdue items belong to every period */
export function periodEnd(period: Period, today: IsoDate): IsoDate | null {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))]
  if (period === 'week') return addDays(today, 7)
  if (period === 'month') return monthEnd(today)
  if (period === 'quarter') return monthEnd(formatIso(y, Math.ceil(m / 3) * 3, 1))
  return null
}

export function inPeriod(item: TodoItem, period: Period, today: IsoDate): boolean {
  if (item.overdue) return true
  if (period === 'overdue') return false
  const end = periodEnd(period, today)
  return end === null || item.due <= end
}

/** 逾期 12 天 / 今天到期 / 还有 5 天 / 已过 3 天 (a kind that is never overdue: 积极分子, 政治生日) */
export function dueText(item: TodoItem, today: IsoDate): string {
  const days = daysBetween(today, item.due)
  if (item.overdue) return `逾期 ${-days} 天`
  if (days < 0) return `已过 ${-days} 天`
  return days === 0 ? '今天到期' : `还有 ${days} 天`
}
