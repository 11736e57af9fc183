import { DECEASED_REASON } from './leaving'

/**
 * 党员名册 (member roster): the people of the roster, including those on the way in (docs/rules.md §3, §5).
 * Stored values are English identifiers; the labels are what the clerk reads.
 */
export const STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const
export type Stage = (typeof STAGES)[number]
export const STAGE_LABELS: Record<Stage, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
}
/** 党员 in the strict sense: 预备党员 and 正式党员 (人员类别). */
export const isPartyMember = (s: Stage): boolean => s === 'probationary' || s === 'full'

/** 党籍状态 and leaving: 正常 / 停止党籍, or no longer on the roster (出党, 转出). */
export const MEMBER_STATUSES = ['normal', 'suspended', 'left', 'transferred_out'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { normal: '正常', suspended: '停止党籍', left: '已出党', transferred_out: '已转出' }

export { LEAVE_REASONS, LEAVE_REASON_LABELS, DECEASED_REASON, type LeaveReason } from './leaving'

/**
 * Leaving the roster without leaving the party: a person in development who is no longer developed, and a
 * 预备党员 whose qualification is cancelled (党章 第七条). Stored as status 'left' with this reason; they are not
 * 出党 and are not counted as such by the statistics.
 */
export const DROPPED_REASON = '停止发展'
export const CANCELLED_REASON = '取消预备党员资格'

/** What the roster says about a person's status, in the clerk's words (the stored status alone says 'left'). */
export function statusLabel(m: { status: MemberStatus; leftReason: string | null }): string {
  if (m.status === 'left' && m.leftReason === DECEASED_REASON) return '已去世'
  if (m.status === 'left' && m.leftReason === DROPPED_REASON) return '已停止发展'
  if (m.status === 'left' && m.leftReason === CANCELLED_REASON) return '已取消预备党员资格'
  return MEMBER_STATUS_LABELS[m.status]
}

/** fields masked everywhere unless deliberately shown (the brief: ID, phone, address), and audited when they are */
export const SENSITIVE_FIELDS = ['idNumber', 'phone', 'address'] as const
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number]
export const isSensitive = (field: string): field is SensitiveField => (SENSITIVE_FIELDS as readonly string[]).includes(field)

export const OCCUPATIONS = ['专业技术人员', '管理人员', '工人（工勤技能人员）', '党政机关工作人员', '学生', '离退休人员', '其他'] as const

export const COMMITTEE_POSTS = ['secretary', 'deputy_secretary', 'organization', 'propaganda', 'discipline', 'youth', 'united_front', 'secrecy', 'member'] as const
export type CommitteePost = (typeof COMMITTEE_POSTS)[number]
export const COMMITTEE_POST_LABELS: Record<CommitteePost, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  propaganda: '宣传委员',
  discipline: '纪检委员',
  youth: '青年委员',
  united_front: '统战委员',
  secrecy: '保密委员',
  member: '委员',
}

/** Every dated fact of the development process (发展党员 25 steps, docs/rules.md §3). */
export interface LifecycleDates {
  appliedOn: string | null
  talkedOn: string | null
  activistOn: string | null
  contacts: string | null
  candidateOn: string | null
  politicalReviewOn: string | null
  trainingHours: number | null
  trainingTo: string | null
  introducers: string | null
  preReviewOn: string | null
  /** 入党日期 = the 支部大会 admission vote */
  joinedOn: string | null
  approvedOn: string | null
  oathOn: string | null
  conversionAppliedOn: string | null
  /** 转正日期 = end of probation (1 year, or after the extension) */
  convertedOn: string | null
  extensionMonths: number | null
}

export interface MemberFields extends LifecycleDates {
  name: string
  gender: '男' | '女'
  idNumber: string | null
  ethnicity: string | null
  birthDate: string | null
  education: string | null
  degree: string | null
  title: string | null
  department: string | null
  position: string | null
  adminPost: string | null
  partyPost: string | null
  occupation: string | null
  phone: string | null
  address: string | null
  residence: string | null
  hukou: string | null
  nativePlace: string | null
  workStartedOn: string | null
  /** 党龄校正值, in months (negative or positive) */
  partyAgeCorrection: number
  note: string | null
}

