import { LEAVE_REASON_LABELS, LEAVE_REASONS, STAGE_LABELS, type Member } from '@shared/members'
import { stepRefusal, type MemberStepType } from '@shared/rules/member-steps'

/** One extra input of an event dialog. */
export interface EventField {
  key: string
  label: string
  kind: 'text' | 'number' | 'date' | 'select' | 'org' | 'month' | 'department'
  options?: readonly string[]
  /** what each option reads as (the stored value is the option itself) */
  optionLabels?: Readonly<Record<string, string>>
  required?: boolean
}

/** The values of an event dialog, and a way to name a branch by its id, for the sentence that says what will happen. */
export interface StepContext {
  m: Member
  date: string
  v: Record<string, unknown>
  orgName: (id: unknown) => string
}

/** The dialog of one step; which people it is open to is the shared step table's (shared/rules/member-steps.ts). */
export interface EventForm {
  type: MemberStepType
  label: string
  fields: EventField[]
  danger?: boolean
  /** what the date of this step is called, when plain 日期 would be ambiguous */
  dateLabel?: string
  /**
   * A step that changes where or whether the person belongs (出党, 停止党籍, 转出, 支部调动, 转正 …): its date is
   * typed, never today by default, and it is confirmed in a second box that says what it will do.
   */
  weighty?: boolean
  /** what the step will do, in the clerk's words (shown in the dialog, and asked about when weighty) */
  does: (c: StepContext) => string
}

const doc: EventField = { key: 'documentNo', label: '文号', kind: 'text' }
const reason: EventField = { key: 'reason', label: '说明', kind: 'text' }
/** every step recorded by mistake can be corrected afterwards: said once in each weighty sentence */
const REVOCABLE = '登记有误时，可在档案的时间线上“更正”。'
const postsEnd = '所任支委会职务同时离任'
const plain = (what: string) => (c: StepContext) => `登记${c.m.name}${what}（${c.date || '日期未填'}）。`

/**
 * The dated changes a clerk records (发展党员工作细则, docs/rules.md §3; leaving: docs/party-rules.md §1), ordered so that
 * for each stage the step that moves the person on comes first: the drawer shows the first two as buttons, the
 * rest under 更多变动.
 */
