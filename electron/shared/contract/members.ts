import { z } from 'zod'
import { TITLE_LEVELS } from '../rules/statistics'
import { COMMITTEE_POSTS, LEAVE_REASONS, SENSITIVE_FIELDS, MEMBER_STATUSES, STAGES, type CommitteeMember, type DueItem, type Member, type MemberEvent, type MemberRow, type Stage } from '../members'
import { id, isoDate, optionalIsoDate, optionalText, requiredText } from '../schemas'
import { method } from './define'

const text = (label: string, max = 100) => optionalText(label, max)
const date = optionalIsoDate

/** The editable record. Gender and birth date may be left out when the ID number gives them. */
export const memberFieldsInput = z
  .object({
    name: requiredText('姓名', 50),
    gender: z.enum(['男', '女'], { error: '性别应为“男”或“女”' }).nullable().default(null),
    idNumber: z.union([z.string().max(40), z.null()]).default(null),
    ethnicity: text('民族', 20),
    birthDate: date('出生日期', 'birth'),
    education: text('学历', 20),
    degree: text('学位', 20),
    title: text('职称', 30),
    department: text('科室', 50),
    position: text('工作岗位', 50),
    adminPost: text('行政职务', 50),
    partyPost: text('党内职务', 50),
    occupation: text('职业类别', 30),
    phone: text('联系电话', 30),
    address: text('家庭住址', 200),
    residence: text('现居住地', 200),
    hukou: text('户籍所在地', 200),
    nativePlace: text('籍贯', 50),
    workStartedOn: date('参加工作日期', 'work'),
    partyAgeCorrection: z.number().int().min(-600).max(600).default(0),
    note: text('备注', 2000),
    appliedOn: date('申请入党日期'),
    talkedOn: date('谈话日期'),
    activistOn: date('确定积极分子日期'),
    contacts: text('培养联系人', 50),
    candidateOn: date('确定发展对象日期'),
    politicalReviewOn: date('政审日期'),
    trainingHours: z.number().min(0).max(1000).nullable().default(null),
    trainingTo: date('培训结束日期'),
    introducers: text('入党介绍人', 50),
    preReviewOn: date('预审日期'),
    joinedOn: date('入党日期'),
    approvedOn: date('审批日期'),
    oathOn: date('入党宣誓日期'),
    conversionAppliedOn: date('转正申请日期'),
    convertedOn: date('转正日期'),
    extensionMonths: z.number().int().nullable().default(null),
  })
  .strict()

const transferIn = z
  .object({
    date: isoDate('转入日期'),
    fromOrganization: requiredText('转出单位', 100),
    letterNo: text('介绍信编号', 50),
    duesPaidTo: z.union([z.string().regex(/^\d{4}-\d{2}$/, { message: '党费交至月份应写成 2025-06' }), z.null()]).default(null),
  })
  .strict()

export const memberCreateInput = z.object({ organizationId: id('所在党支部'), fields: memberFieldsInput, transferIn: transferIn.nullable().default(null) }).strict()
export const memberUpdateInput = z.object({ id: id('党员'), fields: memberFieldsInput }).strict()

