import type { DashboardOverview } from '../../shared/contract/dashboard'
import { roundView } from '../assessments/rounds'
import type { CallContext } from '../context'

/** Star counts in the order a leader reads them; 0 stars shows as 未评星. */
const STAR_LABELS = ['5星', '4星', '3星', '2星', '1星', '未评星']
const starLabel = (stars: number) => (stars > 0 ? `${stars}星` : '未评星')

/**
 * Scores in 10-point bands for the histogram: from the band of the lowest score (60 at the latest, so a
 * good year still shows the empty 60s) up to "90分及以上", which also holds scores above 100 (bonus points).
 */
export function scoreBands(scores: readonly number[]): { band: string; count: number }[] {
  if (!scores.length) return []
  const lowest = Math.min(60, Math.max(0, Math.floor(Math.min(...scores) / 10) * 10))
  const bands: { band: string; count: number }[] = []
  for (let b = lowest; b < 90; b += 10) bands.push({ band: `${b}–${b + 9}分`, count: scores.filter((s) => s >= b && s < b + 10).length })
  bands.push({ band: '90分及以上', count: scores.filter((s) => s >= 90).length })
  return bands
}

/** The latest round with scores whose period starts by the end of the year (the same choice as the branch page). */
export function latestAssessment(ctx: CallContext, year: number): DashboardOverview['assessment'] {
  const roundId = ctx.db
    .prepare(
      `SELECT r.id FROM assessment_rounds r WHERE (r.period_from IS NULL OR r.period_from <= ?)
       AND EXISTS (SELECT 1 FROM assessment_entries e WHERE e.round_id = r.id AND e.score IS NOT NULL)
       ORDER BY r.period_to IS NULL, r.period_to DESC, r.id DESC LIMIT 1`,
    )
    .pluck()
    .get(`${year}-12-31`) as number | undefined
  if (roundId === undefined) return null
  const round = roundView(ctx, roundId)
  const starCounts: Record<string, number> = Object.fromEntries(STAR_LABELS.map((l) => [l, 0]))
  for (const r of round.ratings) starCounts[starLabel(r.stars)]! += 1
  return {
    roundId,
    round: round.name,
    approvedAll: round.entries.every((e) => e.approved),
    ranking: round.ratings.map((r) => ({ id: r.id, name: r.organizationName, score: r.score, stars: r.stars })),
    starCounts,
    distribution: scoreBands(round.ratings.map((r) => r.score)),
  }
}
