import { AppError } from '../result'

/**
 * What the 党费 prints need, already in words: amounts as "127.50", months as "2025年3月". The base is
 * income: a line carries it as text that is either the amount (only when the clerk chose to show it, which is
 * audited) or the mask. The 公示 person type has no base at all, and the template refuses one at run time.
 */
export const BASE_MASK = '＊＊＊＊'
/** keys a 公示 of standards must never carry: the base is income (docs/dues.md §7) */
const BASE_KEYS = ['base', 'baseFen', 'income'] as const
type NoBase = { readonly [K in (typeof BASE_KEYS)[number]]?: never }

export interface DuesRegisterLine {
  name: string
  category: string
  /** the amount, BASE_MASK, or '—' where the category has no base */
  base: string
  rate: string
  standard: string
  paid: string
  paidOn: string
  method: string
  note: string
}

/** 党费收缴登记表: one branch, one month; members sign as they pay. */
export interface DuesRegisterData {
  unitName: string
  branchName: string
  month: string
  lines: DuesRegisterLine[]
  /** payments made this month for earlier months (补交) */
  backPays: { name: string; month: string; paid: string; paidOn: string; method: string }[]
  totals: { people: number; due: string; paidPeople: number; paid: string }
}

export interface DuesReportRow {
  branch: string
  people: number
  due: string
  paid: string
  rate: string
  owingPeople: number
  extras: string
  handed: string
  notHanded: string
}

/** 党费收缴情况 for a year, by branch (an internal report). */
export interface DuesReportData {
  unitName: string
  year: number
  asOf: string
  rows: DuesReportRow[]
  total: DuesReportRow
  /** the 党委's lines: received, handed upward, 大额党费 */
  committee: string[]
  differences: string[]
}

export type DuesNoticePerson = NoBase & {
  name: string
  branch: string
  category: string
  standard: string
  fromMonth: string
}

/** 公示 of each member's monthly standard: the standard only, never the base. */
export interface DuesNoticeData {
  issuer: string
  year: number
  issuedOn: string
  periodFrom: string
  periodTo: string
  feedback: string
  people: DuesNoticePerson[]
}

/** A member's own year: what was owed and paid each month. */
export interface DuesRecordData {
  unitName: string
  name: string
  branch: string
  year: number
  /** each standard of the year with the month it applies from, base shown or masked */
  standards: { fromMonth: string; category: string; base: string; rate: string; standard: string }[]
  months: { month: string; due: string; paid: string; paidOn: string; method: string; note: string }[]
  totals: { due: string; paid: string }
  printedOn: string
}

/** The run-time half of "no base on a 公示": refuses any person that carries one, before anything is printed. */
export function refuseBase(people: readonly object[]): void {
  for (const p of people) {
    const bad = BASE_KEYS.find((k) => Object.hasOwn(p, k))
    if (bad) throw new AppError('INTERNAL', `党费标准公示不能包含计算基数（字段 ${bad}）`)
  }
}
