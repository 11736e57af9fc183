import type { Stage } from '@shared/members'

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
}

const doc: EventField = { key: 'documentNo', label: '文号', kind: 'text' }
const reason: EventField = { key: 'reason', label: '说明', kind: 'text' }

/** The dated changes a clerk records, in the order of the development process and then movements. */
export const EVENT_FORMS: EventForm[] = [
  { type: 'talked', label: '登记谈话', stages: ['applicant'], fields: [reason] },
  { type: 'activist', label: '确定为入党积极分子', stages: ['applicant'], fields: [{ key: 'contacts', label: '培养联系人', kind: 'text' }, reason] },
  {
    type: 'candidate',
    label: '确定为发展对象',
    stages: ['activist'],
    fields: [{ key: 'introducers', label: '入党介绍人', kind: 'text' }, { key: 'politicalReviewOn', label: '政审日期', kind: 'date' }, { key: 'trainingHours', label: '集中培训学时', kind: 'number' }, reason],
  },
  { type: 'admitted', label: '接收为预备党员', stages: ['candidate'], fields: [{ key: 'approvedOn', label: '上级审批日期', kind: 'date' }, doc] },
  { type: 'converted', label: '转为正式党员', stages: ['probationary'], fields: [doc] },
  { type: 'extended', label: '延长预备期', stages: ['probationary'], fields: [{ key: 'months', label: '延长月数（6–12）', kind: 'number', required: true }, doc, reason] },
  { type: 'moved', label: '调整所在支部', stages: ['applicant', 'activist', 'candidate', 'probationary', 'full'], fields: [{ key: 'organizationId', label: '新的党支部', kind: 'org', required: true }, reason] },
  {
    type: 'transfer_out',
    label: '组织关系转出',
    stages: ['probationary', 'full'],
    fields: [{ key: 'toOrganization', label: '转往单位', kind: 'text', required: true }, { key: 'letterNo', label: '介绍信编号', kind: 'text' }, { key: 'duesPaidTo', label: '党费交至', kind: 'month' }, reason],
  },
  { type: 'mobile', label: '登记为流动党员', stages: ['probationary', 'full'], fields: [{ key: 'destination', label: '外出流向', kind: 'text', required: true }, reason] },
  { type: 'mobile_end', label: '结束流动', stages: ['probationary', 'full'], fields: [reason] },
  { type: 'lost_contact', label: '登记失联', stages: ['probationary', 'full'], fields: [reason] },
  { type: 'suspended', label: '停止党籍', stages: ['probationary', 'full'], fields: [doc, reason], danger: true },
  { type: 'restored', label: '恢复党籍', stages: ['probationary', 'full'], fields: [doc, reason] },
  { type: 'left', label: '出党', stages: ['probationary', 'full'], fields: [{ key: 'leaveReason', label: '出党方式', kind: 'select', options: ['退党', '除名', '开除党籍', '死亡'], required: true }, doc, reason], danger: true },
]
