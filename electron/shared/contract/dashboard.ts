import { z } from 'zod'
import type { MeetingType } from '../meetings'
import type { CellState, PeriodUnit } from '../rules/compliance'
import { id } from '../schemas'
import { method } from './define'

/** Structure tallies shared by the hospital overview and the branch page (label → people). */
export interface Structure {
  gender: Record<string, number>
  ageBands: Record<string, number>
  education: Record<string, number>
  titleLevels: Record<string, number>
}

export interface DashboardOverview extends Structure {
  year: number
  totals: { members: number; full: number; probationary: number; branches: number; organizations: number }
  pipeline: { stage: string; count: number }[]
  /** 双带头人: branches whose sitting 书记 carries the flag, of all active branches (docs/rules.md §7) */
  dualLeader: { secretaries: number; dual: number; branches: number }
  /**
   * branches × months: share of the required meetings held (0–1), null before the month starts or when nothing
   * applies; branches worst first by `rate`, their share over the months due (null: nothing due yet)
   */
  heatmap: { branches: { id: number; name: string; rate: number | null }[]; months: string[]; values: [number, number, number | null][] }
  branchSizes: { id: number; name: string; full: number; probationary: number }[]
  /**
   * The latest round with scores whose period starts by the end of the year: ranking with scores and stars,
   * how many got each star (5星 … 未评星) and the scores in 10-point bands (the last band holds 90 and above).
   */
  assessment: {
    roundId: number
    round: string
    approvedAll: boolean
    ranking: { id: number; name: string; score: number; stars: number }[]
    starCounts: Record<string, number>
    distribution: { band: string; count: number }[]
  } | null
}

/** One row per year (oldest first): as the 党内统计年报 counts them, at the end of each year (today for this year). */
export interface DashboardTrend {
  year: number
  /** 党员 whose 组织关系 we held at the year's end */
  members: number
  /** of those, admitted (接收预备党员) during the year */
  admitted: number
  /** meeting records (not withdrawn) held during the year, all organizations */
  meetings: number
  /** share of the required 三会一课 items met, over the periods that have ended (null: nothing due, or no meeting recorded that year) */
  complianceRate: number | null
}

/** a grid cell as shown on a day (running periods are 进行中, not failed) */
export type CellStatus = CellState

export interface BranchComplianceRow {
  type: MeetingType
  label: string
  unit: PeriodUnit
  cells: { period: string; label: string; months: number[]; status: CellStatus; held: number; required: number; reason: string | null }[]
}

export interface DashboardBranch {
  organization: { id: number; name: string; typeLabel: string; parentName: string | null; foundedOn: string | null; status: string }
  year: number
  /** the sitting 支部委员会, 书记 first */
  committee: { memberId: number; name: string; post: string; title: string | null; dualLeader: boolean }[]
  secretary: { memberId: number; name: string; dualLeader: boolean } | null
  /** 党员 (正式 + 预备) whose 组织关系 is in the branch today, as its members list shows them */
  structure: Structure & { occupations: Record<string, number> }
  totals: { members: number; full: number; probationary: number; applicants: number; activists: number; candidates: number }
  compliance: { months: string[]; rows: BranchComplianceRow[]; rate: number | null }
  meetingsHeld: number
  /** the latest round with a score for this branch whose period starts by the end of the year */
  assessment: {
    roundId: number
    round: string
    period: string
    approved: boolean
    score: number
    stars: number
    rank: number
    of: number
    /** the hospital average over every branch scored in the same round (the ranking's set) */
    averageScore: number
    dimensions: { name: string; max: number; score: number; average: number }[]
  } | null
}

const input = z.object({ year: z.number().int().min(2000).max(2200) }).strict()
const branchInput = z.object({ organizationId: id('党组织'), year: z.number().int().min(2000).max(2200) }).strict()

export const dashboardContract = {
  'dashboard.overview': method<typeof input, DashboardOverview>(input, 'read'),
  /** members, admissions, meetings and compliance for the five years up to `year` (runs as a background job) */
  'dashboard.trends': method<typeof input, DashboardTrend[]>(input, 'read'),
  /** 支部画像: one branch's radar, compliance grid, structure and committee */
  'dashboard.branch': method<typeof branchInput, DashboardBranch>(branchInput, 'read'),
}
