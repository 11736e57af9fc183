import { organizationsContract } from '../../shared/contract/organizations'
import { invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { Handlers } from '../handler'
import { readSettings } from '../settings'
import * as repo from './repository'
import { createOrganization, moveOrganization, requireParent, requireUniqueName, stored, summaryOf, updateOrganization } from './service'
import { summarize } from './summary'

export const organizationsHandlers: Handlers<typeof organizationsContract> = {
  'orgs.list': (input, ctx) => {
    const orgs = repo.allOrganizations(ctx.db).filter((o) => input.includeDissolved || o.status === 'active')
    return summarize(ctx.db, orgs, readSettings(ctx.db), ctx.now())
  },

  'orgs.get': (input, ctx) => summaryOf(ctx, input.id),

  'orgs.create': (input, ctx) => createOrganization(ctx, input),

  'orgs.update': (input, ctx) => updateOrganization(ctx, input.id, input),

  'orgs.move': (input, ctx) => moveOrganization(ctx, input.id, input.parentId),

  // Organizations are never deleted once created: 撤销 keeps the record, its history and its members' history.
  'orgs.dissolve': (input, ctx) => {
    const before = summaryOf(ctx, input.id)
    if (before.status !== 'active') throw invalid('该组织已撤销')
    if (before.foundedOn && input.dissolvedOn < before.foundedOn) throw invalid(`撤销日期不能早于成立日期（${before.foundedOn}）`, 'dissolvedOn')
    const liveChildren = repo.allOrganizations(ctx.db).filter((o) => o.parentId === input.id && o.status === 'active')
    if (liveChildren.length > 0) {
      throw invalid(`请先撤销或转移其下级组织：${liveChildren.map((c) => c.name).join('、')}`)
    }
    if (before.fullMembers + before.probationaryMembers > 0) {
      throw invalid(`该组织还有${before.fullMembers + before.probationaryMembers}名党员，请先将他们转到其他支部`)
    }
    repo.setStatus(ctx.db, input.id, 'dissolved', input.dissolvedOn, input.reason, ctx.now().toISOString())
    const after = summaryOf(ctx, input.id)
    recordAudit(ctx, { entity: 'organization', entityId: input.id, before: stored(before), after: stored(after) })
    return after
  },

  'orgs.reinstate': (input, ctx) => {
    const before = summaryOf(ctx, input.id)
    if (before.status === 'active') throw invalid('该组织未撤销，无需恢复')
    requireUniqueName(ctx, before.name, before.id)
    requireParent(ctx, before.type, before.parentId)
    repo.setStatus(ctx.db, input.id, 'active', null, null, ctx.now().toISOString())
    const after = summaryOf(ctx, input.id)
    recordAudit(ctx, { entity: 'organization', entityId: input.id, before: stored(before), after: stored(after) })
    return after
  },

  'departments.list': (_input, ctx) => repo.allDepartmentNames(ctx.db),
}
