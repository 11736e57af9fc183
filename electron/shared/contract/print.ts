import { z } from 'zod'
import { id, isoDate, requiredText } from '../schemas'
import { method } from './define'

const printInput = z.discriminatedUnion('what', [
  z.object({ what: z.literal('signin'), meetingId: id('会议'), blankRows: z.number().int().min(0).max(40).default(5) }).strict(),
  z.object({ what: z.literal('minutes'), meetingId: id('会议') }).strict(),
  z.object({ what: z.literal('signinBatch'), month: z.string().regex(/^\d{4}-\d{2}$/, { message: '月份应写成 2025-03' }), organizationId: z.number().int().positive().nullable().default(null) }).strict(),
  z.object({ what: z.literal('binder'), organizationId: id('党支部'), year: z.number().int().min(1950).max(2200) }).strict(),
  z.object({ what: z.literal('statistics'), year: z.number().int().min(1950).max(2200) }).strict(),
  z.object({ what: z.literal('roster'), organizationId: z.number().int().positive().nullable().default(null), columns: z.array(z.string().max(40)).max(30).default([]) }).strict(),
  z
    .object({
      what: z.literal('notice'),
      kind: z.enum(['发展对象', '预备党员', '转正']),
      memberIds: z.array(id('人员')).min(1, { message: '请至少选择一人' }).max(200),
      periodFrom: isoDate('公示开始日期'),
      periodTo: isoDate('公示结束日期'),
      feedback: requiredText('意见反映渠道', 200),
      issuer: requiredText('发布单位', 100),
    })
    .strict(),
])

export const printContract = {
  /** the print as a complete HTML page (A4, print CSS); every print is logged */
  'print.document': method<typeof printInput, { title: string; html: string }>(printInput, 'read'),
}
