import type { RoundEntry, RoundView } from '@shared/contract/assessments'
import { score, type ScoreSheet } from '@shared/rules/scoring'

/**
 * 批量评审's rows: one per branch of the round, seen from one stage of the review chain (docs/rules.md §7). The
 * sheet an entry holds at a stage is the one the stage before submitted, unless this stage saved its own draft, so
 * 本环节得分 starts as 上一环节得分 and shows 已改分 only where the reviewer changed it.
 */
export type BatchStatus = 'waiting' | 'passed' | 'before'

export const STATUS_FILTERS: { value: BatchStatus | 'all'; label: string }[] = [
  { value: 'waiting', label: '待本环节办理' },
  { value: 'passed', label: '已提交或已审定' },
  { value: 'before', label: '未到本环节' },
  { value: 'all', label: '全部' },
]

export interface DimensionPair {
  name: string
  points: number
  lower: number | null
  own: number | null
}

export interface BatchRow {
  /** the entry's place in the round: the “第N行” the backend's refusals name */
  no: number
  entry: RoundEntry
  status: BatchStatus
  statusText: string
  lower: number | null
  /** this stage's score: the sheet it holds while waiting (null when nothing is scored), what it gave once passed */
  own: number | null
  /** waiting with a sheet different from the one the stage before submitted */
  changed: boolean
  dimensions: DimensionPair[]
  rank: number | null
}

/** the sheet a stage last submitted (returns carry none) */
export function sheetOf(entry: RoundEntry, stage: string): ScoreSheet | null {
  return [...entry.review.history].reverse().find((h) => h.stage === stage && h.action !== 'return' && h.sheet)?.sheet ?? null
}

const same = (a: ScoreSheet, b: ScoreSheet): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0))
}

export function batchRows(round: RoundView, stage: string): BatchRow[] {
  const at = round.stages.indexOf(stage)
  const lowerStage = at > 0 ? round.stages[at - 1]! : null
  const rankOf = new Map(round.ratings.map((r) => [r.id, r.rank]))
  const scheme = round.scheme.scheme
  return round.entries.map((entry, i) => {
    const status: BatchStatus = entry.review.at === at ? 'waiting' : entry.review.at > at ? 'passed' : 'before'
    const lowerSheet = lowerStage ? sheetOf(entry, lowerStage) : null
    const scored = Object.keys(entry.sheet).length > 0
    const ownSheet = status === 'waiting' ? (scored ? entry.sheet : null) : status === 'passed' ? sheetOf(entry, stage) : null
    const lowerDims = lowerSheet ? score(scheme, lowerSheet).byDimension : []
    const ownDims = ownSheet ? score(scheme, ownSheet).byDimension : []
    return {
      no: i + 1,
      entry,
      status,
      statusText: status === 'waiting' ? (scored ? '待办理' : '待办理（尚未评分）') : status === 'passed' ? (entry.approved ? '已审定' : `已提交（${entry.stage}）`) : `未到本环节（${entry.stage}）`,
      lower: lowerStage ? (entry.stageScores[at - 1]?.score ?? null) : null,
      own: status === 'waiting' ? (scored ? entry.result.total : null) : status === 'passed' ? (entry.stageScores[at]?.score ?? null) : null,
      changed: status === 'waiting' && !!lowerSheet && !same(lowerSheet, entry.sheet),
      dimensions: scheme.dimensions.map((d, k) => ({ name: d.name, points: d.points, lower: lowerDims[k]?.score ?? null, own: ownDims[k]?.score ?? null })),
      rank: rankOf.get(entry.organizationId) ?? null,
    }
  })
}

export type SortKey = 'no' | 'rank' | 'own' | 'lower'

/** sorts the whole list (not one page); rows without a value go last whichever the direction */
export function sortRows(rows: BatchRow[], key: SortKey, descending: boolean): BatchRow[] {
  return [...rows].sort((a, b) => {
    const x = a[key]
    const y = b[key]
    if (x === null || y === null) return x === y ? a.no - b.no : x === null ? 1 : -1
    return (descending ? y - x : x - y) || a.no - b.no
  })
}

/** the stage that opens first: the earliest with a branch waiting at it, else the last */
export function firstBusyStage(round: RoundView): string {
  return round.stages.find((_, i) => round.entries.some((e) => e.review.at === i)) ?? round.stages.at(-1)!
}
