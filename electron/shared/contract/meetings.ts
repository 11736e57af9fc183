import { z } from 'zod'
import type { ComplianceCell } from '../rules/compliance'
import { ATTENDANCE_STATUSES, MAJOR_CATEGORIES, MEETING_TYPES, type AttendanceEntry, type Meeting, type MeetingRow, type MeetingStart } from '../meetings'
import { id, isoDate, optionalText, requiredText } from '../schemas'
import { method } from './define'

const time = z.union([z.string().regex(/^\d{2}:\d{2}$/, { message: '时间应写成 14:30' }), z.null()]).default(null)
const count = z.number().int().min(0).max(100_000).nullable().default(null)

export const meetingFieldsInput = z
  .object({
    organizationId: id('党组织'),
    types: z.array(z.enum(MEETING_TYPES, { error: '会议类型不正确' })).min(1, { message: '请至少选择一种会议类型' }).max(9),
    title: requiredText('会议主题', 200),
    heldOn: isoDate('会议日期'),
    startTime: time,
    endTime: time,
    place: optionalText('地点', 100),
    host: optionalText('主持人', 50),
    recorder: optionalText('记录人', 50),
    lecturer: optionalText('讲课人', 50),
    observers: optionalText('列席人员', 500),
    agenda: optionalText('议程', 20_000),
    discussion: optionalText('讨论情况', 100_000),
    minutes: optionalText('会议记录', 200_000),
    expectedCount: count,
    presentCount: count,
    resolutions: z
      .array(
        z
          .object({
            text: requiredText('决议内容', 2000),
            category: z.enum(MAJOR_CATEGORIES).nullable().default(null),
            yes: count,
            no: count,
            abstain: count,
          })
          .strict(),
      )
      .max(100)
      .default([]),
    attendance: z
      .array(
        z
          .object({
            memberId: id('党员'),
            status: z.enum(ATTENDANCE_STATUSES, { error: '出勤情况不正确' }),
            reason: optionalText('原因', 200),
          })
          .strict(),
      )
      .max(2000)
      .nullable()
      .default(null),
  })
  .strict()

export const meetingListInput = z
  .object({
    organizationId: z.number().int().positive().nullable().default(null),
    type: z.enum(MEETING_TYPES).nullable().default(null),
    year: z.number().int().min(1949).max(2200).nullable().default(null),
    q: z.string().max(50).default(''),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict()

const byId = z.object({ id: id('会议') }).strict()
const expectedInput = z.object({ organizationId: id('党组织'), heldOn: isoDate('会议日期'), types: z.array(z.enum(MEETING_TYPES)).min(1) }).strict()
const attachInput = z
  .object({
    meetingId: id('会议'),
    fileName: requiredText('文件名', 200),
    contentBase64: z.string().min(1).max(28_000_000, { message: '单个附件不能超过 20 MB' }),
  })
  .strict()
const attachmentInput = z.object({ id: id('附件') }).strict()
const makeupInput = z.object({ meetingId: id('会议'), memberId: id('党员'), makeupOn: isoDate('补课日期'), note: optionalText('补课内容', 500) }).strict()
const complianceInput = z.object({ from: isoDate('开始日期'), to: isoDate('结束日期'), organizationId: z.number().int().positive().nullable().default(null) }).strict()
const exemptInput = z.object({ organizationId: id('党组织'), type: z.enum(MEETING_TYPES), period: z.string().regex(/^\d{4}(-\d{2}|Q[1-4])?$/, { message: '期间应写成 2025-03、2025Q1 或 2025' }), note: requiredText('免于考核的原因', 500) }).strict()
const unexemptInput = z.object({ organizationId: id('党组织'), type: z.enum(MEETING_TYPES), period: z.string().regex(/^\d{4}(-\d{2}|Q[1-4])?$/) }).strict()
const templateInput = z.object({ organizationId: id('党组织'), types: z.array(z.enum(MEETING_TYPES)).min(1), source: z.enum(['template', 'last']).default('last') }).strict()
const voidInput = z.object({ id: id('会议'), reason: requiredText('作废原因', 500) }).strict()

export const meetingsContract = {
  'meetings.list': method<typeof meetingListInput, { total: number; rows: MeetingRow[] }>(meetingListInput, 'read'),
  'meetings.get': method<typeof byId, Meeting>(byId, 'read'),
  'meetings.create': method<typeof meetingFieldsInput, Meeting>(meetingFieldsInput, 'write'),
  'meetings.update': method<z.ZodObject<{ id: ReturnType<typeof id>; fields: typeof meetingFieldsInput }>, Meeting>(z.object({ id: id('会议'), fields: meetingFieldsInput }).strict(), 'write'),
  'meetings.void': method<typeof voidInput, Meeting>(voidInput, 'write'),
  /** who should attend on that date: the branch roster on the meeting date (committee members for 支委会) */
  'meetings.expected': method<typeof expectedInput, AttendanceEntry[]>(expectedInput, 'read'),
  /** an agenda skeleton per type ('template'), or the last meeting of the same types to copy ('last') */
  'meetings.template': method<typeof templateInput, MeetingStart>(templateInput, 'read'),
  'meetings.attach': method<typeof attachInput, Meeting>(attachInput, 'write'),
  'meetings.attachment': method<typeof attachmentInput, { fileName: string; mime: string; contentBase64: string }>(attachmentInput, 'read'),
  'meetings.makeup': method<typeof makeupInput, Meeting>(makeupInput, 'write'),
  'compliance.grid': method<typeof complianceInput, ComplianceCell[]>(complianceInput, 'read'),
  'compliance.exempt': method<typeof exemptInput, { ok: true }>(exemptInput, 'write'),
  /** withdraw an exemption recorded by mistake (the audit log keeps what it said) */
  'compliance.unexempt': method<typeof unexemptInput, { ok: true }>(unexemptInput, 'write'),
}
