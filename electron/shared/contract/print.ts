import { z } from 'zod'
import { id, isoDate, requiredText } from '../schemas'
import { method } from './define'
import { memberListInput } from './members'

const year = z.number().int().min(1950).max(2200)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应写成 2025-03' })
/** the roster screen's own filters (members.list) without paging: the print takes every matching member */
export const rosterFilters = memberListInput.omit({ page: true, pageSize: true })

export const printInput = z.discriminatedUnion('what', [
  z.object({ what: z.literal('signin'), meetingId: id('会议'), blankRows: z.number().int().min(0).max(40).nullable().default(null) }).strict(),
  z.object({ what: z.literal('minutes'), meetingId: id('会议'), internal: z.boolean().default(true) }).strict(),
  z.object({ what: z.literal('signinBatch'), month, organizationId: z.number().int().positive().nullable().default(null) }).strict(),
  z
    .object({
      what: z.literal('binder'),
      organizationId: id('党支部'),
      year,
      /** first page of each record and of the statistics, once measured (CLI, desktop); fills 页码 in the contents */
      startPages: z.array(z.number().int().min(1).max(9999)).max(1000).nullable().default(null),
    })
    .strict(),
  z.object({ what: z.literal('statistics'), year }).strict(),
  /** 考评结果公示: the approved ranking and stars of one round */
  z
    .object({
      what: z.literal('assessmentNotice'),
      roundId: id('考评'),
      /** the hospital's own scheme as the notice names it (根据《…》); required when the round's scheme is the example */
      basis: z.string().trim().max(100, { message: '考评方案名称不超过100字' }).nullable().default(null),
    })
    .strict(),
  z
    .object({
      what: z.literal('roster'),
      filters: rosterFilters.default(rosterFilters.parse({})),
      columns: z.array(z.string().max(40)).max(30).default([]),
      internal: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      what: z.literal('notice'),
      kind: z.enum(['发展对象', '预备党员', '转正'], { error: '公示类型应为 发展对象、预备党员 或 转正' }),
      memberIds: z.array(id('人员')).min(1, { message: '请至少选择一人' }).max(200),
      periodFrom: isoDate('公示开始日期'),
      periodTo: isoDate('公示结束日期'),
      feedback: requiredText('意见反映渠道', 200),
      issuer: requiredText('发布单位', 100),
    })
    .strict(),
  /** 督办事项催办单 (docs/deadlines.md §9) */
  z.object({ what: z.literal('supervisionUrge'), id: id('督办事项') }).strict(),
  /** 会议计划 of a branch for a year (docs/deadlines.md §10) */
  z.object({ what: z.literal('meetingPlan'), organizationId: id('党组织'), year }).strict(),
  /** 督查督办工作通报 of a month (docs/deadlines.md §9) */
  z.object({ what: z.literal('supervisionReport'), month }).strict(),
])
export type PrintInput = z.input<typeof printInput>
export type PrintWhat = PrintInput['what']

export interface PrintDocument {
  title: string
  /** a complete HTML page with its own A4 @page rules; every value escaped */
  html: string
  /** pages when the layout fixes them (sign-in sheets); null when only the browser's layout knows */
  pages: number | null
  /** advice for the clerk shown above the preview, never printed (e.g. the unit name is not set yet) */
  notes?: string[]
}

export const printContract = {
  /** the print as a complete HTML page (A4, print CSS); every print is logged in the audit trail */
  'print.document': method<typeof printInput, PrintDocument>(printInput, 'read', { writes: true }),
}
