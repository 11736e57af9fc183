import type { IsoDate } from './dates'

/**
 * 年度工作要点 / 党建重点项目 (docs/deadlines.md §11): the 党委's plan for the year, run as projects (项目化管理) —
 * each with a 牵头部门, 责任人, 时限 and dated 里程碑 — followed beside the 督办事项.
 */
export const WORK_POINT_KINDS = ['point', 'project'] as const
export type WorkPointKind = (typeof WORK_POINT_KINDS)[number]
export const WORK_POINT_KIND_LABELS: Record<WorkPointKind, string> = { point: '工作要点', project: '党建重点项目' }

/** 推进中 / 已完成 / 逾期 / 已作废 */
export type WorkPointState = 'active' | 'completed' | 'overdue' | 'void'
export const WORK_POINT_STATE_LABELS: Record<WorkPointState, string> = { active: '推进中', completed: '已完成', overdue: '逾期', void: '已作废' }

export interface Milestone {
  title: string
  dueOn: IsoDate
  /** null: not reached yet */
  doneOn: IsoDate | null
}

export interface WorkPoint {
  id: number
  year: number
  kind: WorkPointKind
  title: string
  leadDepartment: string
  responsible: string | null
  dueOn: IsoDate
  completedOn: IsoDate | null
  result: string | null
  milestones: Milestone[]
  state: WorkPointState
  voidReason: string | null
}

/** docs/deadlines.md §11: 完成 once its result is recorded; otherwise overdue from the day after its 时限 */
export function workPointState(p: Pick<WorkPoint, 'completedOn' | 'dueOn'> & { void: boolean }, asOf: IsoDate): WorkPointState {
  if (p.void) return 'void'
  if (p.completedOn !== null && p.completedOn <= asOf) return 'completed'
  return p.dueOn < asOf ? 'overdue' : 'active'
}
