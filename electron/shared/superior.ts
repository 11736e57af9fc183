import type { PackageStatus } from './exchange'
import type { SupervisionTally } from './supervision-rates'

/**
 * The 上级 workspace (docs/exchange.md §12): what a 局党办 / 卫健委党委 sees of the packages its hospitals sent —
 * who reported what for a year, the received 年度党内统计 side by side and summed, and the received 考评结果 with
 * its own 审核决定 on each. Read from what the imports kept (docs/exchange.md §7); nothing is typed in again.
 */

/** where a kind stands for one unit and year, as the 上级 sees it */
export const REPORT_STATUSES = ['missing', 'reported', 'decided', 'receipted'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { missing: '未报', reported: '已报', decided: '已发出审核决定', receipted: '审核决定已回执' }

export interface ReportCell {
  status: ReportStatus
  statusText: string
  /** when the package in force was imported */
  at: string | null
}

export interface UnitReport {
  unitName: string
  unitCode: string
  statistics: ReportCell
  compliance: ReportCell
  /** 督办情况 (docs/exchange.md §5.7) */
  supervision: ReportCell
  /** one per 考评 round of the year the unit sent */
  rounds: (ReportCell & { name: string })[]
}

/** One line of the summed tables: each reporting unit's figure (null when its package has no such line) and the 合计. */
export interface SumRow {
  /** the path in the statistics object, e.g. `education.大学本科` */
  key: string
  group: string
  label: string
  values: (number | null)[]
  total: number
}

export interface CitySums {
  year: number
  /** the units whose 年度党内统计 is in, in the order of `values` */
  units: { unitName: string; unitCode: string; asOf: string; packageId: string; at: string }[]
  /** trusted units that have not sent it */
  missing: { unitName: string; unitCode: string }[]
  rows: SumRow[]
}

export interface ReceivedEntry {
  organizationUid: string
  organizationName: string
  stage: string
  approved: boolean
  score: number | null
  stars: number | null
  rank: number | null
}

export interface ReceivedRound {
  /** the 考评结果 package in force (a newer one from the hospital replaces it) */
  packageId: string
  unitName: string
  unitCode: string
  name: string
  period: string
  stages: string[]
  at: string
  entries: ReceivedEntry[]
  /** the review stages at which some branch waits: those this unit may decide */
  waiting: string[]
  /** the 审核决定 sent on this package, with its 回执 status */
  decision: { packageId: string; status: PackageStatus; statusText: string; approved: number; returned: number; createdAt: string } | null
}

/** A hospital's 督办情况 in force for the year (docs/exchange.md §5.7), as its package counted it. */
export interface ReceivedSupervision {
  unitName: string
  unitCode: string
  packageId: string
  /** when it was imported */
  at: string
  /** the day the hospital counted on */
  asOf: string
  total: SupervisionTally
  /** of the items, how many are 三重一大 and how many 上级交办 (one may be both) */
  major: number
  assigned: number
  /** the 事项 open and past their 时限 on asOf */
  overdue: string[]
}
