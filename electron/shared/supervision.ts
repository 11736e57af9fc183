/**
 * 督查督办 (docs/deadlines.md §6): what the 党委 decides, documents from above and leaders'
 * instructions followed to their end as 督办事项.
 */
export const SUPERVISION_SOURCES = ['meeting', 'document', 'manual'] as const
export type SupervisionSource = (typeof SUPERVISION_SOURCES)[number]
export const SUPERVISION_SOURCE_LABELS: Record<SupervisionSource, string> = { meeting: '会议决议', document: '上级交办', manual: '领导交办' }

/** 立项 → 办理中 → 申请办结 → 办结（销号）; 作废 keeps the record (nothing is deleted) */
export const SUPERVISION_STATUSES = ['registered', 'in_progress', 'completion_requested', 'completed', 'void'] as const
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number]
export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatus, string> = { registered: '立项', in_progress: '办理中', completion_requested: '申请办结', completed: '办结', void: '已作废' }
export const OPEN_STATUSES: readonly SupervisionStatus[] = ['registered', 'in_progress', 'completion_requested']

/** 督办等级 */
export const SUPERVISION_LEVELS = ['normal', 'key', 'urgent'] as const
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number]
export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, string> = { normal: '一般', key: '重点', urgent: '特急' }

/** the steps that may carry files (scans, Word, PDF) */
export const ACTIONS_WITH_FILES: readonly SupervisionAction[] = ['feedback', 'request']

/** What can be done to an item; each is a dated entry on its history. */
export const SUPERVISION_ACTIONS = ['start', 'feedback', 'extend', 'urge', 'request', 'return', 'complete', 'void'] as const
export type SupervisionAction = (typeof SUPERVISION_ACTIONS)[number]
export const SUPERVISION_ACTION_LABELS: Record<SupervisionAction | 'created', string> = {
  created: '立项',
  start: '开始办理',
  feedback: '进展反馈',
  extend: '延期',
  urge: '催办',
  request: '申请办结',
  return: '退回办理',
  complete: '办结（销号）',
  void: '作废',
}

export interface SupervisionRow {
  id: number
  title: string
  source: SupervisionSource
  /** 会议（日期）第N条决议 / 文件号 / 交办领导, in words */
  sourceText: string
  meetingId: number | null
  resolutionSeq: number | null
  major: boolean
  organizationId: number
  organization: string
  leadDepartment: string
  coDepartments: string[]
  responsible: string | null
  level: SupervisionLevel
  assignedOn: string
  /** the current 时限 (after approved 延期) */
  dueOn: string
  status: SupervisionStatus
  /** open and past its 时限 on the day asked (docs/deadlines.md §5) */
  overdue: boolean
  result: string | null
  completedOn: string | null
  voidReason: string | null
  urgeCount: number
  /** the earliest 节点 not yet done (docs/deadlines.md §14) */
  nextMilestone: { title: string; dueOn: string } | null
  /** the 节点 past its date, not done, that makes the item overdue before its 时限 (its title) */
  overdueMilestone: string | null
}

export interface SupervisionEvent {
  id: number
  kind: SupervisionAction | 'created'
  occurredOn: string
  note: string | null
  dueBefore: string | null
  dueAfter: string | null
  approvedBy: string | null
  user: string
  createdAt: string
  /** files attached to a 进展反馈 or 申请办结, withdrawn ones too (marked) */
  attachments: SupervisionAttachment[]
}

/** A file on a 进展反馈 or 申请办结 (docs/deadlines.md §6): never deleted; one attached by mistake is 撤回 with a reason. */
export interface SupervisionAttachment {
  id: number
  fileName: string
  mime: string
  size: number
  createdAt: string
  createdBy: string
  withdrawnAt: string | null
  withdrawnBy: string | null
  withdrawReason: string | null
}

/** 节点 (docs/deadlines.md §14): a dated step before the 时限, marked done with a date and a note. */
export interface SupervisionMilestone {
  id: number
  title: string
  dueOn: string
  doneOn: string | null
  doneNote: string | null
}

export interface SupervisionItem extends SupervisionRow {
  resolutionText: string | null
  documentNo: string | null
  instructedBy: string | null
  events: SupervisionEvent[]
  milestones: SupervisionMilestone[]
}

/** A meeting's decision that became a 督办事项 (the other direction of the link). */
export interface ResolutionSupervision {
  resolutionSeq: number
  id: number
  title: string
  status: SupervisionStatus
}
