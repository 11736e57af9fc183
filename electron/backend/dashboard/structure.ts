import type { Structure } from '../../shared/contract/dashboard'
import type { IsoDate } from '../../shared/dates'
import { OCCUPATIONS } from '../../shared/members'
import { AGE_BANDS, EDUCATION_GROUPS, TITLE_LEVELS, UNFILLED, ageBand, educationGroup, tally, titleLevel } from '../../shared/rules/statistics'


export interface StructurePerson {
  gender: string
  birthDate: string | null
  education: string | null
  title: string | null
  occupation: string | null
}

/** The structure charts of a group of people, in the 年报's categories; 未填 (as in the 年报 tables) shows what the roster lacks. */
export function structureOf(people: readonly StructurePerson[], asOf: IsoDate): Structure & { occupations: Record<string, number> } {
  const withUnknown = (r: Record<string, number>, missing: number) => (missing ? { ...r, [UNFILLED]: missing } : r)
  const ages = people.map((p) => (p.birthDate ? ageBand(p.birthDate, asOf) : null))
  const edu = people.map((p) => educationGroup(p.education))
  const occupations = tally([...OCCUPATIONS], people.map((p) => (OCCUPATIONS as readonly string[]).includes(p.occupation ?? '') ? (p.occupation as (typeof OCCUPATIONS)[number]) : '其他'))
  return {
    gender: tally(['男', '女'], people.map((p) => (p.gender === '男' || p.gender === '女' ? p.gender : null))),
    ageBands: withUnknown(tally([...AGE_BANDS], ages), ages.filter((a) => a === null).length),
    education: withUnknown(tally([...EDUCATION_GROUPS], edu), edu.filter((e) => e === null).length),
    titleLevels: tally([...TITLE_LEVELS], people.map((p) => titleLevel(p.title))),
    occupations,
  }
}
