import type { IsoDate } from './dates'
import type { MeetingType } from './meetings'

/**
 * 会议计划 (docs/deadlines.md §10): a branch's plan of 三会一课、主题党日 and 组织生活会 for the year — date, type,
 * topic, 主讲人 — compared with the meetings held.
 */
export const PLANNED_TYPES: readonly MeetingType[] = ['party_congress', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'appraisal']

/** 已召开 / 未到期 / 逾期未开 / 已作废 */
export type PlanState = 'held' | 'pending' | 'overdue' | 'void'
export const PLAN_STATE_LABELS: Record<PlanState, string> = { held: '已召开', pending: '未到期', overdue: '逾期未开', void: '已作废' }

export interface PlanRow {
  id: number
  organizationId: number
  organization: string
  meetingType: MeetingType
  plannedOn: IsoDate
  topic: string
  speaker: string | null
  place: string | null
  state: PlanState
  /** the meeting that carried it out */
  held: { meetingId: number; heldOn: IsoDate; title: string } | null
  voidReason: string | null
}

export interface PlanFacts {
  id: number
  organizationId: number
  meetingType: MeetingType
  plannedOn: IsoDate
}
export interface HeldFacts {
  id: number
  organizationId: number
  types: readonly MeetingType[]
  heldOn: IsoDate
  title: string
}

/**
 * docs/deadlines.md §10: a plan is carried out by a meeting of its organization and type held in the same month
 * (moved within the month, it still counts); each meeting carries out one plan of each of its types, the earliest
 * plans first. Answers the meeting of each plan carried out.
 */
export function matchPlans(plans: readonly PlanFacts[], held: readonly HeldFacts[]): Map<number, HeldFacts> {
  const used = new Set<string>()
  const matched = new Map<number, HeldFacts>()
  const sorted = [...plans].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.id - b.id)
  const meetings = [...held].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id)
  for (const p of sorted) {
    const m = meetings.find((h) => h.organizationId === p.organizationId && h.types.includes(p.meetingType) && h.heldOn.slice(0, 7) === p.plannedOn.slice(0, 7) && !used.has(`${h.id}:${p.meetingType}`))
    if (!m) continue
    used.add(`${m.id}:${p.meetingType}`)
    matched.set(p.id, m)
  }
  return matched
}

/** not carried out: due on its planned day, overdue from the day after (the reading of every deadline, docs/deadlines.md) */
export const planState = (plannedOn: IsoDate, held: boolean, asOf: IsoDate): PlanState => (held ? 'held' : plannedOn < asOf ? 'overdue' : 'pending')
