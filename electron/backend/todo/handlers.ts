import type { todoContract } from '../../shared/contract/todo'
import { todayLocal } from '../../shared/dates'
import type { Handlers } from '../handler'
import { todoList } from './engine'

export const todoHandlers: Handlers<typeof todoContract> = {
  'todo.list': ({ asOf, organizationId }, ctx) => todoList(ctx, asOf ?? todayLocal(ctx.now()), organizationId),
}
