/**
 * 考核评价 indicator schemes and scoring (docs/rules.md §7: "indicator trees are weighted and local: make them
 * data"). A scheme is a tree dimension → indicator → scoring rule. Pure functions; storage and screens build on them.
 */
export type RuleKind = 'points' | 'deduction' | 'bonus'

/** Indicators the software can fill from its own records (the computation is shown next to the number). */
export const AUTO_SOURCES = {
  meetingCompliance: '三会一课达标率（会议记录）',
  dualLeader: '书记为“双带头人”（支部委员会）',
  development: '发展党员完成情况（党员名册）',
  recordsComplete: '会议记录完整率（会议记录）',
  termOnTime: '按期换届（党组织任期）',
  committee: '支委会配备（支部委员会）',
  duesPaid: '按时足额交纳党费的比例（党费台账）',
} as const
export type AutoSource = keyof typeof AUTO_SOURCES

export const RULE_KIND_LABELS: Record<RuleKind, string> = { points: '得分', deduction: '扣分', bonus: '加分' }

export interface Indicator {
  /** short code used in score sheets and imports, e.g. "meetings" or "2.1" */
  key: string
  name: string
  kind: RuleKind
  /** full marks (points), the most that can be deducted (deduction), or the cap (bonus) */
  max: number
  /** per occurrence ("每次扣2分"): the sheet then records the count, and points = count × unit, capped at max */
  unit?: number
  /** 评分标准: how to score it, shown at every review stage */
  guide?: string
  /** filled from our own data (see AUTO_SOURCES) */
  source?: AutoSource
  /** for count-based sources (发展党员): the number that earns full marks; fewer earn a share */
  target?: number
}

export interface Dimension {
  name: string
  /**
   * The dimension's weight in points (its full marks in the total). When its points indicators add up to a
   * different number, they are scaled to it: a dimension worth 25 whose three indicators are scored out of 10
   * each counts earned/30 × 25.
   */
  points: number
  indicators: Indicator[]
}

export interface Scheme {
  name: string
  year: number
  dimensions: Dimension[]
  /** all bonus indicators together never add more than this (absent = each only within its own cap) */
  bonusMax?: number
}

/** One number per indicator: points earned, points deducted, bonus claimed — or, for per-occurrence rules, a count. */
export type ScoreSheet = Record<string, number>

export interface IndicatorScore {
  key: string
  /** what was entered (count for per-occurrence rules) */
  entered: number
  /** points it contributes after caps, before the dimension's weighting */
  points: number
}

export interface ScoreResult {
  total: number
  byDimension: { name: string; score: number; points: number }[]
  bonus: number
  indicators: IndicatorScore[]
  /** entries outside their range, clamped, so the reviewer sees them */
  clamped: string[]
}

const round1 = (n: number) => Math.round(n * 10) / 10
const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi)

/** Full marks of a scheme: the dimensions' weights added up (bonus not included). */
export const fullMarks = (s: Scheme): number => round1(s.dimensions.reduce((n, d) => n + d.points, 0))

/**
 * Total = Σ dimensions (points earned scaled to the dimension's weight, minus deductions, kept within
 * 0…weight) + bonus (each within its cap, all within the scheme's bonus cap).
 */
export function score(scheme: Scheme, sheet: ScoreSheet): ScoreResult {
  const clamped: string[] = []
  const indicators: IndicatorScore[] = []
  const pointsOf = (i: Indicator): number => {
    const raw = sheet[i.key] ?? 0
    const entered = i.unit ? Math.max(0, Math.round(raw)) : clamp(raw, 0, i.max)
    const points = i.unit ? Math.min(entered * i.unit, i.max) : entered
    if (entered !== raw || (i.unit && entered * i.unit > i.max)) clamped.push(i.name)
    indicators.push({ key: i.key, entered, points })
    return points
  }
  let bonus = 0
  const byDimension = scheme.dimensions.map((d) => {
    let earned = 0
    let full = 0
    let deducted = 0
    for (const i of d.indicators) {
      const p = pointsOf(i)
      if (i.kind === 'points') {
        earned += p
        full += i.max
      } else if (i.kind === 'deduction') deducted += p
      else bonus += p
    }
    const weighted = full > 0 ? (earned / full) * d.points : 0
    return { name: d.name, score: round1(clamp(weighted - deducted, 0, d.points)), points: d.points }
  })
  if (scheme.bonusMax !== undefined && bonus > scheme.bonusMax) {
    clamped.push('加分合计')
    bonus = scheme.bonusMax
  }
  return { total: round1(byDimension.reduce((n, d) => n + d.score, 0) + bonus), byDimension, bonus: round1(bonus), indicators, clamped }
}

export interface SchemeProblem {
  /** where: "第2个维度“班子建设”" or "指标“dual”" */
  where: string
  message: string
  /** errors stop saving; warnings are shown and saving goes on (docs/rules.md: rule checks warn) */
  level: 'error' | 'warning'
}

const KEY = /^[A-Za-z0-9_.-]{1,40}$/

/** Checks a scheme before it is saved or imported; every message says what to fix. */
export function checkScheme(s: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = []
  const err = (where: string, message: string) => out.push({ where, message, level: 'error' })
  const warn = (where: string, message: string) => out.push({ where, message, level: 'warning' })
  if (!s.name.trim()) err('指标体系', '请填写名称')
  if (!Number.isInteger(s.year) || s.year < 2000 || s.year > 2200) err('指标体系', '年度应为 2000–2200 之间的整数')
  if (s.dimensions.length === 0) err('指标体系', '至少需要一个考核维度')
  const keys = new Map<string, string>()
  s.dimensions.forEach((d, di) => {
    const at = `第${di + 1}个维度“${d.name || '（未命名）'}”`
    if (!d.name.trim()) err(at, '请填写维度名称')
    if (!(d.points > 0)) err(at, '维度分值（权重）应大于 0')
    if (d.indicators.length === 0) err(at, '至少需要一个指标')
    if (d.indicators.length > 0 && !d.indicators.some((i) => i.kind === 'points')) warn(at, '没有“得分”类指标，该维度只会被扣分，最高得 0 分')
    for (const i of d.indicators) {
      const iat = `指标“${i.name || i.key}”`
      if (!KEY.test(i.key)) err(iat, '指标编号只能用字母、数字、点、横线或下划线（1–40 个字符），例如 2.1')
      else if (keys.has(i.key)) err(iat, `指标编号“${i.key}”与“${keys.get(i.key)}”重复`)
      keys.set(i.key, i.name)
      if (!i.name.trim()) err(iat, '请填写指标名称')
      if (!(i.max > 0)) err(iat, '分值上限应大于 0')
      if (i.unit !== undefined && !(i.unit > 0)) err(iat, '每次分值应大于 0')
      if (i.unit !== undefined && i.kind === 'points') err(iat, '“每次”计分只用于扣分或加分指标')
      if (i.source && i.kind !== 'points') err(iat, '自动取数只用于得分指标')
      if (i.target !== undefined && !(i.target > 0)) err(iat, '目标数应大于 0')
    }
    const sum = d.indicators.filter((i) => i.kind === 'points').reduce((n, i) => n + i.max, 0)
    if (sum > 0 && Math.abs(sum - d.points) > 1e-9) warn(at, `得分指标合计 ${round1(sum)} 分，按维度分值 ${d.points} 分折算`)
  })
  const total = fullMarks(s)
  if (s.dimensions.length && total !== 100) warn('指标体系', `各维度分值合计 ${total} 分（常见为 100 分）`)
  return out
}
