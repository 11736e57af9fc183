import type { AnnualFacts } from '../../shared/print/annual-tables'
import { fullYears, type IsoDate } from '../../shared/dates'
import { OCCUPATIONS } from '../../shared/members'
import { UNFILLED, educationGroup, isCollegeOrAbove, isMinority } from '../../shared/rules/statistics'
import type { CallContext } from '../context'
import { annualStatistics, heldOn, isMemberOn } from './annual'
import { reconcile } from './checks'

/**
 * Everything the numbered 年报 tables need (docs/statistics-tables.md), gathered once: the annual statistics with
 * each member's tags (for the cross tables), the 增减名单, and the few counts the statistics proper do not carry —
 * 博士/硕士 within 研究生, each admission's facts, 民主评议 grades, 延长/取消 of probation.
 */
export function annualFacts(ctx: CallContext, year: number, asOf: IsoDate = `${year}-12-31`): AnnualFacts {
  const from = `${year}-01-01`
  const { stats, keys } = annualStatistics(ctx, year, asOf)
  const reconciliation = reconcile(ctx, year, asOf)
  const members = heldOn(ctx, asOf).filter((p) => isMemberOn(p, asOf))
  const occupation = (o: string | null) => (!o ? UNFILLED : (OCCUPATIONS as readonly string[]).includes(o) ? o : '其他')
  const admissions = members
    .filter((p) => p.joinedOn! >= from)
    .map((p) => ({
      female: p.gender === '女',
      minority: isMinority(p.ethnicity),
      age35OrUnder: !!p.birthDate && fullYears(p.birthDate, p.joinedOn!) <= 35,
      collegeOrAbove: isCollegeOrAbove(educationGroup(p.education)),
      occupation: occupation(p.occupation),
    }))
  const degree = (name: string) => members.filter((p) => p.education === name).length
  const count = (sql: string, ...params: unknown[]) => ctx.db.prepare(sql).pluck().get(...params) as number
  const events = (type: string) => count('SELECT count(*) FROM member_events WHERE type = ? AND occurred_on BETWEEN ? AND ?', type, from, asOf)
  // 民主评议党员: each member once, the latest tally of the year that names them
  const graded = ctx.db
    .prepare(
      `SELECT s.member_id AS id, s.final_grade AS grade FROM ballot_subjects s JOIN ballot_tallies t ON t.id = s.tally_id
       WHERE t.kind = 'appraisal' AND t.year = ? AND s.member_id IS NOT NULL ORDER BY t.id`,
    )
    .all(year) as { id: number; grade: string | null }[]
  const gradeOf = new Map(graded.map((g) => [g.id, g.grade]))
  return {
    year,
    stats,
    reconciliation,
    memberTags: [...keys.values()].filter((k) => k.includes('total')),
    graduate: { 博士研究生: degree('博士研究生'), 硕士研究生: degree('硕士研究生') },
    admissions,
    appraisal: { subjects: gradeOf.size, grades: [...gradeOf.values()] },
    probation: {
      converted: stats.converted,
      afterExtension: members.filter((p) => p.convertedOn && p.convertedOn >= from && p.convertedOn <= asOf && (p.extensionMonths ?? 0) > 0).length,
      extended: events('extended'),
      cancelled: events('cancelled'),
    },
  }
}
