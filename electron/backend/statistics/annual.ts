import type { AnnualStatistics } from '../../shared/contract/statistics'
import { fullYears, type IsoDate } from '../../shared/dates'
import { LEAVE_REASONS, REDUCTIONS, type Reduction } from '../../shared/leaving'
import { OCCUPATIONS } from '../../shared/members'
import { IN_FORCE } from '../members/repository'
import { ORG_TYPES, ORG_TYPE_LABELS } from '../../shared/organizations'
import { AGE_BANDS, EDUCATION_GROUPS, JOIN_PERIODS, UNFILLED, ageBand, educationGroup, isCollegeOrAbove, isMinority, joinPeriod, tally } from '../../shared/rules/statistics'
import type { CallContext } from '../context'

/** One person with the facts the tables need, as of the snapshot date. */
export interface StatPerson {
  id: number
  name: string
  organizationName: string | null
  gender: string
  ethnicity: string | null
  birthDate: string | null
  education: string | null
  occupation: string | null
  joinedOn: string | null
  convertedOn: string | null
  extensionMonths: number | null
  appliedOn: string | null
  activistOn: string | null
  candidateOn: string | null
}

/**
 * People whose 组织关系 was held by one of our organizations on the date (docs/rules.md §6: counted by the
 * organization holding their formal membership; left or transferred-out members are not counted, their history is).
 */
export function heldOn(ctx: CallContext, on: IsoDate): StatPerson[] {
  return ctx.db
    .prepare(
      `SELECT m.id, m.name, o.name AS organizationName, m.gender, m.ethnicity, m.birth_date AS birthDate, m.education, m.occupation,
              m.joined_on AS joinedOn, m.converted_on AS convertedOn, m.extension_months AS extensionMonths,
              m.applied_on AS appliedOn, m.activist_on AS activistOn, m.candidate_on AS candidateOn
       FROM memberships s JOIN members m ON m.id = s.member_id JOIN organizations o ON o.id = s.organization_id
       WHERE s.from_date <= @on AND (s.to_date IS NULL OR s.to_date > @on)`,
    )
    .all({ on }) as StatPerson[]
}

export const isMemberOn = (p: StatPerson, on: IsoDate): boolean => !!p.joinedOn && p.joinedOn <= on
export const isFullOn = (p: StatPerson, on: IsoDate): boolean => !!p.convertedOn && p.convertedOn <= on

