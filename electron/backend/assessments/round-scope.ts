import type { RoundEntry, RoundView } from '../../shared/contract/assessments'
import { secretaryOwn } from '../branch-scope'
import type { CallContext } from '../context'

/**
 * A round as the caller may see it. A 支部书记 sees their own branch's entry in full; of every
 * other branch only what the 公示 publishes — the stage it is at and, once approved, its score, rank and stars.
 * Scores, notes, evidence files and reviewers' comments of entries still under review stay with the office, as
 * other branches' people and meetings do (branch-scope.ts). Every other role sees the whole round.
 */
export function scopedRound(ctx: CallContext, view: RoundView): RoundView {
  const own = secretaryOwn(ctx)
  if (!own) return view
  const entries = view.entries.map((e) => (own.has(e.organizationId) ? e : withheld(e)))
  // a provisional rank tells how the unpublished scores compare: ranks show once the entry is approved
  return { ...view, entries, ratings: view.ratings.filter((r) => r.approved) }
}

function withheld(e: RoundEntry): RoundEntry {
  return {
    organizationId: e.organizationId,
    organizationName: e.organizationName,
    sheet: {},
    notes: {},
    result: { total: e.approved ? (e.score ?? 0) : 0, byDimension: [], bonus: 0, indicators: [], clamped: [] },
    review: { stages: e.review.stages, at: e.review.at, history: [] },
    stage: e.stage,
    score: e.approved ? e.score : null,
    approved: e.approved,
    stageScores: [],
    evidence: [],
    withheld: true,
  }
}