export const EVENT_FORMS: EventForm[] = [
  { type: 'talked', label: '登记谈话', fields: [reason], dateLabel: '谈话日期', does: plain('与党组织谈话') },
  { type: 'activist', label: '确定为入党积极分子', fields: [{ key: 'contacts', label: '培养联系人', kind: 'text' }, reason], does: (c) => `${c.m.name}自${c.date || '（日期未填）'}起为入党积极分子，开始一年以上的培养考察。` },
  {
    type: 'candidate',
    label: '确定为发展对象',
    fields: [{ key: 'introducers', label: '入党介绍人', kind: 'text' }, { key: 'politicalReviewOn', label: '政审日期', kind: 'date' }, { key: 'trainingHours', label: '集中培训学时', kind: 'number' }, reason],
    does: (c) => `${c.m.name}自${c.date || '（日期未填）'}起为发展对象。`,
  },
  { type: 'assessed', label: '积极分子考察', fields: [{ ...reason, label: '考察意见' }], dateLabel: '考察日期', does: plain('的积极分子考察') },
  {
    type: 'admitted',
    label: '接收为预备党员',
    fields: [{ key: 'approvedOn', label: '上级审批日期', kind: 'date' }, doc],
    dateLabel: '支部大会日期',
    weighty: true,
    does: (c) => `${c.m.name}经支部大会讨论，于${c.date || '（日期未填）'}接收为预备党员，预备期一年，入党日期即为该日。${REVOCABLE}`,
  },
  { type: 'political_review', label: '政治审查', fields: [{ ...reason, label: '政审结论' }], dateLabel: '政审日期', does: plain('的政治审查') },
  { type: 'trained', label: '集中培训', fields: [{ key: 'trainingHours', label: '培训学时', kind: 'number', required: true }, reason], dateLabel: '培训结束日期', does: plain('完成集中培训') },
  { type: 'pre_reviewed', label: '上级预审', fields: [doc, reason], dateLabel: '预审日期', does: plain('的上级党委预审') },
  {
    type: 'converted',
    label: '转为正式党员',
    fields: [doc],
    dateLabel: '转正日期',
    weighty: true,
    does: (c) => `${c.m.name}于${c.date || '（日期未填）'}转为正式党员（转正日期为预备期满之日），党龄自该日起算。${REVOCABLE}`,
  },
  { type: 'approved', label: '上级党委审批', fields: [doc], dateLabel: '审批日期', does: plain('接收预备党员的上级党委审批') },
  { type: 'oath', label: '入党宣誓', fields: [reason], dateLabel: '宣誓日期', does: plain('入党宣誓') },
  { type: 'conversion_applied', label: '提交转正申请', fields: [reason], dateLabel: '申请日期', does: plain('提交转正申请') },
  {
    type: 'extended',
    label: '延长预备期',
    fields: [{ key: 'months', label: '延长月数（6–12）', kind: 'number', required: true }, doc, reason],
    weighty: true,
    does: (c) => `${c.m.name}的预备期延长${c.v.months ? `${String(c.v.months)}个月` : '（月数未填）'}，仍为预备党员。党章第七条：预备期只能延长一次，最长一年。${REVOCABLE}`,
  },
  {
    type: 'moved',
    label: '调整所在支部',
    fields: [{ key: 'organizationId', label: '新的党支部', kind: 'org', required: true }, { key: 'department', label: '科室', kind: 'department', required: true }, reason],
    weighty: true,
    does: (c) => {
      const dept = c.v.department === undefined ? '科室是否随之变化尚未选择' : c.v.department === null ? `科室仍为${c.m.department ?? '（未填写）'}` : `科室改为${String(c.v.department) || '（未填写）'}`
      return `${c.m.name}自${c.date || '（日期未填）'}从${c.m.organizationName ?? '原支部'}调往${c.v.organizationId ? c.orgName(c.v.organizationId) : '（新支部未选）'}；${dept}；在原支部${postsEnd}。${REVOCABLE}`
    },
  },
  {
    type: 'transfer_out',
    label: '组织关系转出',
    fields: [{ key: 'toOrganization', label: '转往单位', kind: 'text', required: true }, { key: 'letterNo', label: '介绍信编号', kind: 'text' }, { key: 'duesPaidTo', label: '党费交至', kind: 'month' }, reason],
    weighty: true,
    does: (c) => `${c.m.name}的组织关系于${c.date || '（日期未填）'}转往${String(c.v.toOrganization ?? '') || '（转往单位未填）'}：离开本院党员名册，档案留在历史中，${postsEnd}。回到本单位时在原档案上登记“组织关系转回”。${REVOCABLE}`,
  },
  { type: 'mobile', label: '登记为流动党员', fields: [{ key: 'destination', label: '外出流向', kind: 'text', required: true }, reason], does: plain('外出流动') },
  { type: 'mobile_end', label: '结束流动', fields: [reason], does: plain('结束流动') },
  { type: 'lost_contact', label: '登记失联', fields: [reason], dateLabel: '失联起始日期', does: plain('失去联系') },
  { type: 'found', label: '恢复联系', fields: [reason], does: plain('恢复联系') },
  {
    type: 'suspended',
    label: '停止党籍',
    fields: [doc, reason],
    danger: true,
    weighty: true,
    does: (c) => `${c.m.name}自${c.date || '（日期未填）'}停止党籍：仍留在${c.m.organizationName ?? '本支部'}的名册中（状态为停止党籍），不参加表决，${postsEnd}。${REVOCABLE}`,
  },
  {
    type: 'restored',
    label: '恢复党籍',
    fields: [doc, reason],
    weighty: true,
    does: (c) => `${c.m.name}自${c.date || '（日期未填）'}恢复党籍，党籍状态恢复正常。${REVOCABLE}`,
  },
  {
    type: 'dropped',
    label: '停止发展',
    fields: [{ ...reason, label: '原因', required: true }, doc],
    danger: true,
    weighty: true,
    does: (c) => `${c.m.name}（${STAGE_LABELS[c.m.stage]}）自${c.date || '（日期未填）'}停止发展：离开发展党员名单，档案留在历史中（不是出党）。${REVOCABLE}`,
  },
  {
    type: 'cancelled',
    label: '取消预备党员资格',
    fields: [{ ...reason, label: '原因', required: true }, doc],
    danger: true,
    weighty: true,
    does: (c) => `取消${c.m.name}的预备党员资格（党章第七条）：离开党员名册，档案留在历史中，${postsEnd}。这不是出党。${REVOCABLE}`,
  },
  {
    type: 'left',
    label: '出党',
    fields: [{ key: 'leaveReason', label: '出党方式', kind: 'select', options: LEAVE_REASONS, optionLabels: LEAVE_REASON_LABELS, required: true }, { ...doc, label: '批准文号', required: true }, reason],
    danger: true,
    weighty: true,
    does: (c) =>
      `${c.m.name}于${c.date || '（日期未填）'}出党（${c.v.leaveReason ? LEAVE_REASON_LABELS[c.v.leaveReason as keyof typeof LEAVE_REASON_LABELS] : '出党方式未选'}，批准文号${String(c.v.documentNo ?? '') || '未填'}）：离开党员名册，档案留在历史中，${postsEnd}；计入当年党内统计的“出党”。${REVOCABLE}`,
  },
  {
    type: 'died',
    label: '登记去世',
    fields: [doc, reason],
    dateLabel: '去世日期',
    weighty: true,
    does: (c) => `${c.m.name}于${c.date || '（日期未填）'}去世：离开名册，档案留在历史中${['probationary', 'full'].includes(c.m.stage) ? `，${postsEnd}；计入党内统计的“党员减少——死亡”（不是出党）` : ''}。${REVOCABLE}`,
  },
  {
    type: 'transfer_in',
    label: '组织关系转回',
    fields: [
      { key: 'organizationId', label: '接收的党支部', kind: 'org', required: true },
      { key: 'fromOrganization', label: '转出单位', kind: 'text', required: true },
      { key: 'letterNo', label: '介绍信编号', kind: 'text' },
      { key: 'duesPaidTo', label: '党费交至', kind: 'month' },
      reason,
    ],
    dateLabel: '转入日期',
    weighty: true,
    does: (c) => `${c.m.name}的组织关系于${c.date || '（日期未填）'}转回本院，进入${c.v.organizationId ? c.orgName(c.v.organizationId) : '（支部未选）'}，沿用原档案，时间线接续。${REVOCABLE}`,
  },
]

/** The actions open to a person now: those the shared step table does not refuse (the backend refuses by it too). */
export function formsFor(m: Member): EventForm[] {
  return EVENT_FORMS.filter((f) => stepRefusal(m, f.type) === null)
}
