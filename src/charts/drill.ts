import { OCCUPATIONS, STAGE_LABELS, STAGES } from '@shared/members'
import { AGE_BANDS, EDUCATION_GROUPS, TITLE_LEVELS } from '@shared/rules/statistics'

/** Structure charts whose slices or bars open the people behind them in the members list. */
export type PeopleChart = 'funnel' | 'gender' | 'age' | 'education' | 'titles' | 'occupations'

/**
 * The members-list query for a clicked slice or bar (the list reads these parameters), or null when the list
 * has no such filter (未填): then the click opens nothing rather than a wrong list.
 */
export function peopleQuery(chart: PeopleChart, name: string | undefined): Record<string, string> | null {
  if (!name) return null
  if (chart === 'funnel') {
    const stage = STAGES.find((s) => STAGE_LABELS[s] === name)
    return stage ? { stage } : null
  }
  if (chart === 'gender') return name === '男' || name === '女' ? { gender: name } : null
  if (chart === 'age') return (AGE_BANDS as readonly string[]).includes(name) ? { ageBand: name } : null
  if (chart === 'titles') return (TITLE_LEVELS as readonly string[]).includes(name) ? { title: name } : null
  if (chart === 'occupations') return (OCCUPATIONS as readonly string[]).includes(name) ? { occ: name } : null
  return (EDUCATION_GROUPS as readonly string[]).includes(name) ? { edu: name } : null
}
