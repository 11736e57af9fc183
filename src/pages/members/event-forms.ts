import { LEAVE_REASONS, type Member, type Stage } from '@shared/members'

/** One extra input of an event dialog. */
export interface EventField {
  key: string
  label: string
  kind: 'text' | 'number' | 'date' | 'select' | 'org' | 'month'
  options?: readonly string[]
  required?: boolean
}

export interface EventForm {
  type: string
  label: string
  /** who the action applies to */
  stages: readonly Stage[]
  fields: EventField[]
  danger?: boolean
  /** a finer condition than the stage (e.g. 结束流动 only for a 流动党员) */
  when?: (m: Member) => boolean
  /** what the date of this step is called, when plain 日期 would be ambiguous */
  dateLabel?: string
}

const doc: EventField = { key: 'documentNo', label: '文号', kind: 'text' }
const reason: EventField = { key: 'reason', label: '说明', kind: 'text' }
const members = ['probationary', 'full'] as const
const developing = ['applicant', 'activist', 'candidate'] as const
const onRoster = (m: Member) => m.status === 'normal' || m.status === 'suspended'

/**
 * The dated changes a clerk records (发展党员工作细则, domain.md §3), ordered so that for each stage the step
 * that moves the person on comes first: the drawer shows the first two as buttons, the rest under 更多变动.
 */
export const EVENT_FORMS: EventForm[] = [
  { type: 'talked', label: '登记谈话', stages: ['applicant'], fields: [reason], when: (m) => !m.talkedOn, dateLabel: '谈话日期' },
  { type: 'activist', label: '确定为入党积极分子', stages: ['applicant'], fields: [{ key: 'contacts', label: '培养联系人', kind: 'text' }, reason] },
  {
    type: 'candidate',
    label: '确定为发展对象',
    stages: ['activist'],
    fields: [{ key: 'introducers', label: '入党介绍人', kind: 'text' }, { key: 'politicalReviewOn', label: '政审日期', kind: 'date' }, { key: 'trainingHours', label: '集中培训学时', kind: 'number' }, reason],
  },
  { type: 'assessed', label: '积极分子考察', stages: ['activist'], fields: [{ ...reason, label: '考察意见' }], dateLabel: '考察日期' },
  { type: 'admitted', label: '接收为预备党员', stages: ['candidate'], fields: [{ key: 'approvedOn', label: '上级审批日期', kind: 'date' }, doc], dateLabel: '支部大会日期' },
  { type: 'political_review', label: '政治审查', stages: ['candidate'], fields: [{ ...reason, label: '政审结论' }], dateLabel: '政审日期' },
  { type: 'trained', label: '集中培训', stages: ['candidate'], fields: [{ key: 'trainingHours', label: '培训学时', kind: 'number', required: true }, reason], dateLabel: '培训结束日期' },
  { type: 'pre_reviewed', label: '上级预审', stages: ['candidate'], fields: [doc, reason], dateLabel: '预审日期' },
  { type: 'converted', label: '转为正式党员', stages: ['probationary'], fields: [doc], dateLabel: '转正日期' },
  { type: 'approved', label: '上级党委审批', stages: ['probationary'], fields: [doc], when: (m) => !m.approvedOn, dateLabel: '审批日期' },
  { type: 'oath', label: '入党宣誓', stages: ['probationary'], fields: [reason], when: (m) => !m.oathOn, dateLabel: '宣誓日期' },
  { type: 'conversion_applied', label: '提交转正申请', stages: ['probationary'], fields: [reason], when: (m) => !m.conversionAppliedOn, dateLabel: '申请日期' },
  { type: 'extended', label: '延长预备期', stages: ['probationary'], fields: [{ key: 'months', label: '延长月数（6–12）', kind: 'number', required: true }, doc, reason], when: (m) => m.extensionMonths === null },
  { type: 'moved', label: '调整所在支部', stages: [...developing, ...members], fields: [{ key: 'organizationId', label: '新的党支部', kind: 'org', required: true }, reason] },
  {
    type: 'transfer_out',
    label: '组织关系转出',
    stages: members,
    fields: [{ key: 'toOrganization', label: '转往单位', kind: 'text', required: true }, { key: 'letterNo', label: '介绍信编号', kind: 'text' }, { key: 'duesPaidTo', label: '党费交至', kind: 'month' }, reason],
  },
  { type: 'mobile', label: '登记为流动党员', stages: members, fields: [{ key: 'destination', label: '外出流向', kind: 'text', required: true }, reason], when: (m) => !m.mobile },
  { type: 'mobile_end', label: '结束流动', stages: members, fields: [reason], when: (m) => !!m.mobile },
  { type: 'lost_contact', label: '登记失联', stages: members, fields: [reason], when: (m) => !m.lostContactSince, dateLabel: '失联起始日期' },
  { type: 'found', label: '恢复联系', stages: members, fields: [reason], when: (m) => !!m.lostContactSince },
  { type: 'suspended', label: '停止党籍', stages: members, fields: [doc, reason], danger: true, when: (m) => m.status === 'normal' },
  { type: 'restored', label: '恢复党籍', stages: members, fields: [doc, reason], when: (m) => m.status === 'suspended' },
  { type: 'dropped', label: '停止发展', stages: developing, fields: [{ ...reason, label: '原因', required: true }, doc], danger: true },
  { type: 'cancelled', label: '取消预备党员资格', stages: ['probationary'], fields: [{ ...reason, label: '原因', required: true }, doc], danger: true },
  { type: 'left', label: '出党', stages: members, fields: [{ key: 'leaveReason', label: '出党方式', kind: 'select', options: LEAVE_REASONS, required: true }, doc, reason], danger: true },
  {
    type: 'transfer_in',
    label: '组织关系转回',
    stages: members,
    fields: [
      { key: 'organizationId', label: '接收的党支部', kind: 'org', required: true },
      { key: 'fromOrganization', label: '转出单位', kind: 'text', required: true },
      { key: 'letterNo', label: '介绍信编号', kind: 'text' },
      { key: 'duesPaidTo', label: '党费交至', kind: 'month' },
      reason,
    ],
    when: (m) => m.status === 'transferred_out',
    dateLabel: '转入日期',
  },
]

/** The actions open to a person now: by stage, by the finer condition, and only 转回 once they have left. */
export function formsFor(m: Member): EventForm[] {
  return EVENT_FORMS.filter((f) => f.stages.includes(m.stage) && (f.when ? f.when(m) : true) && (f.type === 'transfer_in' || onRoster(m)))
}
