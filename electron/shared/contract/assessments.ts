import { z } from 'zod'
import type { Rated, RatingRules } from '../rules/ratings'
import type { ReviewState } from '../rules/review-chain'
import type { Scheme, SchemeProblem, ScoreResult } from '../rules/scoring'
import { AUTO_SOURCES } from '../rules/scoring'
import { id, isoDate, requiredText } from '../schemas'
import { method } from './define'
import type { FilePayload } from './imports'

export interface SchemeRow {
  id: number
  name: string
  year: number
  version: number
  isExample: boolean
  /** the shipped example or a copy of one (its based-on chain reaches it): a 公示 must not name it (docs/notice-rules.md) */
  fromExample: boolean
  archived: boolean
  /** rounds that use it: a scheme in use is never edited (its results must stay what they were) */
  usedBy: number
  /** the higher committee it was received from (docs/exchange.md §5.8); null for the hospital's own */
  fromUnit: string | null
  scheme: Scheme
}

/** An auto-filled indicator: the number our records give, the points it earns and how it was computed. */
export interface AutoValue {
  key: string
  /** false when the source area is not built in this database: the screen says “数据来源尚未建成” */
  available: boolean
  points: number | null
  computation: string
}

export interface RoundEntry {
  organizationId: number
  organizationName: string
  sheet: Record<string, number>
  /** evidence notes per indicator key (佐证说明) */
  notes: Record<string, string>
  result: ScoreResult
  review: ReviewState
  /** the stage that acts next, or 已审定 */
  stage: string
  /** the score in force: approved/amended, else the latest submitted */
  score: number | null
  approved: boolean
  stageScores: { stage: string; score: number | null; comment: string; by: string; at: string }[]
  /** 佐证材料 files, per indicator key */
  evidence: EvidenceFile[]
  /**
   * Another branch's entry as a 支部书记 sees it: only its stage and, once approved, its score — never its sheet,
   * notes, evidence or review history (those fields come empty).
   */
  withheld?: true
}

export interface EvidenceFile {
  id: number
  key: string
  fileName: string
  size: number
  createdAt: string
  by: string
}

export interface RoundSummary {
  id: number
  name: string
  period: string
  schemeName: string
  entries: number
  approved: number
}

export interface RoundView {
  id: number
  name: string
  period: string
  periodFrom: string | null
  periodTo: string | null
  scheme: SchemeRow
  stages: string[]
  rating: RatingRules
  /** the rules in one sentence (screen and 公示) */
  ratingText: string
  entries: RoundEntry[]
  /** ranking and stars over the entries that have a score (provisional until every entry is approved) */
  ratings: (Rated & { organizationName: string; approved: boolean })[]
}

export interface ScoresImportResult {
  updated: number
  skipped: number
  errors: { row: number; column: string; message: string }[]
}

const indicatorInput = z
  .object({
    key: requiredText('指标编号', 40),
    name: requiredText('指标名称', 200),
    kind: z.enum(['points', 'deduction', 'bonus'], { error: '指标类型应为 得分、扣分 或 加分' }),
    max: z.number().gt(0, { message: '分值上限应大于 0' }).max(1000),
    unit: z.number().gt(0).max(1000).optional(),
    guide: z.string().max(1000).optional(),
    source: z.enum(Object.keys(AUTO_SOURCES) as [keyof typeof AUTO_SOURCES], { error: '不支持的自动取数来源' }).optional(),
    target: z.number().gt(0).max(10000).optional(),
  })
  .strict()
export const schemeInput = z
  .object({
    name: requiredText('指标体系名称', 100),
    year: z.number().int().min(2000).max(2200),
    bonusMax: z.number().min(0).max(1000).optional(),
    dimensions: z
      .array(z.object({ name: requiredText('维度名称', 100), points: z.number().gt(0, { message: '维度分值应大于 0' }).max(1000), indicators: z.array(indicatorInput).min(1, { message: '每个维度至少一个指标' }).max(100) }).strict())
      .min(1, { message: '至少一个考核维度' })
      .max(30),
  })
  .strict()

const band = z.object({ min: z.number().min(0).max(200), stars: z.number().int().min(0).max(5) }).strict()
const quota = z.object({ share: z.number().gt(0).max(1), stars: z.number().int().min(0).max(5) }).strict()
export const ratingInput = z
  .object({ bands: z.array(band).max(10).optional(), quotas: z.array(quota).max(10).optional(), rounding: z.enum(['floor', 'round', 'ceil']).optional(), ties: z.enum(['admit', 'exclude']).optional() })
  .strict()
  .refine((r) => (r.quotas ?? []).reduce((s, q) => s + q.share, 0) <= 1 + 1e-9, { message: '各星级名额比例合计不能超过 100%' })
const createRound = z
  .object({
    schemeId: id('指标体系'),
    name: requiredText('考评名称', 100),
    period: requiredText('考评期间', 30),
    periodFrom: isoDate('考评期间开始日期'),
    periodTo: isoDate('考评期间结束日期'),
    organizationIds: z.array(id('党组织')).min(1, { message: '请至少选择一个支部' }).max(1000),
    stages: z.array(requiredText('评审环节', 30)).min(1, { message: '至少一个评审环节' }).max(8),
    rating: ratingInput,
  })
  .strict()
  .refine((r) => r.periodFrom <= r.periodTo, { message: '考评期间的结束日期不能早于开始日期' })
