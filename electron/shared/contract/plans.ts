import { z } from 'zod'
import { id, isoDate, optionalText, requiredText } from '../schemas'
import { PLANNED_TYPES, type PlanRow } from '../plans'
import type { MeetingType } from '../meetings'
import { method } from './define'

const listInput = z
  .object({
    organizationId: id('党组织'),
    year: z.number().int().min(2000).max(2200),
    /** the day 逾期 is judged on; null = today */
    asOf: z.union([isoDate('日期'), z.null()]).default(null),
  })
  .strict()
export const planSaveInput = z
  .object({
    /** null: a new plan */
    id: z.number().int().positive().nullable().default(null),
    organizationId: id('党组织'),
    meetingType: z.enum(PLANNED_TYPES as [MeetingType, ...MeetingType[]], { error: '请选择会议类型（三会一课、主题党日或组织生活会）' }),
    plannedOn: isoDate('计划日期', 'plan'),
    topic: requiredText('主题', 200),
    speaker: optionalText('主讲人', 50),
    place: optionalText('地点', 100),
  })
  .strict()
const voidInput = z.object({ id: id('会议计划'), reason: requiredText('作废原因', 500) }).strict()

export const plansContract = {
  /** a branch's plans of a year with what carried each out (docs/deadlines.md §10) */
  'plans.list': method<typeof listInput, PlanRow[]>(listInput, 'read'),
  'plans.save': method<typeof planSaveInput, PlanRow>(planSaveInput, 'write'),
  'plans.void': method<typeof voidInput, PlanRow>(voidInput, 'write'),
}
