import { parseIso, type IsoDate } from './dates'

/**
 * 出生年月 (birth year and month) — what screens, lists, exports and prints show of a birth date wherever the
 * ID number is masked. The masked ID keeps its first 6 and last 4 characters; the 8 it hides
 * are exactly the birth date. Shown beside an exact birth date, the mask undoes itself. With the year and month
 * only, the day stays open: 28–31 days, of which the check character (the last visible one) still leaves at least
 * 2 and at most 4 (rules/id-number.ts, weights 10 and 5 on the two day digits) — the ID cannot be rebuilt, only
 * guessed. The exact date is shown with the ID itself: on the audited reveal, in an export that includes
 * sensitive columns, and on the command line.
 *
 * Ages follow the same rule: counted from the birth month, a birthday is reached on the first of that month,
 * so an age that turns over on a given day does not tell the day either.
 */
export type BirthMonth = string

/** "1985-10" of "1985-10-16" (null stays null). */
export const birthMonthOf = (birthDate: IsoDate | null): BirthMonth | null => (birthDate ? birthDate.slice(0, 7) : null)

/** Full years on a date, the birthday counted as reached on the first of the birth month (按出生年月计算的周岁). */
export function ageByMonth(birthMonth: BirthMonth, on: IsoDate): number {
  const today = parseIso(on)!
  const [y, m] = birthMonth.split('-').map(Number) as [number, number]
  return today.y - y - (today.m < m ? 1 : 0)
}

/** "1985年10月" for the screens; "—" when unknown. */
export const formatBirthMonth = (birthMonth: BirthMonth | null): string => {
  if (!birthMonth) return '—'
  const [y, m] = birthMonth.split('-').map(Number)
  return `${y}年${m}月`
}

const BIRTH_KEYS = new Set(['birthDate', 'birth_date'])

/**
 * A record's before/after image (the audit log) with every birth date cut to its month: for anyone who sees the
 * ID number masked there, as on the screens.
 */
export function birthDatesToMonths(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(birthDatesToMonths)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, BIRTH_KEYS.has(k) && typeof v === 'string' ? birthMonthOf(v) : birthDatesToMonths(v)]))
  }
  return value
}