const sheet = z.record(z.string().max(40), z.number().min(-1000).max(1000))
const notes = z.record(z.string().max(40), z.string().max(2000)).default({})
const entryRef = { roundId: id('考评'), organizationId: id('党组织') }
const draftInput = z.object({ ...entryRef, sheet, notes }).strict()
const submitInput = z.object({ ...entryRef, sheet, notes, comment: z.string().max(1000).default('') }).strict()
const returnInput = z.object({ ...entryRef, reason: requiredText('退回原因', 500) }).strict()
const amendInput = z.object({ ...entryRef, sheet, notes, reason: requiredText('更正原因', 500) }).strict()
const entryInput = z.object(entryRef).strict()
/** 批量评审: the chosen rows of one stage, named so a row that moved on meanwhile is refused rather than acted on twice */
const batchRef = {
  roundId: id('考评'),
  stage: requiredText('评审环节', 30),
  organizationIds: z.array(id('党组织')).min(1, { message: '请先勾选要办理的支部' }).max(1000),
}
const batchSubmitInput = z.object({ ...batchRef, comment: z.string().max(1000).default('') }).strict()
const batchReturnInput = z.object({ ...batchRef, reason: requiredText('退回原因', 500) }).strict()
const batchAdoptInput = z.object(batchRef).strict()
const roundId = z.object({ roundId: id('考评') }).strict()
const byId = z.object({ id: id('记录') }).strict()
const emptyInput = z.object({}).strict()
const file = { fileName: z.string().min(1).max(260), contentBase64: z.string().min(1, { message: '文件是空的' }).max(42_000_000, { message: '文件超过 30 MB' }) }
const saveScheme = z.object({ id: z.number().int().positive().nullable(), scheme: schemeInput }).strict()
const copyScheme = z.object({ id: id('指标体系'), year: z.number().int().min(2000).max(2200) }).strict()
const archiveScheme = z.object({ id: id('指标体系'), archived: z.boolean() }).strict()
const importScheme = z.object(file).strict()
const attachInput = z
  .object({ ...entryRef, key: requiredText('指标编号', 40), fileName: requiredText('文件名', 200), contentBase64: z.string().min(1, { message: '文件是空的' }).max(28_000_000, { message: '单个佐证材料不能超过 20 MB' }) })
  .strict()
const importScores = z.object({ ...file, roundId: id('考评'), dryRun: z.boolean().default(false) }).strict()

export const assessmentsContract = {
  'assessments.schemes': method<typeof emptyInput, SchemeRow[]>(emptyInput, 'read'),
  /** creates (id null) or edits a scheme no round uses yet; errors refuse, warnings come back with the row */
  'assessments.saveScheme': method<typeof saveScheme, { row: SchemeRow; problems: SchemeProblem[] }>(saveScheme, 'write'),
  /** a new version for the given year (the same year → next version number) */
  'assessments.copyScheme': method<typeof copyScheme, SchemeRow>(copyScheme, 'write'),
  'assessments.archiveScheme': method<typeof archiveScheme, SchemeRow>(archiveScheme, 'write'),
  'assessments.exportScheme': method<typeof byId, FilePayload>(byId, 'read'),
  'assessments.importScheme': method<typeof importScheme, { row: SchemeRow; problems: SchemeProblem[] }>(importScheme, 'write'),
  'assessments.rounds': method<typeof emptyInput, RoundSummary[]>(emptyInput, 'read'),
  'assessments.createRound': method<typeof createRound, RoundView>(createRound, 'write'),
  'assessments.round': method<typeof byId, RoundView>(byId, 'read'),
  /** what our records give for the auto-filled indicators of one entry, with the computation */
  'assessments.auto': method<typeof entryInput, AutoValue[]>(entryInput, 'read'),
  /** fills the auto indicators of every entry still at its first stage (a draft; nothing is submitted) */
  'assessments.fillAuto': method<typeof roundId, RoundView>(roundId, 'write'),
  'assessments.saveDraft': method<typeof draftInput, RoundView>(draftInput, 'write'),
  'assessments.submit': method<typeof submitInput, RoundView>(submitInput, 'write'),
  'assessments.return': method<typeof returnInput, RoundView>(returnInput, 'write'),
  'assessments.amend': method<typeof amendInput, RoundView>(amendInput, 'write'),
  /**
   * 批量评审: submits (at the last stage: approves) each chosen entry with the sheet it holds — the lower stage's
   * sheet unless this stage changed it — all or none; the refusal names every row that blocks it
   */
  'assessments.batchSubmit': method<typeof batchSubmitInput, RoundView>(batchSubmitInput, 'write'),
  /** 批量退回: sends each chosen entry back to the stage before, with one reason, all or none */
  'assessments.batchReturn': method<typeof batchReturnInput, RoundView>(batchReturnInput, 'write'),
  /** 采用上一环节得分: each chosen entry's sheet becomes again the one the stage before submitted (a draft; nothing is submitted) */
  'assessments.batchAdopt': method<typeof batchAdoptInput, RoundView>(batchAdoptInput, 'write'),
  /** a workbook with one row per branch and one column per indicator, to fill in and import */
  'assessments.scoreTemplate': method<typeof roundId, FilePayload>(roundId, 'read'),
  'assessments.importScores': method<typeof importScores, ScoresImportResult>(importScores, 'write'),
  /** 佐证材料: a file behind one indicator of one entry (until the result is approved) */
  'assessments.attach': method<typeof attachInput, RoundView>(attachInput, 'write'),
  'assessments.evidence': method<typeof byId, { fileName: string; mime: string; contentBase64: string }>(byId, 'read'),
}
