/**
 * What migration 0015 used, frozen here so that later changes to the live example scheme
 * (shared/assessment-example.ts, shared/rules/scoring.ts) never change what a shipped migration does to an older database.
 */

/** the part of a stored scheme (assessment_schemes.definition_json) that 0015 reads and writes */
export interface Scheme0015 {
  dimensions: { indicators: { key: string; guide?: string; source?: string }[] }[]
}

/** 评分标准 and auto-filled source the example's 按时足额交纳党费 gained in 0015 (no score changes) */
export const EXAMPLE_DUES_ANNOTATION_0015: { guide: string; source: string } = {
  guide: '应交党费的党员月份中，当月按标准足额交纳的比例 × 分值（补交、不足额、未交不计）',
  source: 'duesPaid',
}
