import type { supervisionContract } from '../../shared/contract/supervision'
import { todayLocal } from '../../shared/dates'
import type { Handlers } from '../handler'
import { descendantIds } from '../organizations/repository'
import { listItems } from './repository'
import { readAttachment } from './attachments'
import { act, createItem, getItem, milestoneDone, withdrawAttachment } from './service'

export const supervisionHandlers: Handlers<typeof supervisionContract> = {
  // 督办台账: overdue first, then the soonest 时限 (docs/deadlines.md); void items last
  'supervision.list': ({ organizationId, status, overdue, asOf }, ctx) => {
    const orgs = organizationId === null ? null : JSON.stringify(descendantIds(ctx.db, organizationId))
    const rows = listItems(ctx.db, asOf ?? todayLocal(ctx.now()), { orgs, status }).filter((r) => !overdue || r.overdue)
    const rank = (r: (typeof rows)[number]) => (r.overdue ? 0 : r.status === 'void' ? 3 : r.status === 'completed' ? 2 : 1)
    return rows.sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn) || a.id - b.id)
  },
  'supervision.get': ({ id, asOf }, ctx) => getItem(ctx, id, asOf),
  'supervision.create': (input, ctx) => createItem(ctx, input),
  'supervision.act': (input, ctx) => act(ctx, input),
  'supervision.attachment': ({ id }, ctx) => readAttachment(ctx, id),
  'supervision.withdrawAttachment': ({ id, reason }, ctx) => withdrawAttachment(ctx, id, reason),
  'supervision.milestoneDone': ({ id, on, note }, ctx) => milestoneDone(ctx, id, on, note),
}
