import { z } from 'zod'
import { BASE_SOURCES, DUES_CATEGORIES, HANDOVER_LEVELS, PAY_METHODS, type BaseSource, type DuesCategory, type HandoverLevel, type Month, type PayMethod } from '../dues'
import { id, isoDate, optionalText, requiredText } from '../schemas'
import { method } from './define'
import type { FilePayload } from './imports'
import type { PrintDocument } from './print'

const year = z.number({ error: '请选择年度' }).int().min(2000, { message: '年度应在2000年以后' }).max(2200)
const month = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: `${label}应写成 2025-03` })
/** money crosses the contract in 分 (integers); the screens convert from the 元 the clerk types */
const fen = (label: string) => z.number({ error: `请填写${label}` }).int({ message: `${label}应精确到分` }).min(0, { message: `${label}不能为负数` }).max(100_000_000, { message: `${label}过大，请核对` })
const org = z.number().int().positive().nullable().default(null)
const reason = requiredText('作废原因', 200)

export interface LedgerCell {
  month: Month
  /** owed to this list's branch that month */
  owed: boolean
  /** why not, when it is not (not yet a member, transferred out, another branch, before the ledger began…) */
  why: string | null
  dueFen: number | null
  paymentId: number | null
  paidFen: number | null
  paidOn: string | null
  method: PayMethod | null
  /** paid in a later month than the one it is for */
  backPay: boolean
}

export interface LedgerRow {
  memberId: number
  name: string
  /** masked on screens, in full on the command line */
  idNumber: string | null
  organizationId: number
  organizationName: string
  category: DuesCategory | null
  /** the standard in force at the last owed month of the year; null when no base is set */
  monthlyFen: number | null
  cells: LedgerCell[]
  /** owed months of the year up to this month, and what was paid for them */
  dueFen: number
  paidFen: number
  /** owed months that have ended without a payment (this year) */
  unpaidMonths: number
  /** unpaid months in a row, counting back from the last ended month (years before included) */
  unpaidRun: number
  /** 党章 第九条: 连续 6 个月未交 (dues.overdueMonths) */
  flagged: boolean
  /** some owed month has no base: its standard is not known */
  noBase: boolean
}

export interface Ledger {
  year: number
  organizationId: number | null
  months: Month[]
  /** the last ended month the run counts to */
  through: Month
  trackedFrom: Month
  overdueMonths: number
  rows: LedgerRow[]
}

export interface StandardRow {
  baseId: number | null
  memberId: number
  name: string
  /** masked like every ID number on screens; in full on the command line */
  idNumber: string | null
  organizationName: string
  category: DuesCategory | null
  /** null when masked (see `masked`) or when the category has no base */
  baseFen: number | null
  rateBp: number | null
  monthlyFen: number | null
  fromMonth: Month
  source: BaseSource | null
  decision: string | null
  note: string | null
  /** the bases of earlier months of the year that this one replaced */
  earlier: { fromMonth: Month; monthlyFen: number }[]
}

export interface Standards {
  year: number
  /** the bases are hidden: this role may not see income, or the list was not opened with 显示基数 */
  masked: boolean
  rows: StandardRow[]
}

export interface RateCell {
  month: Month
  dueFen: number
  paidFen: number
  /** paid ÷ due (0–1), null when nothing was owed */
  rate: number | null
}
export interface RateRow {
  organizationId: number
  organizationName: string
  months: RateCell[]
  dueFen: number
  paidFen: number
  rate: number | null
  flagged: number
}
export interface Rates {
  year: number
  rows: RateRow[]
  total: Omit<RateRow, 'organizationId' | 'organizationName'>
}

export interface HandoverRow {
  id: number
  level: HandoverLevel
  organizationId: number
  organizationName: string
  fromMonth: Month
  toMonth: Month
  amountFen: number
  largeFen: number
  handedOn: string
  receiptNo: string | null
  note: string | null
  /** what the ledger says was collected for the period (with 自愿多交 paid then): the handover should match it */
  collectedFen: number
  differenceFen: number
}

export interface ReconRow {
  organizationId: number
  organizationName: string
  dueFen: number
  paidFen: number
  extraFen: number
  largeFen: number
  handedFen: number
  /** 欠交 = due − paid; 未上缴 = paid + extras − handed */
  owingFen: number
  notHandedFen: number
}

export interface Reconciliation {
  year: number
  handovers: HandoverRow[]
  branches: ReconRow[]
  /** the 党委: received from the branches, handed upward, 大额党费 that must go up in full */
  committee: { receivedFen: number; upwardFen: number; largeFen: number; largeUpFen: number; collectedFen: number }
  /** every difference in words, for the clerk to follow up */
  differences: string[]
}

