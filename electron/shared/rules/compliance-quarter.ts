import type { IsoDate } from '../dates'
import type { MeetingType } from '../meetings'
import { cellStateOn, periodNamed, periodOf, type ComplianceCell } from './compliance'

/**
 * How 达标情况 reads a branch: per meeting type, the periods met over the periods due so far, over the cells the one
 * compliance engine computed (docs/rules.md §2) — the whole year, or one quarter. This file only chooses and counts
 * cells; whether a period is met stays the engine's (`complianceCell`, `cellStateOn`).
 */
export type Quarter = 1 | 2 | 3 | 4

export const QUARTER_LABELS: Record<Quarter, string> = { 1: '第一季度', 2: '第二季度', 3: '第三季度', 4: '第四季度' }

export const quarterOf = (date: IsoDate): Quarter => Math.ceil(Number(date.slice(5, 7)) / 3) as Quarter

/**
 * Whether a cell belongs to a quarter's view: monthly requirements by the quarter's three months, quarterly ones by
 * the quarter, and yearly ones (组织生活会, 民主评议党员) by their year, read as it stands so far (year to date).
 */
export function inQuarter(period: string, year: number, quarter: Quarter): boolean {
  const p = periodNamed(period)
  if (p.unit === 'year') return p.key === String(year)
  const q = periodOf(`${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`, 'quarter')
  return p.from >= q.from && p.to <= q.to
}

export interface Summary {
  ok: number
  due: number
  state: 'ok' | 'missing' | 'exempt' | 'pending' | 'future'
  /** the requirement's period: a yearly one in a quarter's view is the year so far */
  unit: 'month' | 'quarter' | 'year'
  /** one of its periods runs unmet (this month's 主题党日 while April's was held: 1/1, still 进行中) */
  running: boolean
}

/**
 * Periods met / periods due so far, for one branch and type. With nothing due yet a type reads 进行中 (its period
 * runs — an annual 组织生活会 in December), 未开始, or 不适用 when the rules do not ask for it at all.
 */
export function summarize(mine: readonly ComplianceCell[], type: MeetingType, today: IsoDate): Summary {
  let ok = 0
  let due = 0
  let unit: Summary['unit'] = 'month'
  const seen = new Set<string>()
  for (const c of mine) {
    if (c.type !== type) continue
    unit = periodNamed(c.period).unit
    const state = cellStateOn(c, today)
    seen.add(state)
    if (state !== 'ok' && state !== 'missing') continue
    due++
    if (state === 'ok') ok++
  }
  const running = seen.has('pending')
  if (due > 0) return { ok, due, state: ok === due ? 'ok' : 'missing', unit, running }
  return { ok, due, state: running ? 'pending' : seen.has('future') ? 'future' : 'exempt', unit, running }
}

export interface BranchSummary {
  id: number
  name: string
  cells: ComplianceCell[]
  summaries: Summary[]
  /**
   * 未达标: some period has ended unmet; 进行中: none has, but one of the quarter's own months or the quarter itself
   * runs unmet. A year still running is shown but does not put the branch on the list of those behind this quarter.
   */
  behind: 'missing' | 'pending' | null
}

/** One row per branch (in the grid's order), each type summarized over the given cells. */
export function branchSummaries(cells: readonly ComplianceCell[], types: readonly MeetingType[], today: IsoDate): BranchSummary[] {
  const byOrg = new Map<number, { id: number; name: string; cells: ComplianceCell[] }>()
  for (const c of cells) {
    const row = byOrg.get(c.organizationId) ?? byOrg.set(c.organizationId, { id: c.organizationId, name: c.organization, cells: [] }).get(c.organizationId)!
    row.cells.push(c)
  }
  return [...byOrg.values()].map((r) => {
    const summaries = types.map((t) => summarize(r.cells, t, today))
    const behind = summaries.some((s) => s.state === 'missing') ? 'missing' : summaries.some((s) => s.running && s.unit !== 'year') ? 'pending' : null
    return { ...r, summaries, behind }
  })
}

/** The quarter's view of a year's cells. */
export function quarterSummaries(cells: readonly ComplianceCell[], types: readonly MeetingType[], year: number, quarter: Quarter, today: IsoDate): BranchSummary[] {
  return branchSummaries(
    cells.filter((c) => inQuarter(c.period, year, quarter)),
    types,
    today,
  )
}
