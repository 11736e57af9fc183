import type { AnnualStatistics, Reconciliation } from '../contract/statistics'
import { AGE_BANDS, EDUCATION_GROUPS, JOIN_PERIODS, UNFILLED } from '../rules/statistics'
import { LEAVE_REASONS } from '../leaving'

/**
 * The 党内统计年报 as the numbered tables of the 中共中央组织部 form (docs/statistics-tables.md gives each
 * layout's public source): 第一表 两年党员数综合比较 … 第十五表 发展党员情况（二）. Each table says whether our
 * data fills it; a cell we cannot know is null and prints as “—” with the reason underneath. Every distribution
 * ends in 合计 and is checked against 党员总数. Pure: the facts in, the tables out (print and workbook share them).
 */
export interface AnnualFacts {
  year: number
  stats: AnnualStatistics
  reconciliation: Reconciliation
  /** each 党员's tags from annualStatistics (gender.女, minority, probationary, ageBands.…, occupations.…) */
  memberTags: string[][]
  graduate: { 博士研究生: number; 硕士研究生: number }
  admissions: { female: boolean; minority: boolean; age35OrUnder: boolean; collegeOrAbove: boolean; occupation: string }[]
  /** 民主评议党员 of the year: people rated, and each one's final grade (null = not yet decided) */
  appraisal: { subjects: number; grades: (string | null)[] }
  probation: { converted: number; afterExtension: number; extended: number; cancelled: number }
}

export interface TableColumn {
  label: string
  /** a heading over several columns (本年增加, 年龄) */
  group?: string
}
export interface TableRow {
  label: string
  /** 其中 rows are indented one step */
  indent?: boolean
  cells: (number | null)[]
}
/** 全部填写 / 部分填写 (cells marked —) / 不能填写 (no data of ours) */
export type Filled = 'all' | 'part' | 'none'
export interface AnnualTable {
  no: string
  title: string
  columns: TableColumn[]
  rows: TableRow[]
  filled: Filled
  notes: string[]
  /** each distribution's 合计 against its total (docs/statistics-tables.md §3) */
  checks: DistributionCheck[]
}
export interface DistributionCheck {
  what: string
  sum: number
  total: number
  /** what the total is, when not 党员总数 */
  against?: string
}

/** The official tables a hospital's party committee does not fill (they are about villages and communities). */
export const NOT_APPLICABLE = [
  { no: '第五表', title: '乡（镇）、建制村党员情况' },
  { no: '第六表', title: '街道、社区（居委会）党员情况' },
  { no: '第七表', title: '学生党员情况' },
] as const

/** 职业 rows with the 公报's names (2023 公报) for our occupation codes; 农牧渔民 is not among a hospital's codes. */
const OCCUPATION_ROWS: [string, string][] = [
  ['工人（工勤技能人员）', '工人（工勤技能人员）'],
  ['农牧渔民', ''],
  ['专业技术人员', '企事业单位、社会组织专业技术人员'],
  ['管理人员', '企事业单位、社会组织管理人员'],
  ['党政机关工作人员', '党政机关工作人员'],
  ['学生', '学生'],
  ['其他', '其他职业人员'],
  ['离退休人员', '离退休人员'],
  [UNFILLED, '未填职业'],
]
const AGE_LABELS = [...AGE_BANDS.map((b) => b.replace('-', '至')), UNFILLED]
const JOIN_LABELS: Record<(typeof JOIN_PERIODS)[number], string> = {
  '1949年10月以前': '新中国成立前入党（1949年9月及以前）',
  '1949年10月至1978年12月': '新中国成立后至党的十一届三中全会前入党（1949年10月至1978年12月）',
  '1979年1月至2012年10月': '党的十一届三中全会后至党的十八大前入党（1979年1月至2012年10月）',
  '2012年11月以后': '党的十八大以来入党（2012年11月起）',
}

