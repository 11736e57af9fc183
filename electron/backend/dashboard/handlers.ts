import codes from '../../shared/codes/code-lists.json'
import type { RoundView } from '../../shared/contract/assessments'
import type { dashboardContract, DashboardOverview } from '../../shared/contract/dashboard'
import { assessmentsHandlers } from '../assessments/handlers'
import { todayLocal } from '../../shared/dates'
import { STAGE_LABELS, STAGES } from '../../shared/members'
import { isBranchType } from '../../shared/organizations'
import type { Handlers } from '../handler'
import { complianceGrid } from '../meetings/compliance'
import { allOrganizations } from '../organizations/repository'
import { annualStatistics } from '../statistics/annual'

const LEVEL_OF = new Map<string, string>(Object.entries(codes.titleLevels).flatMap(([level, titles]) => titles.map((t) => [t, level] as [string, string])))

/** The hospital overview for leaders: one backend call, aggregated in SQL and the existing rule modules. */
export const dashboardHandlers: Handlers<typeof dashboardContract> = {
  'dashboard.overview': ({ year }, ctx) => {
    const today = todayLocal(ctx.now())
    const asOf = `${year}-12-31` < today ? `${year}-12-31` : today
    const { stats } = annualStatistics(ctx, Number(asOf.slice(0, 4)), asOf)
    const orgs = allOrganizations(ctx.db).filter((o) => o.status === 'active')
    const branches = orgs.filter((o) => isBranchType(o.type))
    const stageCounts = new Map((ctx.db.prepare("SELECT stage, count(*) AS n FROM members WHERE status = 'normal' GROUP BY stage").all() as { stage: string; n: number }[]).map((r) => [r.stage, r.n]))
    const titles = ctx.db.prepare("SELECT title, count(*) AS n FROM members WHERE status IN ('normal','suspended') AND stage IN ('full','probationary') GROUP BY title").all() as { title: string | null; n: number }[]
    const titleLevels: Record<string, number> = { 正高: 0, 副高: 0, 中级: 0, 初级: 0, 无: 0 }
    for (const t of titles) titleLevels[LEVEL_OF.get(t.title ?? '') ?? '无'] = (titleLevels[LEVEL_OF.get(t.title ?? '') ?? '无'] ?? 0) + t.n
    const secretaries = ctx.db.prepare("SELECT count(*) AS s, sum(dual_leader) AS d FROM committee_posts WHERE post = 'secretary' AND ended_on IS NULL").get() as { s: number; d: number | null }
    const sizes = ctx.db
      .prepare("SELECT organization_id AS id, sum(stage = 'full') AS full, sum(stage = 'probationary') AS probationary FROM members WHERE status IN ('normal','suspended') AND stage IN ('full','probationary') GROUP BY organization_id")
      .all() as { id: number; full: number; probationary: number }[]
    const sizeOf = new Map(sizes.map((s) => [s.id, s]))

    // compliance heat map: for each branch and month, the share of the required items (whose period includes the month) that were met
    const cells = complianceGrid(ctx, `${year}-01-01`, `${year}-12-31`, null)
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    const index = new Map(branches.map((b, i) => [b.id, i]))
    const values: [number, number, number | null][] = []
    // cells grouped by branch once, instead of scanning every cell for every branch and month
    const cellsOf = new Map<number, typeof cells>()
    for (const c of cells) cellsOf.set(c.organizationId, [...(cellsOf.get(c.organizationId) ?? []), c])
    for (const b of branches) {
      const mine = cellsOf.get(b.id) ?? []
      months.forEach((m, mi) => {
        if (`${m}-01` > today) return values.push([mi, index.get(b.id)!, null])
        const q = `${year}Q${Math.ceil((mi + 1) / 3)}`
        const due = mine.filter((c) => c.status !== 'exempt' && (c.period === m || c.period === q || (c.period === String(year) && mi === 11)))
        values.push([mi, index.get(b.id)!, due.length ? Math.round((100 * due.filter((c) => c.status === 'ok').length) / due.length) / 100 : null])
      })
    }
    const latest = ctx.db.prepare('SELECT id FROM assessment_rounds ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined
    let assessment: DashboardOverview['assessment'] = null
    if (latest !== undefined) {
      const round = (assessmentsHandlers['assessments.round'] as (i: { id: number }, c: typeof ctx) => RoundView)({ id: latest }, ctx)
      const starCounts: Record<string, number> = {}
      for (const r of round.ratings) starCounts[`${r.stars}星`] = (starCounts[`${r.stars}星`] ?? 0) + 1
      assessment = { round: round.name, ranking: round.ratings.map((r) => ({ id: r.id, name: r.organizationName, score: r.score, stars: r.stars })), starCounts }
    }
    return {
      assessment,
      year,
      totals: { members: stats.total, full: stats.full, probationary: stats.probationary, branches: branches.length, organizations: orgs.length },
      pipeline: STAGES.map((s) => ({ stage: STAGE_LABELS[s], count: stageCounts.get(s) ?? 0 })),
      gender: stats.gender,
      ageBands: stats.ageBands,
      education: stats.education,
      titleLevels,
      dualLeader: { secretaries: secretaries.s, dual: secretaries.d ?? 0, branches: branches.length },
      heatmap: { branches: branches.map((b) => ({ id: b.id, name: b.name })), months: months.map((m) => `${Number(m.slice(5))}月`), values },
      branchSizes: branches.map((b) => ({ id: b.id, name: b.name, full: sizeOf.get(b.id)?.full ?? 0, probationary: sizeOf.get(b.id)?.probationary ?? 0 })).sort((a, b) => b.full + b.probationary - (a.full + a.probationary)),
    }
  },
}