export interface Member extends MemberFields {
  id: number
  stage: Stage
  status: MemberStatus
  organizationId: number | null
  organizationName: string | null
  mobile: string | null
  lostContactSince: string | null
  leftOn: string | null
  leftReason: string | null
  createdAt: string
  updatedAt: string
}

/** A list row: sensitive fields already masked, the birth date cut to its month, computed ages added. */
export interface MemberRow {
  id: number
  name: string
  gender: string
  idNumber: string | null
  /** 出生年月 "1985-10": never the day beside a masked ID (shared/birth-month.ts) */
  birthMonth: string | null
  /** full years, counted from the birth month */
  age: number | null
  ethnicity: string | null
  education: string | null
  title: string | null
  department: string | null
  stage: Stage
  status: MemberStatus
  organizationId: number | null
  organizationName: string | null
  joinedOn: string | null
  convertedOn: string | null
  /** 党龄 in full years from 转正日期 plus the correction (docs/rules.md §3) */
  partyAge: number | null
  phone: string | null
  dualLeader: boolean
  /** 流动党员 destination, 失联 since, and when/why the person left the roster (history view) */
  mobile: string | null
  lostContactSince: string | null
  leftOn: string | null
  leftReason: string | null
}

export const MEMBER_EVENT_TYPES = [
  'created',
  'applied',
  'talked',
  'activist',
  'candidate',
  'assessed',
  'political_review',
  'trained',
  'pre_reviewed',
  'admitted',
  'approved',
  'oath',
  'conversion_applied',
  'converted',
  'extended',
  'dropped',
  'cancelled',
  'transfer_in',
  'transfer_out',
  'moved',
  'mobile',
  'mobile_end',
  'lost_contact',
  'found',
  'suspended',
  'restored',
  'left',
  'died',
  'edited',
  'revoked',
] as const
export type MemberEventType = (typeof MEMBER_EVENT_TYPES)[number]
export const MEMBER_EVENT_LABELS: Record<MemberEventType, string> = {
  created: '建档',
  applied: '递交入党申请书',
  talked: '谈话',
  activist: '确定为入党积极分子',
  candidate: '确定为发展对象',
  assessed: '积极分子考察',
  political_review: '政治审查',
  trained: '集中培训',
  pre_reviewed: '上级党委预审',
  admitted: '支部大会接收为预备党员',
  approved: '上级党委审批',
  oath: '入党宣誓',
  conversion_applied: '提交转正申请',
  converted: '转为正式党员',
  extended: '延长预备期',
  dropped: '停止发展',
  cancelled: '取消预备党员资格',
  transfer_in: '组织关系转入',
  transfer_out: '组织关系转出',
  moved: '调整所在支部',
  mobile: '登记为流动党员',
  mobile_end: '结束流动',
  lost_contact: '登记为失联党员',
  found: '恢复联系',
  suspended: '停止党籍',
  restored: '恢复党籍',
  left: '出党',
  died: '去世（党员减少）',
  edited: '修改档案',
  revoked: '更正',
}

export interface MemberEvent {
  id: number
  type: MemberEventType
  occurredOn: string
  organizationName: string | null
  otherOrganization: string | null
  letterNo: string | null
  duesPaidTo: string | null
  documentNo: string | null
  reason: string | null
  /** who recorded it and when: apart from when it happened (an import writes years of history in one go) */
  user: string
  createdAt: string
  /** written by an import: the file's name (the batch); null when typed in the window */
  importedFrom: string | null
  /** a 更正 event: the step it revokes */
  revokes: number | null
  /** this step was revoked by a later 更正 (kept in the history, no longer in force) */
  revokedBy: { id: number; on: string; reason: string | null; user: string } | null
  /** whether a 更正 can revoke it now (a step recorded in the window, not revoked, nothing later depends on it) */
  revocable: boolean
}

export interface CommitteeMember {
  id: number
  organizationId: number
  memberId: number
  memberName: string
  post: CommitteePost
  electedOn: string
  endedOn: string | null
  dualLeader: boolean
  title: string | null
  adminPost: string | null
}

export interface DueItem {
  memberId: number
  name: string
  organizationName: string | null
  stage: Stage
  /** what is due, in the clerk's words */
  what: string
  dueOn: string
  overdue: boolean
}