export const duesPrintInput = z.discriminatedUnion('what', [
  /** 党费收缴登记表: one branch, one month */
  z.object({ what: z.literal('register'), organizationId: id('党支部'), month: month('月份'), showBase: z.boolean().default(false) }).strict(),
  /** 党费收缴情况 year report by branch */
  z.object({ what: z.literal('report'), year }).strict(),
  /** 公示 of each member's standard: no base, only the standard */
  z.object({ what: z.literal('notice'), year, organizationId: org, issuer: optionalText('发布单位', 100), periodFrom: z.union([isoDate('公示开始日期'), z.null()]).default(null), periodTo: z.union([isoDate('公示结束日期'), z.null()]).default(null) }).strict(),
  /** a member's own year record */
  z.object({ what: z.literal('record'), memberId: id('党员'), year, showBase: z.boolean().default(false) }).strict(),
])
export type DuesPrintInput = z.input<typeof duesPrintInput>

const ledgerInput = z.object({ year, organizationId: org }).strict()
const standardsInput = z.object({ year, organizationId: org, reveal: z.boolean().default(false) }).strict()
const setBaseInput = z
  .object({
    memberId: id('党员'),
    fromMonth: month('起始月份'),
    category: z.enum(DUES_CATEGORIES, { error: '请选择交纳类别' }),
    baseFen: fen('计算基数').nullable().default(null),
    reducedFen: fen('减免后的月交纳额').nullable().default(null),
    decision: optionalText('支部委员会的决定', 500),
    source: z.enum(BASE_SOURCES, { error: '请选择基数来源' }).default('finance'),
    note: optionalText('备注', 200),
  })
  .strict()
const payInput = z
  .object({
    month: month('所交月份'),
    paidOn: isoDate('交纳日期'),
    method: z.enum(PAY_METHODS, { error: '交纳方式应为现金、转账或代扣' }),
    /** paidFen null = the member's standard for that month (足额) */
    members: z.array(z.object({ memberId: id('党员'), paidFen: fen('实交金额').nullable().default(null) }).strict()).min(1, { message: '请至少选择一名党员' }).max(500),
    note: optionalText('备注', 200),
  })
  .strict()
const extraInput = z.object({ memberId: id('党员'), paidOn: isoDate('交纳日期'), amountFen: fen('金额').min(1, { message: '金额应大于0' }), note: optionalText('说明', 200) }).strict()
const handoverInput = z
  .object({
    level: z.enum(HANDOVER_LEVELS, { error: '请选择上缴层级' }),
    organizationId: id('上缴的党组织'),
    fromMonth: month('起始月份'),
    toMonth: month('截止月份'),
    amountFen: fen('上缴金额'),
    largeFen: fen('其中大额党费').default(0),
    handedOn: isoDate('上缴日期'),
    receiptNo: optionalText('收据编号', 50),
    note: optionalText('备注', 200),
  })
  .strict()
const voidInput = z.object({ id: id('记录'), reason }).strict()
const yearInput = z.object({ year, organizationId: org }).strict()

export const duesContract = {
  'dues.ledger': method<typeof ledgerInput, Ledger>(ledgerInput, 'read'),
  // opening the bases (显示基数) is a look at income: recorded in the audit log, refused to 只读领导
  'dues.standards': method<typeof standardsInput, Standards>(standardsInput, 'read', { writes: true }),
  'dues.setBase': method<typeof setBaseInput, StandardRow>(setBaseInput, 'write'),
  'dues.voidBase': method<typeof voidInput, { voided: true }>(voidInput, 'write'),
  'dues.pay': method<typeof payInput, { marked: number; warnings: string[] }>(payInput, 'write'),
  'dues.voidPayment': method<typeof voidInput, { voided: true }>(voidInput, 'write'),
  'dues.extra': method<typeof extraInput, { id: number; large: boolean }>(extraInput, 'write'),
  'dues.voidExtra': method<typeof voidInput, { voided: true }>(voidInput, 'write'),
  'dues.handover': method<typeof handoverInput, HandoverRow>(handoverInput, 'write'),
  'dues.voidHandover': method<typeof voidInput, { voided: true }>(voidInput, 'write'),
  'dues.reconcile': method<typeof yearInput, Reconciliation>(yearInput, 'read'),
  'dues.rates': method<typeof yearInput, Rates>(yearInput, 'read'),
  // every print and export is recorded (what, for whom; with showBase, that income was shown)
  'dues.print': method<typeof duesPrintInput, PrintDocument>(duesPrintInput, 'read', { writes: true }),
  'dues.export': method<typeof duesPrintInput, FilePayload & { rows: number }>(duesPrintInput, 'read', { writes: true }),
}
