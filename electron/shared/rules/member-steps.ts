import type { z } from 'zod'
import type { memberEventInput } from '../contract/members'
import { STAGE_LABELS, STAGES, type Member, type Stage } from '../members'

/** A dated change a clerk records on a person (the contract's event union). */
export type MemberStepType = z.input<typeof memberEventInput>['type']

/** What of a person decides which steps are open to them. */
export type StepSubject = Pick<Member, 'name' | 'stage' | 'status' | 'talkedOn' | 'approvedOn' | 'oathOn' | 'conversionAppliedOn' | 'extensionMonths' | 'mobile' | 'lostContactSince'>

interface StepRule {
  /** the stages at which a person may take the step */
  stages: readonly Stage[]
  /** the clerk's action, for the refusal "目前是…，不能…" */
  action: string
  /** what to say instead of that refusal when the stage is wrong, pointing to the right step */
  wrongStage?: (m: StepSubject) => string
  /** a finer condition than the stage: the refusal, or null when the step is open */
  refuse?: (m: StepSubject) => string | null
}

const MEMBERS = ['probationary', 'full'] as const
const DEVELOPING = ['applicant', 'activist', 'candidate'] as const
/** a step recorded once only: refused when its date is already there */
const once = (doneOn: (m: StepSubject) => string | null, what: string) => (m: StepSubject) => {
  const on = doneOn(m)
  return on ? `${m.name}已于${on}${what}，不能重复登记` : null
}

/**
 * The member-event state machine, written once: which steps are open at which stage and in which state
 * (发展党员工作细则, docs/rules.md §3; leaving and 停止党籍: docs/party-rules.md §1). The backend refuses by it and the
 * member drawer offers only the steps it leaves open, so the two cannot disagree.
 */
export const MEMBER_STEPS: Record<MemberStepType, StepRule> = {
  talked: { stages: ['applicant'], action: '登记谈话', refuse: once((m) => m.talkedOn, '登记谈话') },
  activist: { stages: ['applicant'], action: '确定为入党积极分子' },
  assessed: { stages: ['activist'], action: '登记积极分子考察' },
  candidate: { stages: ['activist'], action: '确定为发展对象' },
  political_review: { stages: ['candidate'], action: '登记政治审查' },
  trained: { stages: ['candidate'], action: '登记集中培训' },
  pre_reviewed: { stages: ['candidate'], action: '登记上级预审' },
  admitted: { stages: ['candidate'], action: '接收为预备党员' },
  approved: { stages: ['probationary'], action: '登记上级审批', refuse: once((m) => m.approvedOn, '登记上级党委审批') },
  oath: { stages: ['probationary'], action: '登记入党宣誓', refuse: once((m) => m.oathOn, '登记入党宣誓') },
  conversion_applied: { stages: ['probationary'], action: '登记转正申请', refuse: once((m) => m.conversionAppliedOn, '登记转正申请') },
  converted: { stages: ['probationary'], action: '转为正式党员' },
  // 党章 第七条: the probation may be extended once, for 6 to 12 months
  extended: { stages: ['probationary'], action: '延长预备期', refuse: (m) => (m.extensionMonths !== null ? `${m.name}的预备期已经延长过一次，不能再次延长` : null) },
  cancelled: { stages: ['probationary'], action: '取消预备党员资格' },
  dropped: { stages: DEVELOPING, action: '停止发展', wrongStage: (m) => `${m.name}已是${STAGE_LABELS[m.stage]}：预备党员请用“取消预备党员资格”，正式党员请用“出党”` },
  moved: { stages: STAGES, action: '调整所在支部' },
  transfer_out: { stages: MEMBERS, action: '转出组织关系', wrongStage: (m) => `${m.name}还不是党员，没有组织关系可转出：调往本院其他支部请用“调整所在支部”，不再发展请用“停止发展”` },
  transfer_in: { stages: MEMBERS, action: '登记组织关系转回', refuse: (m) => (m.status !== 'transferred_out' ? `${m.name}的组织关系在本单位，无需转入` : null) },
  mobile: { stages: MEMBERS, action: '登记为流动党员', refuse: (m) => (m.mobile ? `${m.name}已登记为流动党员（${m.mobile}）` : null) },
  mobile_end: { stages: MEMBERS, action: '结束流动', refuse: (m) => (!m.mobile ? `${m.name}未登记为流动党员` : null) },
  lost_contact: { stages: MEMBERS, action: '登记失联', refuse: (m) => (m.lostContactSince ? `${m.name}已于${m.lostContactSince}登记为失联党员` : null) },
  found: { stages: MEMBERS, action: '登记恢复联系', refuse: (m) => (!m.lostContactSince ? `${m.name}未登记为失联党员` : null) },
  // 停止党籍: no longer votes or holds a post (docs/rules.md §1, §3)
  suspended: { stages: MEMBERS, action: '停止党籍', refuse: (m) => (m.status === 'suspended' ? `${m.name}已停止党籍` : null) },
  restored: { stages: MEMBERS, action: '恢复党籍', refuse: (m) => (m.status !== 'suspended' ? `${m.name}的党籍正常，无需恢复` : null) },
  left: { stages: MEMBERS, action: '登记出党', wrongStage: (m) => `${m.name}还不是党员：不再发展时请用“停止发展”，档案会保留` },
  died: { stages: STAGES, action: '登记去世' },
}

/**
 * Why `type` cannot be recorded for this person now, or null when it can. Whoever has left the roster takes no
 * step but 组织关系转回 (their history stays readable).
 */
export function stepRefusal(m: StepSubject, type: MemberStepType): string | null {
  const rule = MEMBER_STEPS[type]
  const gone = m.status === 'left' || m.status === 'transferred_out'
  if (gone && type !== 'transfer_in') return `${m.name}已${m.status === 'left' ? '离开名册' : '转出'}，不能再登记变动（历史记录仍可查看）`
  if (!rule.stages.includes(m.stage)) return rule.wrongStage?.(m) ?? `${m.name}目前是${STAGE_LABELS[m.stage]}，不能${rule.action}`
  return rule.refuse?.(m) ?? null
}
