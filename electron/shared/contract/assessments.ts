import { z } from 'zod'
import type { Rated, ReviewState, Scheme, ScoreResult } from '../rules/assessment'
import { id, requiredText } from '../schemas'
import { method } from './define'

export interface SchemeRow {
  id: number
  name: string
  year: number
  isExample: boolean
  scheme: Scheme
}

export interface RoundEntry {
  organizationId: number
  organizationName: string
  sheet: Record<string, number>
  result: ScoreResult
  review: ReviewState
  /** the stage that acts next, or 已审定 */
  stage: string
  /** the score in force: approved/amended, else the latest submitted */
  score: number | null
}

export interface RoundView {
  id: number
  name: string
  period: string
  scheme: SchemeRow
  stages: string[]
  rating: { bands?: { min: number; stars: number }[]; quotas?: { share: number; stars: number }[] }
  entries: RoundEntry[]
  /** ranking and stars over the entries that have a score (provisional until every entry is approved) */
  ratings: (Rated & { organizationName: string; approved: boolean })[]
}

const band = z.object({ min: z.number().min(0).max(200), stars: z.number().int().min(0).max(5) }).strict()
const quota = z.object({ share: z.number().gt(0).max(1), stars: z.number().int().min(0).max(5) }).strict()
const createRound = z
  .object({
    schemeId: id('指标体系'),
    name: requiredText('考评名称', 100),
    period: requiredText('考评期间', 30),
    organizationIds: z.array(id('党组织')).min(1, { message: '请至少选择一个支部' }).max(1000),
    stages: z.array(requiredText('评审环节', 30)).min(1, { message: '至少一个评审环节' }).max(8),
    rating: z.object({ bands: z.array(band).max(10).optional(), quotas: z.array(quota).max(10).optional() }).strict(),
  })
  .strict()
const entryRef = { roundId: id('考评'), organizationId: id('党组织') }
const submitInput = z.object({ ...entryRef, sheet: z.record(z.string().max(40), z.number().min(-1000).max(1000)), comment: z.string().max(1000).default('') }).strict()
const returnInput = z.object({ ...entryRef, reason: requiredText('退回原因', 500) }).strict()
const amendInput = z.object({ ...entryRef, sheet: z.record(z.string().max(40), z.number().min(-1000).max(1000)), reason: requiredText('更正原因', 500) }).strict()
const byId = z.object({ id: id('考评') }).strict()
const emptyInput = z.object({}).strict()

export const assessmentsContract = {
  'assessments.schemes': method<typeof emptyInput, SchemeRow[]>(emptyInput, 'read'),
  'assessments.rounds': method<typeof emptyInput, { id: number; name: string; period: string; entries: number; approved: number }[]>(emptyInput, 'read'),
  'assessments.createRound': method<typeof createRound, RoundView>(createRound, 'write'),
  'assessments.round': method<typeof byId, RoundView>(byId, 'read'),
  'assessments.submit': method<typeof submitInput, RoundView>(submitInput, 'write'),
  'assessments.return': method<typeof returnInput, RoundView>(returnInput, 'write'),
  'assessments.amend': method<typeof amendInput, RoundView>(amendInput, 'write'),
}
