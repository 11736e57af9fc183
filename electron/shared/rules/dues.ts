import { DUES_CATEGORY_LABELS, type DuesCategory, type Month } from '../dues'
import type { Settings } from '../settings'
import { nfkc } from '../text'

/**
 * The monthly standard of 中组发〔2008〕3号 (docs/dues.md §2), every figure a setting with the national default.
 * Integer arithmetic throughout: the base in 分, the rate in basis points (1.5% = 150), so 3000.01 元 is 300001
 * 分 and lands in the second band, and rounding half up is exact (no 0.1 + 0.2 in money).
 */
export interface Standard {
  category: DuesCategory
  /** 计算基数 in 分; null for the fixed-amount categories and 减免 */
  baseFen: number | null
  /** 比例 in basis points; null where no share of an income applies */
  rateBp: number | null
  /** 月交纳标准 in 分 */
  monthlyFen: number
}

type DuesSettings = Pick<
  Settings,
  | 'dues.salaryBand1'
  | 'dues.salaryBand2'
  | 'dues.salaryBand3'
  | 'dues.salaryRate1'
  | 'dues.salaryRate2'
  | 'dues.salaryRate3'
  | 'dues.salaryRate4'
  | 'dues.pensionBand'
  | 'dues.pensionRate1'
  | 'dues.pensionRate2'
  | 'dues.flatAmount'
  | 'dues.rounding'
>

/** 元 (a setting) → 分; a percentage (a setting) → basis points. Settings are typed by people: 0.5 and 1.5 are exact here. */
const fenOf = (yuan: number): number => Math.round(yuan * 100)
const bpOf = (percent: number): number => Math.round(percent * 100)
const UNIT: Record<string, number> = { fen: 1, jiao: 10, yuan: 100 }

/**
 * The rate for a base (docs/dues.md §2): for 在职, ≤ band 1 (included) the first rate, then up to band 2
 * (included), up to band 3 (included), above; for 离退休 ≤ the band (included) and above. The whole base is
 * charged at its band's rate (the rules are not progressive like income tax).
 */
export function rateFor(category: 'salary' | 'pension', baseFen: number, s: DuesSettings): number {
  if (category === 'pension') return bpOf(baseFen <= fenOf(s['dues.pensionBand']) ? s['dues.pensionRate1'] : s['dues.pensionRate2'])
  if (baseFen <= fenOf(s['dues.salaryBand1'])) return bpOf(s['dues.salaryRate1'])
  if (baseFen <= fenOf(s['dues.salaryBand2'])) return bpOf(s['dues.salaryRate2'])
  if (baseFen <= fenOf(s['dues.salaryBand3'])) return bpOf(s['dues.salaryRate3'])
  return bpOf(s['dues.salaryRate4'])
}

/**
 * base × rate, rounded half up to the 分 (or to the 角 or 元, by the setting). base分 × bp / 10000 is the exact
 * amount in 分; adding half a unit and flooring is rounding half up, in integers.
 */
export function roundedShare(baseFen: number, rateBp: number, rounding: string): number {
  const unit = UNIT[rounding] ?? 1
  return Math.floor((baseFen * rateBp + unit * 5000) / (unit * 10000)) * unit
}

/** The standard of one category; `reducedFen` is the amount a 减免 decision fixed. */
export function standardOf(category: DuesCategory, baseFen: number | null, s: DuesSettings, reducedFen: number | null = null): Standard {
  if (category === 'salary' || category === 'pension') {
    if (baseFen === null) throw new Error(`${DUES_CATEGORY_LABELS[category]}党员的标准需要计算基数`)
    const rateBp = rateFor(category, baseFen, s)
    return { category, baseFen, rateBp, monthlyFen: roundedShare(baseFen, rateBp, s['dues.rounding']) }
  }
  if (category === 'reduced') return { category, baseFen: null, rateBp: null, monthlyFen: reducedFen ?? 0 }
  return { category, baseFen: null, rateBp: null, monthlyFen: fenOf(s['dues.flatAmount']) }
}

/**
 * 人员类别 as finance lists write it → our category. Suffixes like 人员 / 党员 / 职工 are dropped first
 * ("退休党员", "在职人员"). null when the text names nothing the rules know; 'reduced' is recognised so the import
 * can say that a 减免 needs the branch's decision rather than "unknown".
 */
