import { addDays, type IsoDate } from '../dates'
import type { MeetingType } from '../meetings'
import type { Settings } from '../settings'

/**
 * Compliance engine (docs/rules.md §2): per organization, meeting type and period → required, held, status.
 * Frequencies are settings with the national defaults; branches exempt for a period say why.
 */
export type PeriodUnit = 'month' | 'quarter' | 'year'

export interface Requirement {
  type: MeetingType
  unit: PeriodUnit
  count: number
}

/** The national defaults: 支部工作条例 第十七条 and the 三会一课 rules. */
export function requirements(settings: Settings): Requirement[] {
  return (
    [
      ['party_congress', settings['meeting.partyCongressPer'], settings['meeting.partyCongressCount']],
      ['committee_meeting', settings['meeting.committeePer'], settings['meeting.committeeCount']],
      ['group_meeting', settings['meeting.groupPer'], settings['meeting.groupCount']],
      ['party_lecture', settings['meeting.lecturePer'], settings['meeting.lectureCount']],
      ['theme_day', settings['meeting.themeDayPer'], settings['meeting.themeDayCount']],
      ['life_meeting', 'year', settings['meeting.lifeMeetingCount']],
      ['appraisal', 'year', settings['meeting.appraisalCount']],
    ] as [MeetingType, PeriodUnit, number][]
  )
    .filter(([, , count]) => count > 0)
    .map(([type, unit, count]) => ({ type, unit, count }))
}

export interface Period {
  /** "2025-01" | "2025Q1" | "2025" */
  key: string
  from: IsoDate
  /** inclusive */
  to: IsoDate
}

const pad = (n: number) => String(n).padStart(2, '0')

export function periodOf(date: IsoDate, unit: PeriodUnit): Period {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  if (unit === 'year') return { key: String(y), from: `${y}-01-01`, to: `${y}-12-31` }
  if (unit === 'quarter') {
    const q = Math.ceil(m / 3)
    const first = (q - 1) * 3 + 1
    return { key: `${y}Q${q}`, from: `${y}-${pad(first)}-01`, to: addDays(q === 4 ? `${y + 1}-01-01` : `${y}-${pad(first + 3)}-01`, -1) }
  }
  return { key: `${y}-${pad(m)}`, from: `${y}-${pad(m)}-01`, to: addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1) }
}

/** The period a key names: "2025-03", "2025Q1" or "2025". */
export function periodNamed(key: string): Period & { unit: PeriodUnit } {
  if (key.includes('Q')) return { ...periodOf(`${key.slice(0, 4)}-${pad((Number(key.slice(5)) - 1) * 3 + 1)}-01`, 'quarter'), unit: 'quarter' }
  if (key.length === 4) return { ...periodOf(`${key}-01-01`, 'year'), unit: 'year' }
  return { ...periodOf(`${key}-01`, 'month'), unit: 'month' }
}

/** How a cell reads on a day: met, missed, exempt — or, while its period runs and is not met yet, 进行中 (pending); before it starts, 未开始 (future). */
export type CellState = ComplianceCell['status'] | 'pending' | 'future'

/** A period that has not ended is never "missing" yet: pending until it ends (future before it starts); met is met at once. */
export function cellStateOn(c: Pick<ComplianceCell, 'status' | 'period'>, today: IsoDate): CellState {
  if (c.status !== 'missing') return c.status
  const p = periodNamed(c.period)
  if (p.from > today) return 'future'
  return p.to >= today ? 'pending' : 'missing'
}

/** Every period of the unit that overlaps [from, to]. */
export function periodsBetween(from: IsoDate, to: IsoDate, unit: PeriodUnit): Period[] {
  const out: Period[] = []
  for (let p = periodOf(from, unit); p.from <= to; p = periodOf(addDays(p.to, 1), unit)) out.push(p)
  return out
}

export interface OrgFacts {
  id: number
  name: string
  foundedOn: IsoDate | null
  dissolvedOn: IsoDate | null
  /** has a sitting 支部委员会 (otherwise 支委会 does not apply) */
  hasCommittee: boolean
  /** has 党小组 under it (otherwise 党小组会 does not apply) */
  hasGroups: boolean
}

export interface Exemption {
  organizationId: number
  type: MeetingType
  period: string
  note: string
}

export interface ComplianceCell {
  organizationId: number
  organization: string
  type: MeetingType
  period: string
  required: number
  held: number
  status: 'ok' | 'missing' | 'exempt'
  reason: string | null
  /** exempt because the office recorded an exemption (which it may withdraw), not by rule */
  manual: boolean
}

/**
 * One cell of the grid. `heldDates` are the dates of COMPLETE meetings of this type (a meeting with several
 * types counts for each). Exempt when the branch did not exist for the whole period, has no committee or no
 * 党小组 for those types, or the office recorded an exemption.
 */
export function complianceCell(org: OrgFacts, req: Requirement, period: Period, heldDates: readonly IsoDate[], exemptions: readonly Exemption[]): ComplianceCell {
  let held = 0
  for (const d of heldDates) if (d >= period.from && d <= period.to) held++
  const manual = exemptions.find((e) => e.organizationId === org.id && e.type === req.type && e.period === period.key)
  const reason = manual ? `已登记免于考核：${manual.note}` : exemptBy(org, req, period)
  return {
    organizationId: org.id,
    organization: org.name,
    type: req.type,
    period: period.key,
    required: req.count,
    held,
    status: reason !== null ? 'exempt' : held >= req.count ? 'ok' : 'missing',
    reason,
    manual: !!manual,
  }
}

/** Why the rules do not ask this organization for this item in this period, or null when they do. */
function exemptBy(org: OrgFacts, req: Requirement, period: Period): string | null {
  if (org.foundedOn && org.foundedOn > period.from) return org.foundedOn > period.to ? '该期间组织尚未成立' : `组织于${org.foundedOn}成立，本期不满一个周期`
  if (org.dissolvedOn && org.dissolvedOn < period.to) return org.dissolvedOn < period.from ? '组织已撤销' : `组织于${org.dissolvedOn}撤销，本期不满一个周期`
  if (req.type === 'committee_meeting' && !org.hasCommittee) return '未设支部委员会（正式党员不足7人），不召开支委会'
  if (req.type === 'group_meeting' && !org.hasGroups) return '未设党小组'
  return null
}
