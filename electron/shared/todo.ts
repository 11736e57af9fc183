/**
 * 待办事项: every dated obligation in one list, from one engine (electron/backend/todo/, rules in
 * docs/deadlines.md). `kind` is the Chinese word itself: it is what the 工作台 filters by and what the CLI prints.
 */
export const TODO_KINDS = ['三会一课', '主题党日', '组织生活会', '换届', '预备期满', '积极分子', '督办', '党费'] as const
export type TodoKind = (typeof TODO_KINDS)[number]

export interface TodoItem {
  kind: TodoKind
  /** the 党组织 the item belongs to */
  organization: string
  organizationId: number
  /** the member's name where the item concerns one person */
  person?: string
  memberId?: number
  /** the 督办事项 it is (kind 督办) */
  supervisionId?: number
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
  return a.due.localeCompare(b.due) || a.organization.localeCompare(b.organization, 'zh-CN') || a.subject.localeCompare(b.subject, 'zh-CN')
}
