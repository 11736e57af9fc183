import { z } from 'zod'
import { method } from './define'
import type { FilePayload } from './imports'

/** The annual statistics as of a date (docs/rules.md §6). The CLI's `stats annual --json` prints exactly this. */
export interface AnnualStatistics {
  asOf: string
  total: number
  full: number
  probationary: number
  gender: { 男: number; 女: number }
  minority: number
  education: Record<string, number>
  collegeOrAbove: number
  ageBands: Record<string, number>
  joinPeriods: Record<string, number>
  occupations: Record<string, number>
  admitted: number
  admittedBreakdown: { female: number; minority: number; age35OrUnder: number; collegeOrAbove: number }
  converted: number
  extended: number
  /** 出党 this year by its way (shared/leaving.ts: 开除党籍、除名、自行脱党、劝退、退党) — never 死亡 */
  left: Record<string, number>
  /** 党员减少 this year by reason: 死亡 (第一表 死亡栏), 出党, 取消预备党员资格, 组织关系转出 */
  reductions: Record<string, number>
  transferredIn: number
  transferredOut: number
  applicants: number
  activists: number
  candidates: number
  organizations: Record<string, number>
}

export interface StatisticsCheck {
  level: 'error' | 'warning'
  message: string
  members: { id: number; name: string; detail: string }[]
}

export interface Reconciliation {
  lastYearTotal: number
  added: { id: number; name: string; reason: string }[]
  removed: { id: number; name: string; reason: string }[]
  thisYearTotal: number
  balanced: boolean
}

const yearInput = z.object({ year: z.number({ error: '请填写年度' }).int().min(1950).max(2200), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null) }).strict()
const drillInput = z.object({ year: z.number().int().min(1950).max(2200), key: z.string().min(1).max(60) }).strict()

export const statisticsContract = {
  'stats.annual': method<typeof yearInput, AnnualStatistics>(yearInput, 'read'),
  /** the members behind one number, e.g. key "ageBands.31-35岁" or "gender.女" */
  'stats.drill': method<typeof drillInput, { id: number; name: string; organizationName: string | null }[]>(drillInput, 'read'),
  'stats.checks': method<typeof yearInput, { reconciliation: Reconciliation; checks: StatisticsCheck[] }>(yearInput, 'read'),
  'stats.workbook': method<typeof yearInput, FilePayload>(yearInput, 'read', { writes: true }),
}
