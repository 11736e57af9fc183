import type { DashboardTrend } from '../../shared/contract/dashboard'
import { todayLocal } from '../../shared/dates'
import type { CallContext } from '../context'
import { complianceGrid } from '../meetings/compliance'
import { cellStateOn } from '../../shared/rules/compliance'

const YEARS = 5

/**
 * Year-over-year figures for the five years up to `year`. Members and admissions are counted as the 年报
 * counts them (组织关系 held at the year's end, joined by then / during the year) in one query for all years;
 * the compliance rate runs the same rule engine as the year grid, once per year — the slow part, which is
 * why the screen runs this as a background job.
 */
export function trends(ctx: CallContext, year: number): DashboardTrend[] {
  const today = todayLocal(ctx.now())
  const years = Array.from({ length: YEARS }, (_, i) => year - YEARS + 1 + i)
  const asOf = (y: number) => (`${y}-12-31` < today ? `${y}-12-31` : today)
  const values = years.map(() => '(?, ?, ?)').join(', ')
  const people = new Map(
    (
      ctx.db
        .prepare(
          `WITH y(year, start, d) AS (VALUES ${values})
           SELECT y.year, count(*) AS members, sum(m.joined_on >= y.start) AS admitted
           FROM y JOIN memberships s ON s.from_date <= y.d AND (s.to_date IS NULL OR s.to_date > y.d)
           JOIN members m ON m.id = s.member_id AND m.joined_on IS NOT NULL AND m.joined_on <= y.d
           GROUP BY y.year`,
        )
        .all(...years.flatMap((y) => [y, `${y}-01-01`, asOf(y)])) as { year: number; members: number; admitted: number }[]
    ).map((r) => [r.year, r]),
  )
  const meetings = new Map(
    (
      ctx.db
        .prepare("SELECT CAST(substr(held_on, 1, 4) AS INTEGER) AS year, count(*) AS n FROM meetings WHERE status = 'active' AND held_on BETWEEN ? AND ? GROUP BY 1")
        .all(`${years[0]}-01-01`, `${year}-12-31`) as { year: number; n: number }[]
    ).map((r) => [r.year, r.n]),
  )
  return years.map((y) => {
    const held = meetings.get(y) ?? 0
    let complianceRate: number | null = null
    // a year before the office kept records here would read as 0%: say "no records" instead
    if (held > 0 && `${y}-01-01` <= today) {
      const cells = complianceGrid(ctx, `${y}-01-01`, `${y}-12-31`, null).map((c) => cellStateOn(c, today)).filter((s) => s === 'ok' || s === 'missing')
      complianceRate = cells.length ? Math.round((1000 * cells.filter((s) => s === 'ok').length) / cells.length) / 1000 : null
    }
    return { year: y, members: people.get(y)?.members ?? 0, admitted: people.get(y)?.admitted ?? 0, meetings: held, complianceRate }
  })
}
