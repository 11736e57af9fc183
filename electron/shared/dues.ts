/**
 * 党费 (the rules and their source: docs/dues.md). Stored values are English identifiers; the labels
 * are what the clerk reads. Money is kept as integer 分 everywhere (architecture rule: money in 分), so no sum
 * of a year's dues drifts by a 分.
 */

/**
 * 交纳类别: how a member's monthly standard is found (docs/dues.md §2).
 *   salary   按月领取工资的党员: a share of the monthly after-tax income, by band
 *   pension  离退休党员: a share of the monthly pension, by band
 *   student  学生党员: a fixed 0.2 元
 *   flat     下岗失业、依靠抚恤或救济生活、领取最低生活保障金的党员: a fixed 0.2 元
 *   reduced  减免: the amount the 党支部 decided (0 = 免交), recorded with that decision
 */
export const DUES_CATEGORIES = ['salary', 'pension', 'student', 'flat', 'reduced'] as const
export type DuesCategory = (typeof DUES_CATEGORIES)[number]
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  salary: '在职',
  pension: '离退休',
  student: '学生',
  flat: '其他0.2元',
  reduced: '减免',
}
/** categories whose standard is a share of an income (the others have no base and no rate) */
export const hasBase = (c: DuesCategory): boolean => c === 'salary' || c === 'pension'

/** 基数来源: the finance department's list, the member's own declaration, or a 减免 decision. */
export const BASE_SOURCES = ['finance', 'self', 'decision'] as const
export type BaseSource = (typeof BASE_SOURCES)[number]
export const BASE_SOURCE_LABELS: Record<BaseSource, string> = { finance: '财务提供', self: '本人申报', decision: '支部决定' }

/** 交纳方式 */
export const PAY_METHODS = ['cash', 'transfer', 'payroll'] as const
export type PayMethod = (typeof PAY_METHODS)[number]
export const PAY_METHOD_LABELS: Record<PayMethod, string> = { cash: '现金', transfer: '转账', payroll: '代扣' }

/** 上缴: a branch to the 党委, or the 党委 upward */
export const HANDOVER_LEVELS = ['branch', 'upward'] as const
export type HandoverLevel = (typeof HANDOVER_LEVELS)[number]
export const HANDOVER_LEVEL_LABELS: Record<HandoverLevel, string> = { branch: '支部上缴党委', upward: '党委上缴上级' }

/** "2025-03" */
export type Month = string
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
export const isMonth = (v: string): boolean => MONTH_PATTERN.test(v)

export function addMonth(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const k = y * 12 + (m - 1) + n
  return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`
}

/** Months from `from` to `to`, both included (empty when to < from). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = []
  for (let m = from; m <= to; m = addMonth(m, 1)) out.push(m)
  return out
}

export const yearMonths = (year: number): Month[] => monthsBetween(`${year}-01`, `${year}-12`)

/** "2025年3月" */
export const formatMonth = (month: Month): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/** 127.5 元 as the clerk reads it: "127.50" (two decimals, no thousands separator on forms). */
export const formatYuan = (fen: number | null): string => (fen === null ? '' : `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`)

/** 元 as a number with two decimals (the CLI's JSON): 12750 分 → 127.5 */
export const yuanOf = (fen: number | null): number | null => (fen === null ? null : Math.round(fen) / 100)

/** A rate kept in basis points (1.5% = 150) as a plain number: 0.015 */
export const rateOf = (bp: number | null): number | null => (bp === null ? null : bp / 10000)

/** "1.5%" */
export const formatRate = (bp: number | null): string => (bp === null ? '' : `${bp / 100}%`)