const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0)
const has = (tags: string[], t: string) => tags.includes(t)
const check = (what: string, cells: readonly (number | null)[], total: number): DistributionCheck => ({ what, sum: sum(cells), total })
/** a check's sentence: 一致 or how far apart, for the sheet and the screen */
export const checkText = (c: DistributionCheck): string =>
  c.sum === c.total ? `核对：${c.what}合计 ${c.sum} 人，与${c.against ?? '党员总数'} ${c.total} 人一致。` : `核对：${c.what}合计 ${c.sum} 人，与${c.against ?? '党员总数'} ${c.total} 人不符（${c.sum > c.total ? '多' : '少'} ${Math.abs(c.sum - c.total)} 人），上报前请查明。`

function first(f: AnnualFacts): AnnualTable {
  const r = f.reconciliation
  const added = (re: RegExp) => r.added.filter((a) => re.test(a.reason)).length
  const removed = (test: (reason: string) => boolean) => r.removed.filter((a) => test(a.reason)).length
  const dev = added(/^发展入党/)
  const restored = added(/^恢复党籍/)
  const inward = added(/^转入/)
  const died = removed((x) => /死亡/.test(x))
  // a 预备党员 whose 资格 is cancelled (党章 第七条) leaves the count: the 年报表说明 lists it under 出党 (第十表,
  // docs/statistics-tables.md S1), and the note says so
  const cancelled = removed((x) => /^取消预备党员资格/.test(x))
  const left = removed((x) => /^出党/.test(x) && !/死亡/.test(x)) + cancelled
  const out = removed((x) => /^转出/.test(x))
  const plus = dev + restored + inward
  const minus = left + died + out
  const due = r.lastYearTotal + plus - minus
  return {
    no: '第一表',
    title: '两年党员数综合比较',
    columns: [
      { label: '上年底总数' },
      ...['合计', '发展党员', '恢复党籍', '转入'].map((label) => ({ label, group: '本年增加' })),
      ...['合计', '出党', '停止党籍', '死亡', '转出'].map((label) => ({ label, group: '本年减少' })),
      { label: '本年底应有数' },
      { label: '本年底实有数' },
      { label: '实有数与应有数之差' },
    ],
    rows: [{ label: '党员', cells: [r.lastYearTotal, plus, dev, restored, inward, minus, left, null, died, out, due, r.thisYearTotal, r.thisYearTotal - due] }],
    filled: 'part',
    notes: [
      ...(cancelled ? [`第7栏“出党”含取消预备党员资格 ${cancelled} 人（第十表、第十三表分列）。`] : []),
      '第8栏“停止党籍”：本系统中停止党籍的党员组织关系仍在本院，计入党员数，本栏不填（名单可在党员名册“停止党籍”中查看）。',
      '第11栏 = 第1栏 + 第2栏 − 第6栏；第13栏 = 第12栏 − 第11栏，不为 0 时须上报说明：见“增减名单”中“补录”“原因不明”的人员。',
    ],
    checks: [],
  }
}

function second(f: AnnualFacts): AnnualTable {
  const line = (tags: string[][]) => [tags.length, tags.filter((t) => has(t, 'gender.女')).length, tags.filter((t) => has(t, 'minority')).length, null, tags.filter((t) => has(t, 'probationary')).length, ...AGE_LABELS.map((_, i) => tags.filter((t) => has(t, `ageBands.${[...AGE_BANDS, UNFILLED][i]}`)).length)]
  const rows: TableRow[] = [{ label: '总计', cells: line(f.memberTags) }]
  for (const [code, label] of OCCUPATION_ROWS) rows.push({ label: label || code, indent: true, cells: line(code && label ? f.memberTags.filter((t) => has(t, `occupations.${code}`)) : []) })
  return {
    no: '第二表',
    title: '党员基本情况',
    columns: [{ label: '合计' }, { label: '女' }, { label: '少数民族' }, { label: '台湾省籍' }, { label: '预备党员' }, ...AGE_LABELS.map((label) => ({ label, group: '年龄' }))],
    rows,
    filled: 'part',
    notes: ['“台湾省籍”：本系统不登记籍贯，本栏不填。', '“农牧渔民”不在本院的职业类别中，填 0。', '年龄按统计时点的周岁计算；未登记出生日期的计入“未填”。'],
    checks: [check('按职业分列的人数', rows.slice(1).map((r) => r.cells[0]!), f.stats.total), check('按年龄分列的人数', rows[0]!.cells.slice(5), f.stats.total)],
  }
}

