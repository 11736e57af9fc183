/**
 * 星级评定 (docs/rules.md §7): stars by score bands (e.g. ≥90/80/70/60 → 5/4/3/2) and/or by quotas (e.g. the top
 * 10% / next 40% / next 30% → 5/4/3 stars), configurable per round. Ties and quota edges are decided by stated
 * rules, never by chance or input order, and every star carries the sentence that explains it.
 */
export interface Band {
  min: number
  stars: number
}
export interface Quota {
  /** share of the rated organizations (0–1), counted from the top after the quotas before it */
  share: number
  stars: number
}

/**
 * How seats are counted from a share: 'floor' (default) treats a quota as a cap — "五星不超过10%" of 12 branches is
 * 1 seat, of 8 branches none; 'round' and 'ceil' are the looser local readings.
 */
export type SeatRounding = 'floor' | 'round' | 'ceil'
/**
 * Tie at a quota edge: 'admit' (default) gives everyone tied with the last seat the same stars (the quota is
 * exceeded, and the reason says so); 'exclude' keeps the quota by giving none of the tied the stars.
 */
export type TiePolicy = 'admit' | 'exclude'

export interface RatingRules {
  bands?: readonly Band[]
  quotas?: readonly Quota[]
  rounding?: SeatRounding
  ties?: TiePolicy
}

export interface Rated {
  id: number
  score: number
  stars: number
  /** equal scores share a rank (1, 2, 2, 4) */
  rank: number
  /** why this star and not another, in the clerk's words */
  reason: string
}

/** Stars by score bands: the highest band whose minimum is reached. */
export function starsByBand(value: number, bands: readonly Band[]): number {
  return [...bands].sort((a, b) => b.min - a.min).find((b) => value >= b.min)?.stars ?? 0
}

/** Seats for a share of n; the tiny epsilon keeps 0.29 × 100 from flooring to 28. */
export function seatsFor(share: number, n: number, rounding: SeatRounding = 'floor'): number {
  const exact = share * n
  return Math.max(0, rounding === 'floor' ? Math.floor(exact + 1e-9) : rounding === 'ceil' ? Math.ceil(exact - 1e-9) : Math.round(exact))
}

const ROUNDING_WORDS: Record<SeatRounding, string> = { floor: '向下取整', round: '四舍五入', ceil: '向上取整' }
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`

/** Quota stars by position: cumulative edges (top 10%, then the next 40% …), ties at an edge by the policy. */
function quotaStars(sorted: readonly { id: number; score: number }[], quotas: readonly Quota[], rounding: SeatRounding, ties: TiePolicy): Map<number, { stars: number; note: string }> {
  const n = sorted.length
  const out = new Map<number, { stars: number; note: string }>()
  // why an organization missed a higher quota (tied at its edge under 'exclude'); it still competes for the next
  const missed = new Map<number, string>()
  let taken = 0
  let cumulative = 0
  for (const q of quotas) {
    cumulative += q.share
    const edge = Math.min(n, seatsFor(cumulative, n, rounding))
    const seatsNote = `前${pct(cumulative)}共${edge}个名额（${n}个×${pct(cumulative)}，${ROUNDING_WORDS[rounding]}）`
    if (edge <= taken) continue
    let end = edge
    const edgeScore = sorted[edge - 1]!.score
    if (end < n && sorted[end]!.score === edgeScore) {
      if (ties === 'admit') {
        while (end < n && sorted[end]!.score === edgeScore) end++
      } else {
        while (end > taken && sorted[end - 1]!.score === edgeScore) end--
        for (let i = end; i < n && sorted[i]!.score === edgeScore; i++) missed.set(sorted[i]!.id, `与${q.stars}星第${edge}个名额同分（${edgeScore}分），按“同分均不占名额”未评${q.stars}星`)
      }
    }
    for (let i = taken; i < end; i++) {
      const id = sorted[i]!.id
      const note = i >= edge ? `与名额内最后一名同分（${sorted[i]!.score}分），按“同分一并评定”超出名额评为${q.stars}星；${seatsNote}` : `位列${seatsNote}之内`
      out.set(id, { stars: q.stars, note: missed.has(id) ? `${missed.get(id)}；${note}` : note })
    }
    taken = end
  }
  for (const [id, note] of missed) if (!out.has(id)) out.set(id, { stars: 0, note })
  return out
}

/** Ranks and stars for every entry; with both bands and quotas, a branch needs the score AND a seat (the lower wins). */
export function rate(entries: readonly { id: number; score: number }[], rules: RatingRules): Rated[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.id - b.id)
  const rankOf = new Map<number, number>()
  sorted.forEach((e, i) => rankOf.set(e.id, i > 0 && e.score === sorted[i - 1]!.score ? rankOf.get(sorted[i - 1]!.id)! : i + 1))
  const hasBands = !!rules.bands?.length
  const hasQuotas = !!rules.quotas?.length
  const seats = hasQuotas ? quotaStars(sorted, rules.quotas!, rules.rounding ?? 'floor', rules.ties ?? 'admit') : new Map<number, { stars: number; note: string }>()
  return sorted.map((e) => {
    const band = hasBands ? starsByBand(e.score, rules.bands!) : null
    const seat = seats.get(e.id)
    const quotaNote = seat?.stars ? `名额对应${seat.stars}星（${seat.note}）` : seat ? `${seat.note}，不在星级名额之内` : '不在任何星级名额之内'
    let stars = 0
    let reason = '未设评定规则'
    if (band !== null && hasQuotas) {
      stars = Math.min(band, seat?.stars ?? 0)
      reason = `${e.score}分对应${band}星；${quotaNote}；两者取较低者`
    } else if (band !== null) {
      stars = band
      reason = band > 0 ? `${e.score}分，达到${band}星分数线` : `${e.score}分，未达到最低星级分数线`
    } else if (hasQuotas) {
      stars = seat?.stars ?? 0
      reason = seat?.stars ? seat.note : quotaNote
    }
    return { id: e.id, score: e.score, stars, rank: rankOf.get(e.id)!, reason }
  })
}

/** A readable summary of the rules, for the screen and the 公示. */
export function describeRules(r: RatingRules): string {
  const parts: string[] = []
  if (r.bands?.length) parts.push(`分数线：${[...r.bands].sort((a, b) => b.min - a.min).map((b) => `≥${b.min}分${b.stars}星`).join('，')}`)
  if (r.quotas?.length) parts.push(`名额：${r.quotas.map((q) => `${pct(q.share)}评${q.stars}星`).join('，')}（名额${ROUNDING_WORDS[r.rounding ?? 'floor']}；名额边缘同分${(r.ties ?? 'admit') === 'admit' ? '一并评定' : '均不占名额'}）`)
  if (r.bands?.length && r.quotas?.length) parts.push('两者同时满足，取较低星级')
  return parts.join('；') || '未设评定规则'
}
