import { z } from 'zod'
import { isoDate } from '../schemas'
import type { TodoItem } from '../todo'
import { method } from './define'

const todoInput = z
  .object({
    /** the day the list is for; null = today on the backend's clock */
    asOf: z.union([isoDate('日期'), z.null()]).default(null),
    /** this organization and everything under it; null = the whole hospital */
    organizationId: z.number().int().positive().nullable().default(null),
  })
  .strict()

export const todoContract = {
  /** 待办事项: every dated obligation from the one deadline engine, most urgent first (docs/deadlines.md) */
  'todo.list': method<typeof todoInput, TodoItem[]>(todoInput, 'read'),
}
