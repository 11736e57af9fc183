/**
 * 考核评价 rules (issue 7, domain.md §7): indicator schemes as data, scoring, star ratings by score bands and/or
 * quotas with explicit tie handling, and the review chain. Pure functions; the screens and storage build on them.
 */
export type RuleKind = 'points' | 'deduction' | 'bonus'

export interface Indicator {
  key: string
  name: string
  kind: RuleKind
  /** full marks (points), the most that can be deducted (deduction), or the cap (bonus) */
  max: number
}

export interface Dimension {
  name: string
  /** the dimension's full marks: its points indicators never add up past this */
  points: number
  indicators: Indicator[]
}

export interface Scheme {
  name: string
  year: number
  dimensions: Dimension[]
}

/** One number per indicator: points earned, points deducted, or bonus points claimed. */
export type ScoreSheet = Record<string, number>

export interface ScoreResult {
  total: number
  byDimension: { name: string; score: number; points: number }[]
  bonus: number
  /** entries outside their range, clamped, so the reviewer sees them */
  clamped: string[]
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** Total = Σ dimensions (points − deductions, kept within 0…dimension points) + bonus (each within its cap). */
export function score(scheme: Scheme, sheet: ScoreSheet): ScoreResult {
  const clamped: string[] = []
  const value = (i: Indicator) => {
    const raw = sheet[i.key] ?? 0
    const v = Math.min(Math.max(raw, 0), i.max)
    if (v !== raw) clamped.push(i.name)
    return v
  }
  let bonus = 0
  const byDimension = scheme.dimensions.map((d) => {
    let s = 0
    for (const i of d.indicators) {
      if (i.kind === 'points') s += value(i)
      else if (i.kind === 'deduction') s -= value(i)
      else bonus += value(i)
    }
    return { name: d.name, score: round1(Math.min(Math.max(s, 0), d.points)), points: d.points }
  })
  return { total: round1(byDimension.reduce((n, d) => n + d.score, 0) + bonus), byDimension, bonus: round1(bonus), clamped }
}

export interface Band {
  min: number
  stars: number
}
export interface Quota {
  /** share of the organizations (0–1), counted from the top, cumulative in the order given */
  share: number
  stars: number
}

export interface Rated {
  id: number
  score: number
  stars: number
  rank: number
  /** why this star and not another, in the clerk's words */
  reason: string
}

/** Stars by score bands: the highest band whose minimum is reached (e.g. ≥90 → 5, ≥80 → 4 …). */
export function starsByBand(value: number, bands: readonly Band[]): number {
  return [...bands].sort((a, b) => b.min - a.min).find((b) => value >= b.min)?.stars ?? 0
}

/**
 * Stars by quota: the top 10% get 5, the next 40% get 4 … Ranks are shared on equal scores. A tie across a quota
 * edge is decided explicitly: everyone tied with the last place inside the quota is admitted (the quota is
 * exceeded, and the reason says so), never split by chance or input order.
 */
export function rate(entries: readonly { id: number; score: number }[], rules: { bands?: readonly Band[]; quotas?: readonly Quota[] }): Rated[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.id - b.id)
  const n = sorted.length
  const rankOf = new Map<number, number>()
  sorted.forEach((e, i) => rankOf.set(e.id, i > 0 && e.score === sorted[i - 1]!.score ? rankOf.get(sorted[i - 1]!.id)! : i + 1))
  const quotaStars = new Map<number, { stars: number; note: string }>()
  if (rules.quotas?.length) {
    let taken = 0
    for (const q of rules.quotas) {
      let seats = Math.round(q.share * n)
      const end = Math.min(n, taken + seats)
      if (seats > 0 && end < n) {
        // extend across a tie at the edge
        const edge = sorted[end - 1]!.score
        let extra = 0
        while (end + extra < n && sorted[end + extra]!.score === edge) extra++
        seats += extra
      }
      for (let i = taken; i < Math.min(n, taken + seats); i++) {
        const tiedOver = i >= taken + Math.round(q.share * n)
        quotaStars.set(sorted[i]!.id, { stars: q.stars, note: tiedOver ? `与名额内最后一名同分（${sorted[i]!.score}分），一并评为${q.stars}星` : `位列前${Math.round((100 * (taken + seats)) / n)}%名额内` })
      }
      taken = Math.min(n, taken + seats)
    }
  }
  return sorted.map((e) => {
    const band = rules.bands ? starsByBand(e.score, rules.bands) : null
    const quota = quotaStars.get(e.id)
    let stars: number
    let reason: string
    if (band !== null && rules.quotas?.length) {
      // both rules: a branch needs the score AND a place within the quota
      stars = Math.min(band, quota?.stars ?? 0)
      reason = `分数对应${band}星，名额${quota ? `对应${quota.stars}星（${quota.note}）` : '之外'}，取较低者`
    } else if (band !== null) {
      stars = band
      reason = `${e.score}分，达到${band}星分数线`
    } else {
      stars = quota?.stars ?? 0
      reason = quota?.note ?? '名额之外'
    }
    return { id: e.id, score: e.score, stars, rank: rankOf.get(e.id)!, reason }
  })
}

/** The review chain (支部自评 → 院党委考评 → …): each stage scores and comments; a stage may return it for revision. */
export interface ReviewState {
  stages: readonly string[]
  /** index of the stage that acts next; stages.length = approved (locked) */
  at: number
  history: { stage: string; action: 'submit' | 'return' | 'approve' | 'amend'; by: string; at: string; score: number | null; comment: string }[]
}

export function startReview(stages: readonly string[]): ReviewState {
  if (stages.length === 0) throw new Error('评审流程至少需要一个环节')
  return { stages, at: 0, history: [] }
}

export const isLocked = (s: ReviewState): boolean => s.at >= s.stages.length

/** Passes the round to the next stage (the last stage's submission approves and locks the result). */
export function submit(s: ReviewState, by: string, at: string, scoreValue: number, comment: string): ReviewState {
  if (isLocked(s)) throw new Error('结果已审定锁定，只能登记更正（更正会留痕）')
  const last = s.at === s.stages.length - 1
  return { ...s, at: s.at + 1, history: [...s.history, { stage: s.stages[s.at]!, action: last ? 'approve' : 'submit', by, at, score: scoreValue, comment }] }
}

/** Sends the round back to the previous stage for revision; the reason is required. */
export function returnForRevision(s: ReviewState, by: string, at: string, reason: string): ReviewState {
  if (isLocked(s)) throw new Error('结果已审定锁定，不能退回')
  if (s.at === 0) throw new Error('第一个环节没有可以退回的上一环节')
  if (!reason.trim()) throw new Error('退回修改须写明原因')
  return { ...s, at: s.at - 1, history: [...s.history, { stage: s.stages[s.at]!, action: 'return', by, at, score: null, comment: reason }] }
}

/** After approval, a change is an amendment: recorded with who, when and why; the approved history stays. */
export function amend(s: ReviewState, by: string, at: string, scoreValue: number, reason: string): ReviewState {
  if (!isLocked(s)) throw new Error('尚未审定，请在当前环节修改')
  if (!reason.trim()) throw new Error('更正须写明原因')
  return { ...s, history: [...s.history, { stage: '更正', action: 'amend', by, at, score: scoreValue, comment: reason }] }
}

/** The score in force: the latest approval or amendment. */
export const finalScore = (s: ReviewState): number | null => [...s.history].reverse().find((h) => h.action === 'approve' || h.action === 'amend')?.score ?? null
