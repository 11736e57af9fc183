import { z } from 'zod'
import { id, isoDate, optionalText, requiredText } from '../schemas'
import { SUPERVISION_LEVELS, SUPERVISION_SOURCES, SUPERVISION_STATUSES, type SupervisionItem, type SupervisionRow } from '../supervision'
import { method } from './define'

const department = requiredText('牵头部门', 50)

/** 节点 (docs/deadlines.md §14): the words and the date */
const milestone = z.object({ title: requiredText('节点内容', 200), dueOn: isoDate('节点日期', 'plan') }).strict()
/** a file attached to a 进展反馈 or 申请办结, as the window hands it over (base64) */
const attachedFile = z
  .object({ fileName: requiredText('文件名', 200), contentBase64: z.string().min(1, { message: '文件是空的' }).max(28_000_000, { message: '单个附件不能超过 20 MB' }) })
  .strict()
const files = z.array(attachedFile).max(10, { message: '一次最多附 10 个文件' }).default([])

export const supervisionCreateInput = z
  .object({
    source: z.enum(SUPERVISION_SOURCES, { error: '请选择事项来源' }),
    /** from a meeting's 决议: the meeting and the decision's number (1, 2, …); the 党组织 is the meeting's */
    meetingId: z.number().int().positive().nullable().default(null),
    resolutionSeq: z.number().int().positive().nullable().default(null),
    /** 上级交办: the document's number */
    documentNo: optionalText('交办文件号', 100),
    /** 领导交办: who instructed */
    instructedBy: optionalText('交办领导', 50),
    /** the 事项; from a decision it defaults to the decision's words */
    title: optionalText('督办事项', 500),
    organizationId: z.number().int().positive().nullable().default(null),
    major: z.boolean().default(false),
    leadDepartment: department,
    coDepartments: z.array(requiredText('协办部门', 50)).max(30).default([]),
    responsible: optionalText('责任人', 50),
    level: z.enum(SUPERVISION_LEVELS, { error: '督办等级不正确' }).default('normal'),
    assignedOn: isoDate('立项日期'),
    /** the final 时限; with 节点 it may be left out and is then the last 节点's date */
    dueOn: z.union([isoDate('办理时限', 'plan'), z.null()]).default(null),
    milestones: z.array(milestone).max(20, { message: '节点最多 20 个' }).default([]),
  })
  .strict()
  .refine((i) => i.dueOn !== null || i.milestones.length > 0, { message: '请填写办理时限，或至少一个节点', path: ['dueOn'] })

const on = isoDate('日期')
const byId = { id: id('督办事项'), on }
/** one dated step on an item's life (docs/deadlines.md §6) */
export const supervisionActInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), ...byId, note: optionalText('说明', 2000) }).strict(),
  z.object({ action: z.literal('feedback'), ...byId, note: requiredText('进展情况', 2000), files }).strict(),
  z.object({ action: z.literal('extend'), ...byId, dueOn: isoDate('新的办理时限', 'plan'), reason: requiredText('延期原因', 1000), approvedBy: optionalText('批准人', 50) }).strict(),
  z.object({ action: z.literal('urge'), ...byId, note: optionalText('催办内容', 1000) }).strict(),
  z.object({ action: z.literal('request'), ...byId, result: requiredText('办理结果', 5000), files }).strict(),
  z.object({ action: z.literal('return'), ...byId, reason: requiredText('退回原因', 1000) }).strict(),
  z.object({ action: z.literal('complete'), ...byId, result: requiredText('办理结果', 5000) }).strict(),
  z.object({ action: z.literal('void'), ...byId, reason: requiredText('作废原因', 1000) }).strict(),
])

const listInput = z
  .object({
    organizationId: z.number().int().positive().nullable().default(null),
    status: z.enum(SUPERVISION_STATUSES).nullable().default(null),
    /** only open items past their 时限 */
    overdue: z.boolean().default(false),
    /** the day overdue is judged on; null = today */
    asOf: z.union([isoDate('日期'), z.null()]).default(null),
  })
  .strict()
const attachmentInput = z.object({ id: id('附件') }).strict()
const withdrawInput = z.object({ id: id('附件'), reason: requiredText('撤回原因', 500) }).strict()
const milestoneDoneInput = z.object({ id: id('节点'), on: isoDate('完成日期'), note: requiredText('完成情况', 1000) }).strict()
const getInput = z.object({ id: id('督办事项'), asOf: z.union([isoDate('日期'), z.null()]).default(null) }).strict()

export const supervisionContract = {
  /** 督办台账: every item (void ones too, marked), most urgent first */
  'supervision.list': method<typeof listInput, SupervisionRow[]>(listInput, 'read'),
  'supervision.get': method<typeof getInput, SupervisionItem>(getInput, 'read'),
  'supervision.create': method<typeof supervisionCreateInput, SupervisionItem>(supervisionCreateInput, 'write'),
  'supervision.act': method<typeof supervisionActInput, SupervisionItem>(supervisionActInput, 'write'),
  /** a file of a 进展反馈 / 申请办结, to open or save (withdrawn ones too: they stay on the record) */
  'supervision.attachment': method<typeof attachmentInput, { fileName: string; mime: string; contentBase64: string }>(attachmentInput, 'read'),
  /** 撤回 a file attached by mistake: kept and listed as 已撤回 with the reason */
  'supervision.withdrawAttachment': method<typeof withdrawInput, SupervisionItem>(withdrawInput, 'write'),
  /** a 节点 done, with its date and what was done (docs/deadlines.md §14) */
  'supervision.milestoneDone': method<typeof milestoneDoneInput, SupervisionItem>(milestoneDoneInput, 'write'),
}
