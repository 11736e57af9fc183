import type { Database } from 'better-sqlite3'
import { monthEnd, type IsoDate } from '../../shared/dates'
import { termEndsOn } from '../../shared/rules/organization'
import { byUrgency, type TodoItem } from '../../shared/todo'
import type { CallContext } from '../context'
import { complianceGrid } from '../meetings/compliance'
import { allOrganizations, descendantIds } from '../organizations/repository'
import { readSettings } from '../settings'
import { addMonth } from '../../shared/dues'
import { membersDues, trackedFrom } from '../dues/ledger'
import { activePlans } from '../plans/service'
import { openWorkPoints } from '../work-points/service'
import { birthdayItems, candidateItems, duesItems, meetingItems, personItems, planItems, supervisionItems, termItems, workPointItems, type JoinedFacts, type OpenSupervision, type PersonFacts, type UnpaidDues } from './rules'

/**
 * The one deadline engine (docs/deadlines.md): reads the facts, hands them to the pure rules of
 * ./rules.ts and answers every dated obligation of `organizationId` and everything under it (all when null),
 * most urgent first.
 */
export function todoList(ctx: CallContext, asOf: IsoDate, organizationId: number | null): TodoItem[] {
  const settings = readSettings(ctx.db)
  const scope = organizationId === null ? null : new Set(descendantIds(ctx.db, organizationId))
  const inScope = (id: number) => !scope || scope.has(id)
  // §1: the periods of the as-of year that have begun, by the 达标 grid itself
  const cells = complianceGrid(ctx, `${asOf.slice(0, 4)}-01-01`, asOf, organizationId)
  const orgs = allOrganizations(ctx.db).filter((o) => o.status === 'active' && inScope(o.id))
  const people = peopleFacts(ctx.db).filter((p) => inScope(p.organizationId))
  const terms = orgs.map((o) => ({ id: o.id, name: o.name, termEndsOn: termEndsOn(o.termStartedOn, o.termYears) }))
  return [
    ...meetingItems(cells, asOf),
    // §10: this year's plans whose month has begun
    ...planItems(activePlans(ctx, `${asOf.slice(0, 4)}-01-01`, monthEnd(asOf)).filter((p) => inScope(p.organizationId)), asOf),
    ...termItems(terms, asOf, settings),
    ...personItems(people, asOf, settings),
    ...candidateItems(people, asOf, settings),
    ...birthdayItems(joinedIn(ctx.db, asOf).filter((m) => inScope(m.organizationId)), asOf),
    ...supervisionItems(openSupervision(ctx.db).filter((s) => inScope(s.organizationId)), asOf),
    ...committeeItems(ctx, asOf, organizationId),
    ...duesItems(unpaidDues(ctx, asOf).filter((u) => inScope(u.organizationId)), asOf, settings),
  ].sort(byUrgency)
}

/** §11: the 党委's own 工作要点, for the whole hospital's list or the 党委's (not for a branch's) */
function committeeItems(ctx: CallContext, asOf: IsoDate, organizationId: number | null): TodoItem[] {
  const committee = ctx.db.prepare("SELECT id, name FROM organizations WHERE parent_id IS NULL AND status = 'active' ORDER BY id LIMIT 1").get() as { id: number; name: string } | undefined
  if (!committee || (organizationId !== null && organizationId !== committee.id)) return []
  return workPointItems(openWorkPoints(ctx, asOf), committee, asOf)
}

/** 预备党员, 积极分子 and 发展对象 on the roster (党籍 正常), with the dates §3, §4 and §12 need. */
function peopleFacts(db: Database): PersonFacts[] {
  return db
    .prepare(
      `SELECT m.id, m.name, m.stage, m.organization_id AS organizationId, o.name AS organizationName, m.joined_on AS joinedOn,
              m.extension_months AS extensionMonths, m.activist_on AS activistOn, m.candidate_on AS candidateOn,
              m.political_review_on AS politicalReviewOn, m.training_hours AS trainingHours
       FROM members m JOIN organizations o ON o.id = m.organization_id
       WHERE m.status = 'normal' AND m.stage IN ('activist','candidate','probationary')`,
    )
    .all() as PersonFacts[]
}

/** §13: 正式 and 预备党员 on the roster (党籍 正常) who joined in the as-of date's month of some year. */
function joinedIn(db: Database, asOf: IsoDate): JoinedFacts[] {
  return db
    .prepare(
      `SELECT m.id, m.name, m.organization_id AS organizationId, o.name AS organizationName, m.joined_on AS joinedOn
       FROM members m JOIN organizations o ON o.id = m.organization_id
       WHERE m.status = 'normal' AND m.stage IN ('full','probationary') AND m.joined_on IS NOT NULL AND substr(m.joined_on, 6, 2) = ?`,
    )
    .all(asOf.slice(5, 7)) as JoinedFacts[]
}

/** Open 督办事项 (立项、办理中、申请办结) with their current 时限 (§5) and earliest 节点 not done (§14). */
function openSupervision(db: Database): OpenSupervision[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.title, s.organization_id AS organizationId, o.name AS organization, s.due_on AS dueOn,
              (SELECT json_object('title', m.title, 'dueOn', m.due_on) FROM supervision_milestones m
               WHERE m.item_id = s.id AND m.done_on IS NULL ORDER BY m.due_on, m.position LIMIT 1) AS milestone
       FROM supervision_items s JOIN organizations o ON o.id = s.organization_id
       WHERE s.status IN ('registered','in_progress','completion_requested')`,
    )
    .all() as (Omit<OpenSupervision, 'milestone'> & { milestone: string | null })[]
  return rows.map((r) => ({ ...r, milestone: r.milestone ? (JSON.parse(r.milestone) as OpenSupervision['milestone']) : null }))
}

/**
 * §7: members with ended months unpaid in the 党费 ledger, as of `asOf` (the month of asOf is still being
 * collected). Months before the ledger's first month are nobody's debt (docs/dues.md §4); a month whose standard is
 * nothing (减免 to 0) owes nothing.
 */
function unpaidDues(ctx: CallContext, asOf: IsoDate): UnpaidDues[] {
  const through = addMonth(asOf.slice(0, 7), -1)
  const start = trackedFrom(ctx)
  if (through < start) return []
  const names = new Map(allOrganizations(ctx.db).map((o) => [o.id, o.name]))
  return membersDues(ctx, through, { through }).flatMap((d) => {
    const unpaid = d.owed.filter((o) => o.month >= start && o.month <= through && !o.payment && o.standard?.monthlyFen !== 0)
    if (!unpaid.length) return []
    const at = unpaid[0]!.organizationId
    return [{ memberId: d.member.id, name: d.member.name, organizationId: at, organization: names.get(at) ?? '', months: unpaid.map((o) => o.month), run: d.run }]
  })
}