const on = isoDate('日期')
const duesMonth = z.union([z.string().regex(/^\d{4}-\d{2}$/, { message: '党费交至月份应写成 2025-06' }), z.null()]).default(null)
const note = { documentNo: text('文号', 50), reason: text('原因或说明', 500) }
/** One dated change in a member's life; each becomes an event in the timeline (never an overwrite). */
export const memberEventInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('talked'), id: id('人员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('activist'), id: id('人员'), date: on, contacts: text('培养联系人', 50), ...note }).strict(),
  z.object({ type: z.literal('candidate'), id: id('人员'), date: on, introducers: text('入党介绍人', 50), politicalReviewOn: date('政审日期'), trainingHours: z.number().min(0).max(1000).nullable().default(null), ...note }).strict(),
  z.object({ type: z.literal('assessed'), id: id('人员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('political_review'), id: id('人员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('trained'), id: id('人员'), date: on, trainingHours: z.number({ error: '请填写培训学时' }).min(0).max(1000), ...note }).strict(),
  z.object({ type: z.literal('pre_reviewed'), id: id('人员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('admitted'), id: id('人员'), date: on, approvedOn: date('审批日期'), ...note }).strict(),
  z.object({ type: z.literal('approved'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('oath'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('conversion_applied'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('dropped'), id: id('人员'), date: on, documentNo: text('文号', 50), reason: requiredText('停止发展的原因', 500) }).strict(),
  z.object({ type: z.literal('cancelled'), id: id('党员'), date: on, documentNo: text('文号', 50), reason: requiredText('取消预备党员资格的原因', 500) }).strict(),
  z.object({ type: z.literal('transfer_in'), id: id('党员'), date: on, organizationId: id('接收的党支部'), fromOrganization: requiredText('转出单位', 100), letterNo: text('介绍信编号', 50), duesPaidTo: duesMonth, ...note }).strict(),
  z.object({ type: z.literal('converted'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('extended'), id: id('党员'), date: on, months: z.number().int({ message: '延长月数应为整数' }), ...note }).strict(),
  z.object({ type: z.literal('transfer_out'), id: id('党员'), date: on, toOrganization: requiredText('转往单位', 100), letterNo: text('介绍信编号', 50), duesPaidTo: duesMonth, ...note }).strict(),
  // 支部调动 says whether the 科室 changes with it: null keeps it, a text is the new one
  z.object({ type: z.literal('moved'), id: id('党员'), date: on, organizationId: id('新的党支部'), department: z.union([requiredText('新的科室', 50), z.null()]).default(null), ...note }).strict(),
  z.object({ type: z.literal('mobile'), id: id('党员'), date: on, destination: requiredText('外出流向', 100), ...note }).strict(),
  z.object({ type: z.literal('mobile_end'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('lost_contact'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('found'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('suspended'), id: id('党员'), date: on, ...note }).strict(),
  z.object({ type: z.literal('restored'), id: id('党员'), date: on, ...note }).strict(),
  // 出党 as the 党章 names its ways (shared/leaving.ts); each is decided or approved above, so its 文号 is required
  z.object({ type: z.literal('left'), id: id('党员'), date: on, leaveReason: z.enum(LEAVE_REASONS, { error: '请选择出党方式：开除党籍、除名、自行脱党、劝退或退党（去世请登记“去世”，不是出党）' }), documentNo: requiredText('批准文号', 50), reason: text('原因或说明', 500) }).strict(),
  // 死亡 is 党员减少, not 出党: the person leaves the roster into the history
  z.object({ type: z.literal('died'), id: id('人员'), date: on, ...note }).strict(),
])

export const memberListInput = z
  .object({
    organizationId: z.number().int().positive().nullable().default(null),
    /** include the organization's sub-organizations */
    includeSub: z.boolean().default(true),
    stages: z.array(z.enum(STAGES)).max(5).default([]),
    statuses: z.array(z.enum(MEMBER_STATUSES)).max(4).default(['normal', 'suspended']),
    gender: z.enum(['男', '女']).nullable().default(null),
    ageBand: z.string().max(20).nullable().default(null),
    educationGroup: z.string().max(20).nullable().default(null),
    /** 职称 level as the structure charts count it (正高 … 初级, 无 = none or not listed) */
    titleLevel: z.enum(TITLE_LEVELS).nullable().default(null),
    /** 人员类别 (职业); 其他 = none of the listed ones */
    occupation: z.string().max(30).nullable().default(null),
    dualLeader: z.boolean().nullable().default(null),
    /** 流动党员 / 失联党员 (national 16 items: 是否流动党员, 是否失联党员) */
    flag: z.enum(['mobile', 'lost'], { error: '只能按流动党员或失联党员筛选' }).nullable().default(null),
    q: z.string().max(50).default(''),
    sort: z.enum(['name', 'birthDate', 'joinedOn', 'organization', 'stage', 'department']).default('organization'),
    order: z.enum(['asc', 'desc']).default('asc'),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export interface MemberDetail {
  /** sensitive fields masked (ID, phone, address); use members.reveal to see one deliberately (which shows the birth date too) */
  member: Member
  /** 出生年月 "1985-10"; member.birthDate is null whenever an ID number is on file (shared/birth-month.ts) */
  birthMonth: string | null
  /** full years, counted from the birth month */
  age: number | null
  partyAge: number | null
  events: MemberEvent[]
  memberships: { organizationName: string; fromDate: string; toDate: string | null }[]
  warnings: { field: string; message: string }[]
  due: DueItem[]
}

const byId = z.object({ id: id('人员') }).strict()
/** 更正: a step recorded by mistake is revoked by a new event that puts back what it changed (members/revoke.ts) */
const revokeInput = z.object({ id: id('人员'), eventId: id('要更正的变动'), reason: requiredText('更正原因', 500) }).strict()
const reveal = z.object({ id: id('人员'), field: z.enum(SENSITIVE_FIELDS, { error: '只能查看身份证号、电话或住址' }) }).strict()
const pipelineInput = z.object({ organizationId: z.number().int().positive().nullable().default(null) }).strict()
const orgInput = z.object({ organizationId: id('党组织') }).strict()
const appointInput = z
  .object({
    organizationId: id('党组织'),
    memberId: id('党员'),
    post: z.enum(COMMITTEE_POSTS, { error: '请选择职务' }),
    electedOn: isoDate('任职日期'),
    dualLeader: z.boolean().default(false),
  })
  .strict()
const endInput = z.object({ postId: id('任职记录'), endedOn: isoDate('离任日期') }).strict()

export const membersContract = {
  /** byStage: the matching people by 人员类别, so a count can say what it counts (党员 apart from the pipeline) */
  'members.list': method<typeof memberListInput, { total: number; byStage: Record<Stage, number>; rows: MemberRow[] }>(memberListInput, 'read'),
  'members.get': method<typeof byId, MemberDetail>(byId, 'read'),
  // each runs its own transaction: a refusal because the ID number is someone else's is still audited (members/handlers.ts)
  'members.create': method<typeof memberCreateInput, MemberDetail>(memberCreateInput, 'write', { transaction: false, writes: true }),
  'members.update': method<typeof memberUpdateInput, MemberDetail>(memberUpdateInput, 'write', { transaction: false, writes: true }),
  'members.event': method<typeof memberEventInput, MemberDetail>(memberEventInput, 'write'),
  'members.revoke': method<typeof revokeInput, MemberDetail>(revokeInput, 'write'),
  // a look, not a change: refused to 只读领导 with that reason (shared/permissions.ts), audited for everyone else
  'members.reveal': method<typeof reveal, { value: string | null }>(reveal, 'sensitive'),
  'members.pipeline': method<typeof pipelineInput, { counts: Record<Stage, number>; due: DueItem[] }>(pipelineInput, 'read'),
  'committees.list': method<typeof orgInput, CommitteeMember[]>(orgInput, 'read'),
  'committees.appoint': method<typeof appointInput, CommitteeMember[]>(appointInput, 'write'),
  'committees.end': method<typeof endInput, CommitteeMember[]>(endInput, 'write'),
}
