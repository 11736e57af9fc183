/**
 * Paper-ballot tallies (docs/rules.md §2 and §7): 支部书记抓党建述职评议 (好 / 较好 / 一般 / 差) and 民主评议党员
 * (优秀 / 合格 / 基本合格 / 不合格). Counts per rater group (e.g. 院党委委员, 支部书记, 党员群众代表) are turned into a
 * weighted score and a suggested grade by a rubric that each tally carries (local rules differ, so it is data).
 * The branch decides the final grade; the rules here only warn.
 */
export type BallotKind = 'debrief' | 'appraisal'

export const BALLOT_KINDS: Record<BallotKind, { label: string; grades: readonly string[] }> = {
  debrief: { label: '支部书记抓党建述职评议', grades: ['好', '较好', '一般', '差'] },
  appraisal: { label: '民主评议党员', grades: ['优秀', '合格', '基本合格', '不合格'] },
}

export interface RaterGroup {
  key: string
  name: string
  /** relative weight; weights are re-spread over the groups that actually returned ballots */
  weight: number
  /** how many should vote in this group (warns on too many ballots or a turnout under half); absent = unchecked */
  expected?: number
}

export interface BallotRubric {
  groups: RaterGroup[]
  /** points per grade, best first (e.g. 100 / 80 / 60 / 0) */
  values: number[]
  /** minimum weighted score for each grade but the last, best first (e.g. 90 / 75 / 60) */
  cutoffs: number[]
  /** warn when the worst grade gets at least this share of all ballots (0 = never) */
  worstShareWarn: number
  /** warn when more than this share of the subjects gets the best grade (0 = never) */
  bestShareMax: number
}

/**
 * Example rubrics [M]: the groups and weights are common local practice, not a national rule. Each tally can
 * change them before counting.
 */
export const DEFAULT_RUBRICS: Record<BallotKind, BallotRubric> = {
  debrief: {
    groups: [
      { key: 'leaders', name: '院党委委员', weight: 40 },
      { key: 'secretaries', name: '支部书记', weight: 30 },
      { key: 'public', name: '党员群众代表', weight: 30 },
    ],
    values: [100, 80, 60, 0],
    cutoffs: [90, 75, 60],
    worstShareWarn: 1 / 3,
    bestShareMax: 0,
  },
  appraisal: {
    groups: [
      { key: 'members', name: '党员互评', weight: 60 },
      { key: 'public', name: '群众评议', weight: 20 },
      { key: 'committee', name: '支委会评定', weight: 20 },
    ],
    values: [100, 80, 60, 0],
    cutoffs: [90, 70, 60],
    worstShareWarn: 1 / 3,
    bestShareMax: 0,
  },
}

/** Ballot counts of one subject: per group, one count per grade (best first). */
export type BallotCounts = Record<string, number[]>

export interface SubjectTally {
  ballots: number
  byGroup: { key: string; name: string; weight: number; ballots: number; score: number | null }[]
  /** weighted score, null when no ballots */
  score: number | null
  /** the grade the rubric gives, null when no ballots */
  grade: string | null
  /** each grade's share of all ballots, best first */
  shares: number[]
  explanation: string
  warnings: string[]
}