function third(f: AnnualFacts): AnnualTable {
  const rows = JOIN_PERIODS.map((p) => ({ label: JOIN_LABELS[p], cells: [f.stats.joinPeriods[p] ?? 0] }))
  return { no: '第三表', title: '党员入党时间情况', columns: [{ label: '人数' }], rows: [{ label: '合计', cells: [sum(rows.map((r) => r.cells[0]!))] }, ...rows.map((r) => ({ ...r, indent: true }))], filled: 'all', notes: ['按入党日期分段；入党日期是党员必填项，没有“未填”。'], checks: [check('入党时间各段', rows.map((r) => r.cells[0]!), f.stats.total)] }
}

function fourth(f: AnnualFacts): AnnualTable {
  const e = f.stats.education
  const rows: TableRow[] = [
    { label: '研究生', indent: true, cells: [e['研究生'] ?? 0] },
    { label: '其中：博士研究生', indent: true, cells: [f.graduate.博士研究生] },
    { label: '　　　硕士研究生', indent: true, cells: [f.graduate.硕士研究生] },
    ...[...EDUCATION_GROUPS.slice(1), UNFILLED].map((g) => ({ label: g === '高中·中技' ? '高中、中技' : g, indent: true, cells: [e[g] ?? 0] })),
  ]
  const counted = rows.filter((r) => !/博士|硕士/.test(r.label)).map((r) => r.cells[0]!)
  return { no: '第四表', title: '党员学历情况', columns: [{ label: '人数' }], rows: [{ label: '合计', cells: [sum(counted)] }, ...rows], filled: 'all', notes: ['学历为最高学历（GB/T 4658 分组）；未登记或认不出的学历计入“未填”。'], checks: [check('学历各组', counted, f.stats.total)] }
}

function eighth(f: AnnualFacts): AnnualTable {
  const grades = ['优秀', '合格', '基本合格', '不合格'].map((g) => f.appraisal.grades.filter((x) => x === g).length)
  return {
    no: '第八表',
    title: '民主评议党员情况',
    columns: [{ label: '党员总数' }, { label: '参加评议的党员' }, ...['优秀', '合格', '基本合格', '不合格'].map((label) => ({ label, group: '评定等次' })), { label: '尚未评定' }],
    rows: [{ label: '党员', cells: [f.stats.total, f.appraisal.subjects, ...grades, f.appraisal.grades.filter((g) => g === null).length] }],
    filled: 'all',
    notes: [
      '按“考核评价 → 评议计票”中本年度民主评议党员的计票和支部评定的等次统计；对不合格党员的组织处置（限期改正、劝退、除名）本系统未单独记录。',
      ...(f.appraisal.subjects ? [] : ['本年在本系统中没有民主评议党员的计票：如评议是在纸面上进行的，请按评议结果填写。']),
    ],
    checks: [],
  }
}

function tenth(f: AnnualFacts): AnnualTable {
  // the rows as the statistics give them (which reasons count as 出党 is decided there, not here), in the 党章's order
  const order: readonly string[] = LEAVE_REASONS
  // a death is 党员减少 (第一表 死亡栏), never 出党, even in facts that still carry it under left
  const ways = Object.keys(f.stats.left).filter((k) => k !== '死亡')
  const keys = [...order.filter((k) => ways.includes(k)), ...ways.filter((k) => !order.includes(k))]
  // the 年报表说明 (docs/statistics-tables.md S1) has 第十表 list 取消预备党员资格 with the ways of 出党
  const rows = [...keys.map((k) => ({ label: k, indent: true, cells: [f.stats.left[k] ?? 0] })), { label: '取消预备党员资格', indent: true, cells: [f.stats.reductions?.取消预备党员资格 ?? 0] }]
  return { no: '第十表', title: '党员出党情况（一）', columns: [{ label: '人数' }], rows: [{ label: '出党合计', cells: [sum(rows.map((r) => r.cells[0]!))] }, ...rows], filled: 'all', notes: ['按本年登记的出党方式统计，取消预备党员资格一并列入（与第一表第7栏一致）；死亡不是出党，计入第一表“死亡”栏。'], checks: [] }
}