/** Every number of the annual report, each computed from exact dates (buckets are never stored). */
export function annualStatistics(ctx: CallContext, year: number, asOf: IsoDate = `${year}-12-31`): { stats: AnnualStatistics; keys: Map<number, string[]> } {
  const from = `${year}-01-01`
  const people = heldOn(ctx, asOf)
  const members = people.filter((p) => isMemberOn(p, asOf))
  const keys = new Map<number, string[]>()
  const tag = (p: StatPerson, key: string) => keys.set(p.id, [...(keys.get(p.id) ?? []), key])

  for (const p of members) {
    tag(p, 'total')
    tag(p, isFullOn(p, asOf) ? 'full' : 'probationary')
    tag(p, `gender.${p.gender}`)
    if (isMinority(p.ethnicity)) tag(p, 'minority')
    // every distribution counts everyone: what the record lacks is 未填, so each table's 合计 is 党员总数 (docs/statistics-tables.md)
    const edu = educationGroup(p.education)
    tag(p, `education.${edu ?? UNFILLED}`)
    if (isCollegeOrAbove(edu)) tag(p, 'collegeOrAbove')
    tag(p, `ageBands.${p.birthDate ? ageBand(p.birthDate, asOf) : UNFILLED}`)
    tag(p, `joinPeriods.${joinPeriod(p.joinedOn!)}`)
    tag(p, `occupations.${!p.occupation ? UNFILLED : (OCCUPATIONS as readonly string[]).includes(p.occupation) ? p.occupation : '其他'}`)
    if (p.joinedOn! >= from) tag(p, 'admitted')
    if (p.convertedOn && p.convertedOn >= from && p.convertedOn <= asOf) tag(p, 'converted')
  }
  for (const p of people.filter((x) => !isMemberOn(x, asOf))) {
    if (p.candidateOn && p.candidateOn <= asOf) tag(p, 'candidates')
    else if (p.activistOn && p.activistOn <= asOf) tag(p, 'activists')
    else if (p.appliedOn && p.appliedOn <= asOf) tag(p, 'applicants')
  }
  const count = (key: string) => [...keys.values()].filter((k) => k.includes(key)).length
  // steps revoked by a 更正 never happened (members/revoke.ts); `member` = the person was a 党员 that day
  const events = (type: string) =>
    ctx.db
      .prepare(
        `SELECT e.member_id AS id, e.reason, (m.joined_on IS NOT NULL AND m.joined_on <= e.occurred_on) AS member
         FROM member_events e JOIN members m ON m.id = e.member_id WHERE e.type = ? AND e.occurred_on BETWEEN ? AND ? AND ${IN_FORCE}`,
      )
      .all(type, from, asOf) as { id: number; reason: string | null; member: number }[]
  const admitted = members.filter((p) => p.joinedOn! >= from)
  // 出党 by the ways the 党章 names (shared/leaving.ts); 死亡 is not one of them but a 党员减少 of its own
  const left = Object.fromEntries(LEAVE_REASONS.map((r) => [r, 0])) as Record<string, number>
  for (const e of events('left')) {
    const reason = (e.reason ?? '').split('：')[0]!
    left[reason] = (left[reason] ?? 0) + 1
  }
  const reductionCount: Record<Reduction, number> = {
    死亡: events('died').filter((e) => e.member).length,
    出党: Object.values(left).reduce((a, b) => a + b, 0),
    取消预备党员资格: events('cancelled').length,
    组织关系转出: events('transfer_out').length,
  }
  const reductions = Object.fromEntries(REDUCTIONS.map((r) => [r, reductionCount[r]])) as Record<Reduction, number>
  const orgCounts = ctx.db
    .prepare(`SELECT type, count(*) AS n FROM organizations WHERE (founded_on IS NULL OR founded_on <= @on) AND (dissolved_on IS NULL OR dissolved_on > @on) GROUP BY type`)
    .all({ on: asOf }) as { type: (typeof ORG_TYPES)[number]; n: number }[]
  const tallyKey = <K extends string>(prefix: string, list: readonly K[]) => tally(list, members.flatMap((p) => (keys.get(p.id) ?? []).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length) as K)))
  const stats: AnnualStatistics = {
    asOf,
    total: members.length,
    full: count('full'),
    probationary: count('probationary'),
    gender: { 男: count('gender.男'), 女: count('gender.女') },
    minority: count('minority'),
    education: tallyKey('education.', [...EDUCATION_GROUPS, UNFILLED]),
    collegeOrAbove: count('collegeOrAbove'),
    ageBands: tallyKey('ageBands.', [...AGE_BANDS, UNFILLED]),
    joinPeriods: tallyKey('joinPeriods.', JOIN_PERIODS),
    occupations: tallyKey('occupations.', [...OCCUPATIONS, UNFILLED]),
    admitted: admitted.length,
    admittedBreakdown: {
      female: admitted.filter((p) => p.gender === '女').length,
      minority: admitted.filter((p) => isMinority(p.ethnicity)).length,
      age35OrUnder: admitted.filter((p) => p.birthDate && fullYears(p.birthDate, p.joinedOn!) <= 35).length,
      collegeOrAbove: admitted.filter((p) => isCollegeOrAbove(educationGroup(p.education))).length,
    },
    converted: count('converted'),
    extended: events('extended').length,
    left,
    reductions,
    transferredIn: events('transfer_in').length,
    transferredOut: events('transfer_out').length,
    applicants: count('applicants'),
    activists: count('activists'),
    candidates: count('candidates'),
    organizations: Object.fromEntries(ORG_TYPES.map((t) => [ORG_TYPE_LABELS[t], orgCounts.find((o) => o.type === t)?.n ?? 0])),
  }
  return { stats, keys }
}