const round1 = (n: number) => Math.round(n * 10) / 10
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`

/** Checks a rubric against its kind; messages say what to fix. */
export function checkRubric(kind: BallotKind, r: BallotRubric): string[] {
  const n = BALLOT_KINDS[kind].grades.length
  const out: string[] = []
  if (r.groups.length === 0) out.push('至少需要一个测评群体')
  if (new Set(r.groups.map((g) => g.key)).size !== r.groups.length) out.push('测评群体编号不能重复')
  if (r.groups.some((g) => !(g.weight > 0))) out.push('每个测评群体的权重应大于 0')
  if (r.values.length !== n) out.push(`应为 ${n} 个等次各设一个分值`)
  if (r.cutoffs.length !== n - 1) out.push(`应设 ${n - 1} 条等次分数线（最后一个等次不设）`)
  if (r.cutoffs.some((c, i) => i > 0 && c > r.cutoffs[i - 1]!)) out.push('等次分数线应从高到低排列')
  return out
}

/** Weighted score and suggested grade for one subject, with the sentence that explains it. */
export function tallySubject(kind: BallotKind, rubric: BallotRubric, counts: BallotCounts): SubjectTally {
  const grades = BALLOT_KINDS[kind].grades
  const warnings: string[] = []
  const totals = grades.map(() => 0)
  const byGroup = rubric.groups.map((g) => {
    const c = grades.map((_, i) => Math.max(0, Math.round(counts[g.key]?.[i] ?? 0)))
    c.forEach((v, i) => (totals[i]! += v))
    const ballots = c.reduce((a, b) => a + b, 0)
    if (g.expected !== undefined && ballots > g.expected) warnings.push(`${g.name}收回 ${ballots} 票，多于应参评的 ${g.expected} 人，请核对`)
    else if (g.expected !== undefined && g.expected > 0 && ballots > 0 && ballots * 2 < g.expected) warnings.push(`${g.name}只收回 ${ballots} 票，不足应参评 ${g.expected} 人的一半`)
    const score = ballots ? round1(c.reduce((s, v, i) => s + v * rubric.values[i]!, 0) / ballots) : null
    return { key: g.key, name: g.name, weight: g.weight, ballots, score }
  })
  const ballots = totals.reduce((a, b) => a + b, 0)
  const shares = totals.map((t) => (ballots ? t / ballots : 0))
  const voted = byGroup.filter((g) => g.score !== null)
  const weightSum = voted.reduce((s, g) => s + g.weight, 0)
  if (!ballots || weightSum === 0) return { ballots: 0, byGroup, score: null, grade: null, shares, explanation: '尚未录入选票', warnings }
  const score = round1(voted.reduce((s, g) => s + g.score! * g.weight, 0) / weightSum)
  const at = rubric.cutoffs.findIndex((c) => score >= c)
  const grade = grades[at === -1 ? grades.length - 1 : at]!
  const missing = byGroup.filter((g) => g.score === null).map((g) => g.name)
  const explanation =
    `${voted.map((g) => `${g.name}${g.score}分×${round1((100 * g.weight) / weightSum)}%`).join(' + ')} = ${score}分，评为“${grade}”` +
    (missing.length ? `（${missing.join('、')}未投票，权重按其余群体重新分配）` : '')
  const worst = grades.length - 1
  if (rubric.worstShareWarn > 0 && shares[worst]! >= rubric.worstShareWarn) warnings.push(`“${grades[worst]}”票占 ${pct(shares[worst]!)}，达到 ${pct(rubric.worstShareWarn)}：请支部专题研究`)
  warnings.push(...gradeWarnings(kind, grade))
  return { ballots, byGroup, score, grade, shares, explanation, warnings }
}

/** What a grade obliges the branch to do next — warnings, never blocks (docs/rules.md: rule checks warn). */
export function gradeWarnings(kind: BallotKind, grade: string | null): string[] {
  if (kind === 'appraisal' && grade === '不合格') return ['评为“不合格”须经支部党员大会讨论、报上级党组织审批，并按《中国共产党党员教育管理工作条例》对不合格党员的处置程序办理（限期改正、劝其退党或除名）']
  if (kind === 'appraisal' && grade === '基本合格') return ['评为“基本合格”的，支部应谈心谈话、提出限期改进要求']
  if (kind === 'debrief' && grade === '差') return ['述职评议为“差”的，上级党组织应约谈、督促整改（按本院规定）']
  return []
}

/** Tally-wide checks: too many at the best grade, and final grades that differ from the count without a reason. */
export function tallyWarnings(kind: BallotKind, rubric: BallotRubric, subjects: readonly { name: string; grade: string | null; finalGrade: string | null; finalNote: string | null }[]): string[] {
  const best = BALLOT_KINDS[kind].grades[0]!
  const out: string[] = []
  const graded = subjects.filter((s) => (s.finalGrade ?? s.grade) !== null)
  const top = graded.filter((s) => (s.finalGrade ?? s.grade) === best).length
  if (rubric.bestShareMax > 0 && graded.length && top / graded.length > rubric.bestShareMax) out.push(`“${best}”${top}人，占 ${pct(top / graded.length)}，超过设定的 ${pct(rubric.bestShareMax)}`)
  for (const s of subjects) if (s.finalGrade && s.grade && s.finalGrade !== s.grade && !s.finalNote?.trim()) out.push(`${s.name}：评定“${s.finalGrade}”与测评结果“${s.grade}”不同，请写明理由`)
  return out
}
