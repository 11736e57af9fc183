import type { dashboardContract } from '../../shared/contract/dashboard'
import { todayLocal } from '../../shared/dates'
import { STAGE_LABELS, STAGES } from '../../shared/members'
import { BRANCH_TYPES, inTreeOrder, isBranchType } from '../../shared/organizations'
import type { Handlers } from '../handler'
import { complianceGrid } from '../meetings/compliance'
import { allOrganizations } from '../organizations/repository'
import { latestAssessment } from './assessment'
import { cellStateOn } from '../../shared/rules/compliance'
import { branchPortrait } from './branch'
import { structureOf, type StructurePerson } from './structure'
import { byNeed } from './heatmap'
import { trends } from './trends'

/** The hospital overview for leaders: one backend call, aggregated in SQL and the existing rule modules. */
export const dashboardHandlers: Handlers<typeof dashboardContract> = {
  'dashboard.overview': ({ year }, ctx) => {
    const today = todayLocal(ctx.now())
    const asOf = `${year}-12-31` < today ? `${year}-12-31` : today
    // 党员 as the 年报 counts them (组织关系 held on the date, joined by then): one query, tallied once
    const people = ctx.db
      .prepare(
        `SELECT m.gender, m.birth_date AS birthDate, m.education, m.title, m.occupation, m.converted_on AS convertedOn
         FROM memberships s JOIN members m ON m.id = s.member_id
         WHERE s.from_date <= @on AND (s.to_date IS NULL OR s.to_date > @on) AND m.joined_on IS NOT NULL AND m.joined_on <= @on`,
      )
      .all({ on: asOf }) as (StructurePerson & { convertedOn: string | null })[]
    const full = people.filter((p) => p.convertedOn !== null && p.convertedOn <= asOf).length
    const { gender, ageBands, education, titleLevels } = structureOf(people, asOf)
    const orgs = inTreeOrder(allOrganizations(ctx.db).filter((o) => o.status === 'active'))
    const branches = orgs.filter((o) => isBranchType(o.type))
    const stageCounts = new Map((ctx.db.prepare("SELECT stage, count(*) AS n FROM members WHERE status = 'normal' GROUP BY stage").all() as { stage: string; n: number }[]).map((r) => [r.stage, r.n]))
    // 双带头人 rate = branches whose sitting 书记 is one / active branches (docs/rules.md §7); 总支 and 党委 书记 not counted
    const secretaries = ctx.db
      .prepare(
        `SELECT count(*) AS s, sum(p.dual_leader) AS d FROM committee_posts p JOIN organizations o ON o.id = p.organization_id
         WHERE p.post = 'secretary' AND p.ended_on IS NULL AND o.status = 'active' AND o.type IN (${BRANCH_TYPES.map((t) => `'${t}'`).join(',')})`,
      )
      .get() as { s: number; d: number | null }
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
    for (const c of cells) {
      const mine = cellsOf.get(c.organizationId)
      if (mine) mine.push(c)
      else cellsOf.set(c.organizationId, [c])
    }
    for (const b of branches) {
      // a quarter or year still running is not a failure yet (进行中): only met or ended items count
      const counted = (cellsOf.get(b.id) ?? []).filter((c) => c.status === 'ok' || cellStateOn(c, today) === 'missing')
      months.forEach((m, mi) => {
        if (`${m}-01` > today) return values.push([mi, index.get(b.id)!, null])
        const q = `${year}Q${Math.ceil((mi + 1) / 3)}`
        const due = counted.filter((c) => c.period === m || c.period === q || (c.period === String(year) && mi === 11))
        values.push([mi, index.get(b.id)!, due.length ? Math.round((100 * due.filter((c) => c.status === 'ok').length) / due.length) / 100 : null])
      })
    }
    const assessment = latestAssessment(ctx, year)
    return {
      assessment,
      year,
      totals: { members: people.length, full, probationary: people.length - full, branches: branches.length, organizations: orgs.length },
      // the 发展党员 pipeline only: 正式党员 have come through it and are shown apart (totals.full), never as its wide bottom
      pipeline: STAGES.filter((s) => s !== 'full').map((s) => ({ stage: STAGE_LABELS[s], count: stageCounts.get(s) ?? 0 })),
      gender,
      ageBands,
      education,
      titleLevels,
      dualLeader: { secretaries: secretaries.s, dual: secretaries.d ?? 0, branches: branches.length },
      heatmap: byNeed(branches, months.map((m) => `${Number(m.slice(5))}月`), values),
      branchSizes: branches.map((b) => ({ id: b.id, name: b.name, full: sizeOf.get(b.id)?.full ?? 0, probationary: sizeOf.get(b.id)?.probationary ?? 0 })).sort((a, b) => b.full + b.probationary - (a.full + a.probationary)),
    }
  },
  'dashboard.trends': ({ year }, ctx) => trends(ctx, year),
  'dashboard.branch': ({ organizationId, year }, ctx) => branchPortrait(ctx, organizationId, year),
}
