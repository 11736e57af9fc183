/**
 * 应到 / 实到 of a meeting. A meeting with an attendance list counts its list (列席 and 不计应到 left out); one
 * without (a ledger imported with counts only) keeps the numbers typed in. The list, the ledger export and the
 * print all read it so, or a meeting would show 9 of 10 on one screen and blanks in the ledger.
 */
export const HEADCOUNT_SQL = `
  (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status NOT IN ('observer','excluded')) AS listed,
  (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present') AS present_listed`

export interface Headcount {
  expected: number | null
  present: number | null
  /** whether the meeting has an attendance list (then 请假 and 缺席 are counted from it too) */
  listed: boolean
}

/** From a row that selected HEADCOUNT_SQL and the meeting's expected_count and present_count. */
export function headcountOf(r: Record<string, unknown>): Headcount {
  const listed = Number(r.listed ?? 0)
  if (listed > 0) return { expected: listed, present: Number(r.present_listed ?? 0), listed: true }
  return { expected: (r.expected_count as number | null) ?? null, present: (r.present_count as number | null) ?? null, listed: false }
}
