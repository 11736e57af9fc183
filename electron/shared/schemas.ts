import { z } from 'zod'
import { cleanLine, cleanText } from './clean-text'
import { addYears, formatChineseDate, isIsoDate, todayLocal, type IsoDate } from './dates'

/**
 * Plausible dates by kind (1800-01-01 and 9999-12-31 were accepted as founding and meeting dates):
 *   party  everything in the life of a party organization or a member's party life — founding, terms, meetings,
 *          joining, transfers, assessments: not before the Party was founded (1921-07-01), and at most a year
 *          ahead (a meeting is entered beforehand to print its sign-in sheet; a later date is a typo);
 *   birth  not before 1900 (the ID number's own limit, rules/id-number.ts) and not after today;
 *   work   参加工作日期: from 1900, at most a year ahead;
 *   plan   a time limit set today for work ahead (督办事项的时限): from the founding, at most five years
 *          ahead (a 重大项目 runs for years; a later date is a typo).
 * The domain rules still judge the order of the dates (e.g. rules/membership.ts: no step later than today).
 */
export type DateKind = 'party' | 'birth' | 'work' | 'plan'
const EARLIEST: Record<DateKind, IsoDate> = { party: '1921-07-01', birth: '1900-01-01', work: '1900-01-01', plan: '1921-07-01' }
const YEARS_AHEAD: Record<DateKind, number> = { party: 1, birth: 0, work: 1, plan: 5 }

export function dateBounds(kind: DateKind, today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: EARLIEST[kind], to: addYears(today, YEARS_AHEAD[kind]) }
}

/** Why a (valid) date is implausible for its kind, naming the allowed range; null when it is fine. */
export function dateBoundProblem(label: string, kind: DateKind, date: IsoDate, today: IsoDate): string | null {
  const { from, to } = dateBounds(kind, today)
  if (date >= from && date <= to) return null
  const start = kind === 'party' ? `${formatChineseDate(from)}（建党）` : formatChineseDate(from)
  const end = kind === 'birth' ? `今天（${formatChineseDate(to)}）` : `${formatChineseDate(to)}（${kind === 'plan' ? '五年' : '一年'}以内）`
  return `${label}${date}不在${start}至${end}之间，请核对年份`
}

/**
 * Building blocks for input schemas, each with a message that tells the clerk what to fix. Dates are judged
 * against the machine's calendar when the input is read (the same day the backend's clock gives, but for tests).
 */
export const isoDate = (label: string, kind: DateKind = 'party') =>
  z.string({ error: `请填写${label}` }).superRefine((date, issue) => {
    const problem = isIsoDate(date) ? dateBoundProblem(label, kind, date, todayLocal()) : `${label}不是有效日期，请按“年-月-日”填写，例如 2024-03-05`
    if (problem) issue.addIssue({ code: 'custom', message: problem })
  })

export const optionalIsoDate = (label: string, kind: DateKind = 'party') =>
  z.union([isoDate(label, kind), z.null()]).optional().transform((v) => v ?? null)

export const id = (label: string) => z.number({ error: `缺少${label}` }).int().positive({ message: `请选择${label}` })

/**
 * Texts longer than this are the multi-line boxes (minutes, agenda, reasons): they keep their line breaks.
 * Shorter ones — names, titles, places — are one line: a pasted line break or tab becomes a space.
 */
const ONE_LINE_MAX = 200
/** Every text field goes through here: invisible and control characters are removed (clean-text.ts), then trimmed. */
const tidy = (max: number) => (s: string) => (max > ONE_LINE_MAX ? cleanText(s) : cleanLine(s)).trim()

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .transform(tidy(max))
    .pipe(z.string().min(1, { message: `请填写${label}` }).max(max, { message: `${label}不能超过${max}个字` }))

export const optionalText = (label: string, max = 2000) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((s) => (s == null ? null : tidy(max)(s) || null))
    .pipe(z.union([z.string().max(max, { message: `${label}不能超过${max}个字` }), z.null()]))

export const empty = z.object({}).strict()

// Default messages for anything our own schemas do not word themselves (unknown keys, wrong types).
z.config(z.locales.zhCN())
