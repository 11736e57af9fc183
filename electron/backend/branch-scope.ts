import type { Database } from 'better-sqlite3'
import { contract, type Method } from '../shared/contract'
import { SECRETARY_METHODS } from '../shared/permissions'
import type { BackendContext } from './context'
import { DUES_SCOPE } from './dues/scope'
import { descendantIds } from './organizations/repository'

/**
 * The 支部书记 role: an account limited to its own branch and the 党小组 under it. Deny by default —
 * a method is open to a branch secretary only when listed here, with how its input names the organizations it
 * reads or changes:
 *   'open'    nothing personal or branch-specific (the organization tree, settings, hospital-wide aggregates);
 *   'narrow'  a list or export: its organization filter is set to the branch when missing or outside it;
 *   function  the organizations the call touches, each of which must lie within the branch.
 * Enforced in the dispatcher for every transport, after validation, so a hand-made API call gets no further
 * than the screens.
 */
type Input = Record<string, unknown>
export type ScopeRule = 'open' | 'narrow' | ((input: Input, db: Database) => (number | null)[])
type Rule = ScopeRule

const one = (db: Database, sql: string, id: unknown): number | null => (db.prepare(sql).pluck().get(id) as number | null | undefined) ?? null
const memberOrg = (db: Database, id: unknown) => one(db, 'SELECT organization_id FROM members WHERE id = ?', id)
const meetingOrg = (db: Database, id: unknown) => one(db, 'SELECT organization_id FROM meetings WHERE id = ?', id)
const orgOf = (i: Input) => [i.organizationId as number]
const supervisionOrg = (db: Database, id: unknown) => one(db, 'SELECT organization_id FROM supervision_items WHERE id = ?', id)
const supervisionFileOrg = (db: Database, id: unknown) =>
  one(db, 'SELECT s.organization_id FROM supervision_attachments a JOIN supervision_events e ON e.id = a.event_id JOIN supervision_items s ON s.id = e.item_id WHERE a.id = ?', id)
const tallyOrg = (i: Input, db: Database) => [one(db, 'SELECT organization_id FROM ballot_tallies WHERE id = ?', i.id)]
/** assessments: the branch's own entry, and only while it is at the first stage (支部自评) */
const ownEntryAtFirstStage = (i: Input, db: Database): (number | null)[] => {
  const at = db.prepare("SELECT json_extract(review_json, '$.at') FROM assessment_entries WHERE round_id = ? AND organization_id = ?").pluck().get(i.roundId, i.organizationId) as number | undefined
  return at === 0 ? [i.organizationId as number] : [null]
}
/** 批量提交 by a 支部书记: every chosen entry must be one they could submit alone */
const ownEntriesAtFirstStage = (i: Input, db: Database): (number | null)[] =>
  (i.organizationIds as number[]).flatMap((organizationId) => ownEntryAtFirstStage({ roundId: i.roundId, organizationId }, db))

const RULES: Partial<Record<Method, Rule>> = {
  'app.info': 'open',
  'orgs.list': 'open',
  'orgs.get': 'open',
  'departments.list': 'open',
  'settings.get': 'open',
  'jobs.status': 'open',
  // only the caller's own jobs (jobs/runner.ts cancelJob)
  'jobs.cancel': 'open',
  // the job's own method is judged by the same rules when it is started (jobs/handlers.ts)
  'jobs.start': 'open',
  'dashboard.overview': 'open',
  'dashboard.trends': 'open',
  // a branch's picture holds counts and scores, no personal records
  'dashboard.branch': 'open',
  'compliance.grid': 'open',
  // the annual statistics in numbers; its checks and drill-downs name people, so they stay with the office
  'stats.annual': 'open',
  'assessments.schemes': 'open',
  'assessments.rounds': 'open',
  // every round is listed, but another branch's entry shows only what is published (assessments/round-scope.ts)
  'assessments.round': 'open',
  'exports.columns': 'open',

  'members.list': 'narrow',
  'members.pipeline': 'narrow',
  'meetings.list': 'narrow',
  'exports.workbook': 'narrow',
  // a 支部书记 sees their own branch's 待办
  'todo.list': 'narrow',
  // 督办事项 of the branch itself (e.g. from its 支委会's decisions); the 党委's items stay with the office
  'supervision.list': 'narrow',
  'supervision.get': (i, db) => [supervisionOrg(db, i.id)],
  'supervision.create': (i, db) => (i.source === 'meeting' ? [meetingOrg(db, i.meetingId)] : [(i.organizationId as number | null) ?? null]),
  'supervision.act': (i, db) => [supervisionOrg(db, i.id)],
  'supervision.attachment': (i, db) => [supervisionFileOrg(db, i.id)],
  'supervision.withdrawAttachment': (i, db) => [supervisionFileOrg(db, i.id)],
  'supervision.milestoneDone': (i, db) => [one(db, 'SELECT s.organization_id FROM supervision_milestones m JOIN supervision_items s ON s.id = m.item_id WHERE m.id = ?', i.id)],
  // 会议计划: the branch's own (a plan moved to another organization must land in the branch too)
  'plans.list': (i) => [i.organizationId as number],
  'plans.save': (i, db) => [i.organizationId as number, ...(i.id ? [one(db, 'SELECT organization_id FROM meeting_plans WHERE id = ?', i.id)] : [])],
  'plans.void': (i, db) => [one(db, 'SELECT organization_id FROM meeting_plans WHERE id = ?', i.id)],

  'members.get': (i, db) => [memberOrg(db, i.id)],
  'members.create': orgOf,
  'members.update': (i, db) => [memberOrg(db, i.id)],
  'members.event': (i, db) => [memberOrg(db, i.id), ...(typeof i.organizationId === 'number' ? [i.organizationId] : [])],
  'members.reveal': (i, db) => [memberOrg(db, i.id)],
  'members.revoke': (i, db) => [memberOrg(db, i.id)],
  'committees.list': orgOf,
  'committees.appoint': orgOf,
  'committees.end': (i, db) => [one(db, 'SELECT organization_id FROM committee_posts WHERE id = ?', i.postId)],
  'meetings.get': (i, db) => [meetingOrg(db, i.id)],
  'meetings.expected': orgOf,
  'meetings.template': orgOf,
  'meetings.create': orgOf,
  'meetings.update': (i, db) => [meetingOrg(db, i.id), (i.fields as Input).organizationId as number],
  'meetings.void': (i, db) => [meetingOrg(db, i.id)],
  'meetings.attach': (i, db) => [meetingOrg(db, i.meetingId)],
  'meetings.attachment': (i, db) => [one(db, 'SELECT m.organization_id FROM attachments a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?', i.id)],
  'meetings.makeup': (i, db) => [meetingOrg(db, i.meetingId)],
  'assessments.auto': orgOf,
  'assessments.saveDraft': ownEntryAtFirstStage,
  'assessments.submit': ownEntryAtFirstStage,
  'assessments.batchSubmit': ownEntriesAtFirstStage,
  'assessments.attach': ownEntryAtFirstStage,
  'assessments.evidence': (i, db) => [one(db, 'SELECT organization_id FROM assessment_evidence WHERE id = ?', i.id)],
  // 民主评议党员 is the branch's own affair: its tallies (述职评议 is the committee's, so it stays out of reach)
  'ballots.list': 'narrow',
  'ballots.create': (i) => (i.kind === 'appraisal' ? [i.organizationId as number] : [null]),
  'ballots.get': tallyOrg,
  'ballots.saveCounts': tallyOrg,
  'ballots.decide': tallyOrg,
  'ballots.setRubric': tallyOrg,
  'ballots.close': tallyOrg,
  'ballots.reopen': tallyOrg,
  // a record's own history, for a record of the branch
  'audit.list': (i, db) => (i.entity === 'member' ? [memberOrg(db, i.entityId)] : i.entity === 'meeting' ? [meetingOrg(db, i.entityId)] : [null]),
  'print.document': (i, db) => printOrgs(i, db),
  // 党费: the branch's own ledger and payments (dues/scope.ts)
  ...DUES_SCOPE,
}

