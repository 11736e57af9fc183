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
