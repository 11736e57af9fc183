import type { FieldIssue } from '../result'
import { OPEN_STATUSES, SUPERVISION_STATUS_LABELS, type SupervisionAction, type SupervisionStatus } from '../supervision'

/**
 * The life of a 督办事项 (docs/deadlines.md §6): 立项 → 办理中 → 申请办结 → 办结（销号）. 进展反馈, 延期 and 催办 are
 * possible while it is open and leave the status as it is; 申请办结 can be 退回 to 办理中; 作废 ends any item that
 * is not void yet. Answers the new status, or why the action is not possible now.
 */
export function nextStatus(status: SupervisionStatus, action: SupervisionAction): { status: SupervisionStatus } | { problem: string } {
  const open = OPEN_STATUSES.includes(status)
  const now = SUPERVISION_STATUS_LABELS[status]
  switch (action) {
    case 'start':
      return status === 'registered' ? { status: 'in_progress' } : { problem: `事项已是“${now}”，不能再开始办理` }
    case 'feedback':
    case 'extend':
    case 'urge':
      return open ? { status } : { problem: `事项已${now}，不能再${action === 'feedback' ? '反馈进展' : action === 'extend' ? '延期' : '催办'}` }
    case 'request':
      return status === 'registered' || status === 'in_progress' ? { status: 'completion_requested' } : { problem: `事项为“${now}”，不能申请办结` }
    case 'return':
      return status === 'completion_requested' ? { status: 'in_progress' } : { problem: '只有“申请办结”的事项可以退回办理' }
    case 'complete':
      return status === 'completion_requested' ? { status: 'completed' } : { problem: `事项为“${now}”：须先由承办部门申请办结，才能办结（销号）` }
    case 'void':
      return status === 'void' ? { problem: '事项已作废' } : { status: 'void' }
  }
}

/**
 * 节点 of an item (docs/deadlines.md §14): each with its words and a date after the 立项日期 and not after the 时限; no
 * two alike. Answers every problem, each under the milestone's own field (`milestones.N.title` / `.dueOn`).
 */
export function milestoneIssues(milestones: readonly { title: string; dueOn: string }[], assignedOn: string, dueOn: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  const seen = new Set<string>()
  milestones.forEach((m, n) => {
    const at = (field: string, message: string) => issues.push({ field: `milestones.${n}.${field}`, message: `第${n + 1}个节点：${message}` })
    if (m.dueOn <= assignedOn) at('dueOn', `日期（${m.dueOn}）应晚于立项日期（${assignedOn}）`)
    else if (m.dueOn > dueOn) at('dueOn', `日期（${m.dueOn}）不能晚于办理时限（${dueOn}）`)
    if (seen.has(m.title)) at('title', `“${m.title}”与前面的节点重复`)
    seen.add(m.title)
  })
  return issues
}

/** 逾期 (docs/deadlines.md §5, §14): open, and past its 时限 or the date of a 节点 not done; answers the 节点's title when it is one. */
export function overdueBy(status: SupervisionStatus, dueOn: string, next: { title: string; dueOn: string } | null, asOf: string): { overdue: boolean; milestone: string | null } {
  if (!OPEN_STATUSES.includes(status)) return { overdue: false, milestone: null }
  if (next && next.dueOn < asOf) return { overdue: true, milestone: next.title }
  return { overdue: dueOn < asOf, milestone: null }
}