const CATEGORY_WORDS: [DuesCategory, string[]][] = [
  ['salary', ['在职', '在岗', '在编', '在职在岗', '合同制', '聘用', '编外', '工作', '按月领取工资', '在职在编', '职工']],
  ['pension', ['离休', '退休', '离退休', '离退', '退职', '离休干部', '退休干部', '离退休干部', '退休返聘', '离休老干部']],
  ['student', ['学生', '在校学生', '在读学生', '研究生', '硕士研究生', '博士研究生', '本科生', '大学生']],
  ['flat', ['下岗', '失业', '下岗失业', '失业下岗', '抚恤', '救济', '抚恤救济', '依靠抚恤或救济生活', '依靠抚恤救济生活', '低保', '最低生活保障', '领取最低生活保障金', '领取当地最低生活保障金', '最低生活保障金', '低保户', '低保对象', '其他0.2元', '0.2元']],
  ['reduced', ['减免', '少交', '免交', '困难减免', '减交']],
]
const CATEGORY_BY_WORD = new Map(CATEGORY_WORDS.flatMap(([c, words]) => words.map((w) => [w, c] as const)))
export const CATEGORY_HINT = '在职（在岗）、离退休（离休、退休）、学生、下岗失业、依靠抚恤或救济生活、低保'

export function categoryOfText(raw: string): DuesCategory | null {
  const t = nfkc(raw).replace(/[\s（）()、，,]/g, '')
  if (!t) return null
  const direct = CATEGORY_BY_WORD.get(t)
  if (direct) return direct
  const bare = t.replace(/(党员|人员|职工|干部|同志)$/, '')
  return CATEGORY_BY_WORD.get(bare) ?? (Object.entries(DUES_CATEGORY_LABELS).find(([, label]) => label === t)?.[0] as DuesCategory | undefined) ?? null
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * An amount in 元 as a finance list writes it: 8500, 8500.5, "8,500.00", "8 500", "８５００元", "￥8,500", "8500元/月".
 * At most two decimals (分): a longer fraction is refused, never silently rounded — the base decides the band.
 */
export function parseYuan(raw: string | number, label: string): Parsed<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, message: `${label}不是数字` }
    if (raw < 0) return { ok: false, message: `${label}不能为负数（${raw}）` }
    const fen = Math.round(raw * 100)
    if (Math.abs(raw * 100 - fen) > 1e-6) return { ok: false, message: `${label}${raw}超过两位小数，请核对后保留到分` }
    return { ok: true, value: fen }
  }
  const t = nfkc(raw)
    .replace(/\s+/g, '')
    .replace(/^(人民币|RMB|￥|¥)/i, '')
    .replace(/(元\/月|元每月|元)$/, '')
  if (!t) return { ok: false, message: `请填写${label}` }
  // thousands separators only where they belong (8,500 and 18,500.00), so "8,5" is not read as 85
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return { ok: false, message: `${label}“${raw.slice(0, 20)}”不是数字，请填写如 8500 或 8,500.00 的金额` }
  if (plain.startsWith('-')) return { ok: false, message: `${label}不能为负数（${raw.slice(0, 20)}）` }
  const [whole, frac = ''] = plain.split('.') as [string, string?]
  if (frac.replace(/0+$/, '').length > 2) return { ok: false, message: `${label}“${raw.slice(0, 20)}”超过两位小数，请核对后保留到分` }
  return { ok: true, value: Number(whole) * 100 + Number((frac + '00').slice(0, 2)) }
}

/**
 * 起始月份 as clerks write it: 2025-03, 2025-3, 2025/3, 2025.3, 2025年3月, 202503, a full date (its month), or
 * just 3 / 3月 within the list's year. A number 2025.1 is what Excel makes of a typed 2025.10 as well as of
 * 2025.1: refused (October or January?), as everywhere dates are read.
 */
export function parseMonthText(raw: string | number, year: number, label = '起始月份'): Parsed<Month> {
  const text = typeof raw === 'number' ? String(raw) : nfkc(raw).replace(/\s+/g, '')
  if (typeof raw === 'number' && /^\d{4}\.1$/.test(text)) {
    return { ok: false, message: `${label}${text}被 Excel 存成了数字，分不清是1月还是10月：请把该列设为文本后写成 ${text.slice(0, 4)}-01 或 ${text.slice(0, 4)}-10` }
  }
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number]][] = [
    [/^(\d{4})[-/.](\d{1,2})$/, (m) => [Number(m[1]), Number(m[2])]],
    [/^(\d{4})年(\d{1,2})月?$/, (m) => [Number(m[1]), Number(m[2])]],
    [/^(\d{4})(\d{2})$/, (m) => [Number(m[1]), Number(m[2])]],
    [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => [Number(m[1]), Number(m[2])]],
    [/^(\d{4})年(\d{1,2})月(\d{1,2})日?$/, (m) => [Number(m[1]), Number(m[2])]],
    [/^(\d{1,2})月?$/, (m) => [year, Number(m[1])]],
  ]
  for (const [re, read] of patterns) {
    const m = re.exec(text)
    if (!m) continue
    const [y, mo] = read(m)
    if (mo < 1 || mo > 12) return { ok: false, message: `${label}“${text}”中的月份不存在，请核对` }
    return { ok: true, value: `${y}-${String(mo).padStart(2, '0')}` }
  }
  return { ok: false, message: `${label}“${text.slice(0, 20)}”无法识别，请写成 ${year}-03、${year}年3月 或 ${year}.3` }
}
