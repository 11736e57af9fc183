import { organizationsContract } from '../../shared/contract/organizations'
import { DEFAULT_TERM_YEARS, ORG_TYPE_LABELS, type OrgSummary } from '../../shared/organizations'
import { AppError, invalid, notFound } from '../../shared/result'
import { parentProblem } from '../../shared/rules/organization'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { readSettings } from '../settings'
import * as repo from './repository'
import { summarize } from './summary'

function summaryOf(ctx: CallContext, id: number): OrgSummary {
  const org = repo.findOrganization(ctx.db, id)
  if (!org) throw notFound('该党组织')
  return summarize(ctx.db, [org], readSettings(ctx.db), ctx.now())[0]!
}

function requireParent(ctx: CallContext, type: OrgSummary['type'], parentId: number | null): void {
  const parent = parentId === null ? null : repo.findOrganization(ctx.db, parentId)
  if (parentId !== null && !parent) throw invalid('所选上级组织不存在', 'parentId')
  if (parent && parent.status !== 'active') throw invalid(`上级组织“${parent.name}”已撤销，不能在其下设立或转入组织`, 'parentId')
  const problem = parentProblem(type, parent?.type ?? null)
  if (problem) throw invalid(problem, 'parentId')
}

function requireUniqueName(ctx: CallContext, name: string, selfId?: number): void {
  const same = repo.findActiveByName(ctx.db, name)
  if (same && same.id !== selfId) throw new AppError('CONFLICT', `已有名为“${name}”的党组织，请换一个名称`, [{ field: 'name', message: '名称重复' }])
}

export const organizationsHandlers: Handlers<typeof organizationsContract> = {
  'orgs.list': (input, ctx) => {
    const orgs = repo.allOrganizations(ctx.db).filter((o) => input.includeDissolved || o.status === 'active')
    return summarize(ctx.db, orgs, readSettings(ctx.db), ctx.now())
  },

  'orgs.get': (input, ctx) => summaryOf(ctx, input.id),

  'orgs.create': (input, ctx) => {
    requireParent(ctx, input.type, input.parentId)
    requireUniqueName(ctx, input.name)
    const termYears = input.termYears === undefined ? DEFAULT_TERM_YEARS[input.type] : input.termYears
    const id = repo.insertOrganization(ctx.db, { ...input, termYears }, ctx.now().toISOString())
    repo.setDepartments(ctx.db, id, input.departments)
    const after = summaryOf(ctx, id)
    recordAudit(ctx, { entity: 'organization', entityId: id, before: null, after: strip(after) })
    return after
  },

  'orgs.update': (input, ctx) => {
    const before = summaryOf(ctx, input.id)
    if (before.status !== 'active') throw invalid('已撤销的组织不能修改，请先恢复')
    if (input.type !== before.type) {
      requireParent(ctx, input.type, before.parentId)
      const children = repo.allOrganizations(ctx.db).filter((o) => o.parentId === input.id && o.status === 'active')
      const blocked = children.map((c) => parentProblem(c.type, input.type)).find(Boolean)
      if (blocked) throw invalid(`不能改为${ORG_TYPE_LABELS[input.type]}：其下级组织不再合规（${blocked}）`, 'type')
    }
    requireUniqueName(ctx, input.name, input.id)
    const termYears = input.termYears === undefined ? before.termYears : input.termYears
    repo.updateOrganization(ctx.db, input.id, { ...input, termYears }, ctx.now().toISOString())
    repo.setDepartments(ctx.db, input.id, input.departments)
    const after = summaryOf(ctx, input.id)
    recordAudit(ctx, { entity: 'organization', entityId: input.id, before: strip(before), after: strip(after) })
    return after
  },

  'orgs.move': (input, ctx) => {
    const before = summaryOf(ctx, input.id)
    if (before.status !== 'active') throw invalid('已撤销的组织不能调整隶属关系')
    if (input.parentId !== null && repo.descendantIds(ctx.db, input.id).includes(input.parentId)) {
      throw invalid('不能把组织移到它自己或它的下级组织之下', 'parentId')
    }
    requireParent(ctx, before.type, input.parentId)
    repo.setParent(ctx.db, input.id, input.parentId, ctx.now().toISOString())
    const after = summaryOf(ctx, input.id)
    recordAudit(ctx, { entity: 'organization', entityId: input.id, before: strip(before), after: strip(after) })
    return after
  },

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
    recordAudit(ctx, { entity: 'organization', entityId: input.id, before: strip(before), after: strip(after) })
    return after
  },

  'orgs.reinstate': (input, ctx) => {
    const before = summaryOf(ctx, input.id)
    if (before.status === 'active') throw invalid('该组织未撤销，无需恢复')
    requireUniqueName(ctx, before.name, before.id)
    requireParent(ctx, before.type, before.parentId)
    repo.setStatus(ctx.db, input.id, 'active', null, null, ctx.now().toISOString())
    const after = summaryOf(ctx, input.id)
    recordAudit(ctx, { entity: 'organization', entityId: input.id, before: strip(before), after: strip(after) })
    return after
  },

  'departments.list': (_input, ctx) => repo.allDepartmentNames(ctx.db),
}

/** The audit keeps the stored record, not derived values such as warnings. */
function strip(org: OrgSummary): Omit<OrgSummary, 'warnings' | 'fullMembers' | 'probationaryMembers' | 'hasCommittee' | 'termEndsOn'> {
  const { warnings: _w, fullMembers: _f, probationaryMembers: _p, hasCommittee: _h, termEndsOn: _t, ...stored } = org
  return stored
}
