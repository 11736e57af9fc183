import { z } from 'zod'
import { id, isoDate, optionalIsoDate, optionalText, requiredText } from '../schemas'
import { WORK_POINT_KINDS, type WorkPoint } from '../work-points'
import { method } from './define'

const year = z.number().int().min(2000).max(2200)
const milestone = z.object({ title: requiredText('里程碑', 200), dueOn: isoDate('里程碑日期', 'plan'), doneOn: optionalIsoDate('完成日期') }).strict()
export const workPointSaveInput = z
  .object({
    /** null: a new item */
    id: z.number().int().positive().nullable().default(null),
    year,
    kind: z.enum(WORK_POINT_KINDS, { error: '请选择工作要点或党建重点项目' }),
    title: requiredText('工作内容', 500),
    leadDepartment: requiredText('牵头部门', 50),
    responsible: optionalText('责任人', 50),
    dueOn: isoDate('完成时限', 'plan'),
    milestones: z.array(milestone).max(24, { message: '里程碑不超过24个' }).default([]),
    /** recorded together: the day it was done and what was achieved */
    completedOn: optionalIsoDate('完成日期'),
    result: optionalText('完成情况', 2000),
  })
  .strict()
const listInput = z.object({ year, asOf: z.union([isoDate('日期'), z.null()]).default(null) }).strict()
const voidInput = z.object({ id: id('工作要点'), reason: requiredText('作废原因', 500) }).strict()

export const workPointsContract = {
  /** the year's 工作要点 and 重点项目 with their milestones (docs/deadlines.md §11) */
  'workPoints.list': method<typeof listInput, WorkPoint[]>(listInput, 'read'),
  'workPoints.save': method<typeof workPointSaveInput, WorkPoint>(workPointSaveInput, 'write'),
  'workPoints.void': method<typeof voidInput, WorkPoint>(voidInput, 'write'),
}
