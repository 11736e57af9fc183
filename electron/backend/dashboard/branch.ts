import type { BranchComplianceRow, DashboardBranch } from '../../shared/contract/dashboard'
import { todayLocal } from '../../shared/dates'
import { MEETING_TYPE_LABELS } from '../../shared/meetings'
import { COMMITTEE_POST_LABELS } from '../../shared/members'
import { ORG_STATUS_LABELS, ORG_TYPE_LABELS, isBranchType } from '../../shared/organizations'
import { invalid, notFound } from '../../shared/result'
import { cellStateOn, type PeriodUnit } from '../../shared/rules/compliance'
import { roundView } from '../assessments/rounds'
import type { CallContext } from '../context'
import { complianceGrid } from '../meetings/compliance'
import { listCommittee } from '../members/committees'
import { descendantIds, findOrganization } from '../organizations/repository'
import { structureOf, type StructurePerson } from './structure'

const round1 = (n: number) => Math.round(n * 10) / 10
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度']

/** Which months (0–11) a period key covers and how the grid labels it: "2025-03", "2025Q2", "2025". */
function span(period: string): { months: number[]; label: string; unit: PeriodUnit } {
  if (period.includes('Q')) {
    const q = Number(period.slice(-1))
    return { months: [0, 1, 2].map((i) => (q - 1) * 3 + i), label: QUARTERS[q - 1]!, unit: 'quarter' }
  }
  if (period.length === 7) return { months: [Number(period.slice(5)) - 1], label: `${Number(period.slice(5))}月`, unit: 'month' }
  return { months: Array.from({ length: 12 }, (_, i) => i), label: '全年', unit: 'year' }
}

function compliance(ctx: CallContext, organizationId: number, year: number, today: string): DashboardBranch['compliance'] {
  const cells = complianceGrid(ctx, `${year}-01-01`, `${year}-12-31`, organizationId).filter((c) => c.organizationId === organizationId)
  const rows = new Map<string, BranchComplianceRow>()
  for (const c of cells) {
    const s = span(c.period)
    const row = rows.get(c.type) ?? { type: c.type, label: MEETING_TYPE_LABELS[c.type], unit: s.unit, cells: [] }
    row.cells.push({ period: c.period, label: s.label, months: s.months, status: cellStateOn(c, today), held: c.held, required: c.required, reason: c.reason })
    rows.set(c.type, row)
  }
  // the rate counts periods that have ended (or are already met): a month still running is not a failure
  const counted = [...rows.values()].flatMap((r) => r.cells).filter((c) => c.status === 'ok' || c.status === 'missing')
  return {
    months: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    rows: [...rows.values()],
    rate: counted.length ? round1((100 * counted.filter((c) => c.status === 'ok').length) / counted.length) / 100 : null,
  }
}

/**
 * The latest round whose period starts by the end of the year and that gave this branch a score; the radar
 * compares its dimension scores with the mean over every branch scored in that round (the ranking's set).
 */
function assessment(ctx: CallContext, organizationId: number, year: number): DashboardBranch['assessment'] {
  const roundId = ctx.db
    .prepare(
      `SELECT e.round_id FROM assessment_entries e JOIN assessment_rounds r ON r.id = e.round_id
       WHERE e.organization_id = ? AND e.score IS NOT NULL AND (r.period_from IS NULL OR r.period_from <= ?)
       ORDER BY r.period_to IS NULL, r.period_to DESC, r.id DESC LIMIT 1`,
    )
    .pluck()
    .get(organizationId, `${year}-12-31`) as number | undefined
  if (roundId === undefined) return null
  const round = roundView(ctx, roundId)
  const scored = round.entries.filter((e) => e.score !== null)
  const mine = scored.find((e) => e.organizationId === organizationId)!
  const rated = round.ratings.find((r) => r.id === organizationId)!
  return {
    roundId,
    round: round.name,
    period: round.period,
    approved: mine.approved,
    score: mine.score!,
    stars: rated.stars,
    rank: rated.rank,
    of: round.ratings.length,
    averageScore: round1(mean(scored.map((e) => e.score!))),
    dimensions: round.scheme.scheme.dimensions.map((d, i) => ({
      name: d.name,
      max: d.points,
      score: mine.result.byDimension[i]!.score,
      average: round1(mean(scored.map((e) => e.result.byDimension[i]!.score))),
    })),
  }
}

/** 支部画像: everything the branch page shows, in one call. */
export function branchPortrait(ctx: CallContext, organizationId: number, year: number): DashboardBranch {
  const org = findOrganization(ctx.db, organizationId)
  if (!org) throw notFound('该党组织')
  if (!isBranchType(org.type)) throw invalid(`“${org.name}”是${ORG_TYPE_LABELS[org.type]}，支部画像只看党支部`)
  const today = todayLocal(ctx.now())
  const parent = org.parentId === null ? null : findOrganization(ctx.db, org.parentId)
  const committee = listCommittee(ctx, organizationId, false).map((p) => ({ memberId: p.memberId, name: p.memberName, post: COMMITTEE_POST_LABELS[p.post], title: p.title, dualLeader: p.dualLeader }))
  const secretary = listCommittee(ctx, organizationId, false).find((p) => p.post === 'secretary')
  // the people its members list shows: 组织关系 in the branch now, 正常 or 停止党籍
  const people = ctx.db
    .prepare(
      `SELECT gender, birth_date AS birthDate, education, title, occupation, stage FROM members
       WHERE organization_id = ? AND status IN ('normal','suspended') AND stage IN ('full','probationary')`,
    )
    .all(organizationId) as (StructurePerson & { stage: string })[]
  const stages = new Map((ctx.db.prepare("SELECT stage, count(*) AS n FROM members WHERE organization_id = ? AND status = 'normal' GROUP BY stage").all(organizationId) as { stage: string; n: number }[]).map((r) => [r.stage, r.n]))
  const scope = JSON.stringify(descendantIds(ctx.db, organizationId))
  const meetingsHeld = ctx.db.prepare("SELECT count(*) FROM meetings WHERE status = 'active' AND organization_id IN (SELECT value FROM json_each(?)) AND held_on BETWEEN ? AND ?").pluck().get(scope, `${year}-01-01`, `${year}-12-31`) as number
  return {
    organization: { id: org.id, name: org.name, typeLabel: ORG_TYPE_LABELS[org.type], parentName: parent?.name ?? null, foundedOn: org.foundedOn, status: ORG_STATUS_LABELS[org.status] },
    year,
    committee,
    secretary: secretary ? { memberId: secretary.memberId, name: secretary.memberName, dualLeader: secretary.dualLeader } : null,
    structure: structureOf(people, today),
    totals: {
      members: people.length,
      full: people.filter((p) => p.stage === 'full').length,
      probationary: people.filter((p) => p.stage === 'probationary').length,
      applicants: stages.get('applicant') ?? 0,
      activists: stages.get('activist') ?? 0,
      candidates: stages.get('candidate') ?? 0,
    },
    compliance: compliance(ctx, organizationId, year, today),
    meetingsHeld,
    assessment: assessment(ctx, organizationId, year),
  }
}
