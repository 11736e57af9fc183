import { DEFAULT_TERM_YEARS, ORG_TYPE_LABELS, type OrgSummary, type OrgType } from '../../shared/organizations'
import { AppError, invalid, notFound } from '../../shared/result'
import { parentProblem } from '../../shared/rules/organization'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { readSettings } from '../settings'
import * as repo from './repository'
import { summarize } from './summary'

/** The organization operations shared by the screens (handlers) and the Excel import. */
export interface OrgFields {
  name: string
  type: OrgType
  departments: string[]
  foundedOn: string | null
  termYears?: number | null
  termStartedOn: string | null
  note: string | null
}

export function summaryOf(ctx: CallContext, id: number): OrgSummary {
  const org = repo.findOrganization(ctx.db, id)
  if (!org) throw notFound('该党组织')
  return summarize(ctx.db, [org], readSettings(ctx.db), ctx.now())[0]!
}

export function requireParent(ctx: CallContext, type: OrgType, parentId: number | null): void {
  const parent = parentId === null ? null : repo.findOrganization(ctx.db, parentId)
  if (parentId !== null && !parent) throw invalid('所选上级组织不存在', 'parentId')
  if (parent && parent.status !== 'active') throw invalid(`上级组织“${parent.name}”已撤销，不能在其下设立或转入组织`, 'parentId')
  const problem = parentProblem(type, parent?.type ?? null)
  if (problem) throw invalid(problem, 'parentId')
}

export function requireUniqueName(ctx: CallContext, name: string, selfId?: number): void {
  const same = repo.findActiveByName(ctx.db, name)
  if (same && same.id !== selfId) throw new AppError('CONFLICT', `已有名为“${name}”的党组织，请换一个名称`, [{ field: 'name', message: '名称重复' }])
}

/** The audit keeps the stored record, not derived values such as warnings. */
export function stored(org: OrgSummary): Omit<OrgSummary, 'warnings' | 'fullMembers' | 'probationaryMembers' | 'hasCommittee' | 'termEndsOn'> {
  const { warnings: _w, fullMembers: _f, probationaryMembers: _p, hasCommittee: _h, termEndsOn: _t, ...rest } = org
  return rest
}

export function createOrganization(ctx: CallContext, input: OrgFields & { parentId: number | null }): OrgSummary {
  requireParent(ctx, input.type, input.parentId)
  requireUniqueName(ctx, input.name)
  const termYears = input.termYears === undefined ? DEFAULT_TERM_YEARS[input.type] : input.termYears
  const id = repo.insertOrganization(ctx.db, { ...input, termYears }, ctx.now().toISOString())
  repo.setDepartments(ctx.db, id, input.departments)
  const after = summaryOf(ctx, id)
  recordAudit(ctx, { entity: 'organization', entityId: id, before: null, after: stored(after) })
  return after
}

export function updateOrganization(ctx: CallContext, id: number, input: OrgFields): OrgSummary {
  const before = summaryOf(ctx, id)
  if (before.status !== 'active') throw invalid('已撤销的组织不能修改，请先恢复')
  if (input.type !== before.type) {
    requireParent(ctx, input.type, before.parentId)
    const children = repo.allOrganizations(ctx.db).filter((o) => o.parentId === id && o.status === 'active')
    const blocked = children.map((c) => parentProblem(c.type, input.type)).find(Boolean)
    if (blocked) throw invalid(`不能改为${ORG_TYPE_LABELS[input.type]}：其下级组织不再合规（${blocked}）`, 'type')
  }
  requireUniqueName(ctx, input.name, id)
  const termYears = input.termYears === undefined ? before.termYears : input.termYears
  repo.updateOrganization(ctx.db, id, { ...input, termYears }, ctx.now().toISOString())
  repo.setDepartments(ctx.db, id, input.departments)
  const after = summaryOf(ctx, id)
  recordAudit(ctx, { entity: 'organization', entityId: id, before: stored(before), after: stored(after) })
  return after
}

export function moveOrganization(ctx: CallContext, id: number, parentId: number | null): OrgSummary {
  const before = summaryOf(ctx, id)
  if (before.status !== 'active') throw invalid('已撤销的组织不能调整隶属关系')
  if (parentId !== null && repo.descendantIds(ctx.db, id).includes(parentId)) {
    throw invalid('不能把组织移到它自己或它的下级组织之下', 'parentId')
  }
  requireParent(ctx, before.type, parentId)
  repo.setParent(ctx.db, id, parentId, ctx.now().toISOString())
  const after = summaryOf(ctx, id)
  recordAudit(ctx, { entity: 'organization', entityId: id, before: stored(before), after: stored(after) })
  return after
}