function thirteenth(f: AnnualFacts): AnnualTable {
  const p = f.probation
  return {
    no: '第十三表',
    title: '预备党员转正情况',
    columns: [{ label: '合计' }, { label: '转为正式党员' }, { label: '其中：延长预备期后转正' }, { label: '延长预备期' }, { label: '取消预备党员资格' }],
    rows: [{ label: '预备党员', cells: [p.converted + p.extended + p.cancelled, p.converted, p.afterExtension, p.extended, p.cancelled] }],
    filled: 'all',
    notes: ['合计 = 转为正式党员 + 延长预备期 + 取消预备党员资格（本年讨论的预备党员）。'],
    checks: [],
  }
}

function fourteenth(f: AnnualFacts): AnnualTable {
  const line = (xs: AnnualFacts['admissions']) => [xs.length, xs.filter((x) => x.female).length, xs.filter((x) => x.minority).length, xs.filter((x) => x.age35OrUnder).length, xs.filter((x) => x.collegeOrAbove).length]
  const rows: TableRow[] = [{ label: '合计', cells: line(f.admissions) }]
  for (const [code, label] of OCCUPATION_ROWS) rows.push({ label: label || code, indent: true, cells: line(code && label ? f.admissions.filter((a) => a.occupation === code) : []) })
  return {
    no: '第十四表',
    title: '发展党员情况（一）',
    columns: [{ label: '发展党员数' }, { label: '女' }, { label: '少数民族' }, { label: '35岁及以下' }, { label: '大专及以上学历' }],
    rows,
    filled: 'all',
    notes: ['本年接收的预备党员；年龄按入党时的周岁计算。'],
    checks: [{ what: '按职业分列的发展党员', sum: sum(rows.slice(1).map((r) => r.cells[0]!)), total: f.admissions.length, against: '发展党员数' }],
  }
}

function fifteenth(f: AnnualFacts): AnnualTable {
  const s = f.stats
  return {
    no: '第十五表',
    title: '发展党员情况（二）',
    columns: [{ label: '年底人数' }],
    rows: [{ label: '入党申请人', cells: [s.applicants] }, { label: '入党积极分子', cells: [s.activists] }, { label: '发展对象', cells: [s.candidates] }],
    filled: 'part',
    notes: ['公开资料未见本表的全部栏目；这里按党内统计公报的口径列出年底入党申请人、入党积极分子人数，另列发展对象。'],
    checks: [],
  }
}

const none = (no: string, title: string, why: string): AnnualTable => ({ no, title, columns: [], rows: [], filled: 'none', notes: [why], checks: [] })

/** The tables in the form's order (第五至七表 not applicable to a hospital: see NOT_APPLICABLE). */
export function annualTables(f: AnnualFacts): AnnualTable[] {
  return [
    first(f),
    second(f),
    third(f),
    fourth(f),
    eighth(f),
    none('第九表', '党员培训情况', '本系统不记录党员教育培训的班次和学时，本表请按党员教育培训台账填写。'),
    tenth(f),
    none('第十一表', '党员出党情况（二）', '出党的原因（违反何种纪律等）本系统未分类登记，本表请按组织处理决定填写。'),
    none('第十二表', '党内表彰情况', '本系统不记录党内表彰，本表请按表彰文件填写。'),
    thirteenth(f),
    fourteenth(f),
    fifteenth(f),
  ]
}

/** Every distribution check of the tables (for the screen's 上报前核对 and the workbook's 核对 sheet). */
export const distributionChecks = (tables: readonly AnnualTable[]): DistributionCheck[] => tables.flatMap((t) => t.checks.map((c) => ({ ...c, what: `${t.no}${c.what}` })))

export const FILLED_LABELS: Record<Filled, string> = { all: '已填写', part: '部分填写（标“—”的栏不能填）', none: '不能填写（本院数据没有）' }