function printOrgs(i: Input, db: Database): (number | null)[] {
  switch (i.what) {
    case 'signin':
    case 'minutes':
      return [meetingOrg(db, i.meetingId)]
    case 'binder':
    case 'meetingPlan':
      return [i.organizationId as number]
    case 'roster':
      return [((i.filters as Input | undefined)?.organizationId as number | null) ?? null]
    case 'signinBatch':
      return [(i.organizationId as number | null) ?? null]
    case 'supervisionUrge':
      return [supervisionOrg(db, i.id)]
    case 'notice':
      // 发展党员公示 of the branch's own people
      return (i.memberIds as number[]).map((id) => memberOrg(db, id))
    default:
      return [null]
  }
}

export const SECRETARY_REFUSED = '支部书记账号只能查看和办理本支部的事项；此操作请由党务干事办理'

const isSecretary = (context: BackendContext): boolean => context.transport !== 'cli' && context.session.user?.role === 'secretary'

/** The organizations a signed-in 支部书记 may see in full (the branch and its 党小组); null for every other role. */
export function secretaryOwn(context: BackendContext): Set<number> | null {
  const user = context.session.user
  return isSecretary(context) && user?.organizationId ? new Set(descendantIds(context.db, user.organizationId)) : null
}

/** the methods with a rule here: exactly shared/permissions.ts's list, which the window asks too (a unit test holds them equal) */
export const SCOPED_METHODS: readonly string[] = Object.keys(RULES)

/**
 * A method a 支部书记 may not call at all (checked before the input is even read, like any role check). The
 * public methods (status, sign-in, sign-out, recovery) are everyone's.
 */
export function secretaryRefuses(method: Method, context: BackendContext): string | null {
  return isSecretary(context) && contract[method].access !== 'public' && !(SECRETARY_METHODS.has(method) && RULES[method]) ? SECRETARY_REFUSED : null
}

/**
 * For a 支部书记: the input to run (narrowed to the branch where that is what a list means) or the reason
 * the call is refused. Every other role passes unchanged.
 */
export function branchScope(method: Method, input: unknown, context: BackendContext): { input: unknown } | { problem: string } {
  const user = context.session.user
  if (!isSecretary(context) || !user || contract[method].access === 'public') return { input }
  const rule = RULES[method]
  if (!rule) return { problem: SECRETARY_REFUSED }
  if (rule === 'open') return { input }
  const own = new Set(descendantIds(context.db, user.organizationId!))
  const i = input as Input
  if (rule === 'narrow') return { input: narrowed(method, i, own, user.organizationId!) }
  const touched = rule(i, context.db)
  return touched.every((id) => id !== null && own.has(id)) ? { input } : { problem: `${SECRETARY_REFUSED}（${user.organizationName ?? '本支部'}以外的记录）` }
}

function narrowed(method: Method, i: Input, own: Set<number>, branch: number): Input {
  if (method === 'exports.workbook') {
    const scope = i.scope as Input
    return { ...i, scope: { ...scope, organizationId: own.has(scope.organizationId as number) ? scope.organizationId : branch } }
  }
  return { ...i, organizationId: own.has(i.organizationId as number) ? i.organizationId : branch }
}
