import type { ResolutionSupervision } from './supervision'
/** 会议记录 (meetings): 三会一课 and the rest (docs/rules.md §2). One meeting may count as several types. */
export const MEETING_TYPES = ['party_congress', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'appraisal', 'standing_committee', 'study_group'] as const
export type MeetingType = (typeof MEETING_TYPES)[number]
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  party_congress: '支部党员大会',
  committee_meeting: '支部委员会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  appraisal: '民主评议党员',
  standing_committee: '党委会',
  study_group: '理论学习中心组学习',
}
/** Types a branch holds (三会一课 and the rest); 党委会 and 中心组 are hospital-level. */
export const BRANCH_MEETING_TYPES: readonly MeetingType[] = ['party_congress', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'appraisal']

export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent', 'observer', 'excluded'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { present: '出席', leave: '请假', absent: '缺席', observer: '列席', excluded: '不计应到' }

/** 三重一大 (docs/rules.md §7): decisions that must go to the 党委会 collectively. */
export const MAJOR_CATEGORIES = ['decision', 'appointment', 'project', 'funds'] as const
export type MajorCategory = (typeof MAJOR_CATEGORIES)[number]
export const MAJOR_CATEGORY_LABELS: Record<MajorCategory, string> = { decision: '重大决策', appointment: '重要人事任免', project: '重大项目安排', funds: '大额度资金使用' }

export interface Resolution {
  text: string
  category: MajorCategory | null
  yes: number | null
  no: number | null
  abstain: number | null
}

export interface AttendanceEntry {
  memberId: number
  name: string
  /** 正式党员 vote; 预备党员 attend without voting */
  voting: boolean
  status: AttendanceStatus
  reason: string | null
  makeupOn: string | null
  makeupNote: string | null
}

export interface AttachmentInfo {
  id: number
  fileName: string
  mime: string
  size: number
  sha256: string
}

export interface MeetingFields {
  organizationId: number
  types: MeetingType[]
  title: string
  heldOn: string
  startTime: string | null
  endTime: string | null
  place: string | null
  host: string | null
  recorder: string | null
  lecturer: string | null
  observers: string | null
  agenda: string | null
  discussion: string | null
  minutes: string | null
  /** ledger counts, when there is no attendance list (三会一课台账) */
  expectedCount: number | null
  presentCount: number | null
  resolutions: Resolution[]
}

export interface Meeting extends MeetingFields {
  id: number
  organizationName: string
  source: 'form' | 'ledger'
  status: 'active' | 'void'
  attendance: AttendanceEntry[]
  attachments: AttachmentInfo[]
  /** what keeps it from counting toward compliance; empty when complete */
  missing: string[]
  quorum: { expectedVoting: number; presentVoting: number; met: boolean } | null
  /** decisions that became 督办事项 (the link's other direction, docs/deadlines.md §6) */
  supervision: ResolutionSupervision[]
  createdAt: string
  updatedAt: string
}

export interface MeetingRow {
  id: number
  organizationId: number
  organizationName: string
  types: MeetingType[]
  title: string
  heldOn: string
  host: string | null
  recorder: string | null
  expected: number | null
  present: number | null
  complete: boolean
  attachments: number
  /** a short piece of text around the search hit */
  snippet: string | null
}

/** A start for a new record: a per-type agenda skeleton, or a copy of the last record of the same types. */
export interface MeetingStart {
  title: string
  agenda: string
  place: string | null
  host: string | null
  recorder: string | null
  /** the record copied, or null when the skeleton was used */
  copiedFrom: { id: number; heldOn: string; title: string } | null
}
