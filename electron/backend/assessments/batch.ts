import type { assessmentsContract, RoundView } from '../../shared/contract/assessments'
import { currentStage, isLocked, returnForRevision, submit, type ReviewState } from '../../shared/rules/review-chain'
import { score, type ScoreSheet } from '../../shared/rules/scoring'
import { AppError, invalid, type FieldIssue } from '../../shared/result'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { getRound, getScheme, listEntries, type EntryRow } from './repository'
import { act, persist, roundFor, transition } from './rounds'

/**
 * 批量评审: a stage reviewer acts on many branches at once with the same rules as the single dialog (the review chain
 * of docs/rules.md §7: each stage scores and passes on, a return needs its reason, the last stage's approval locks).
 * The dispatcher runs a write in one transaction; here every chosen row is checked first, so the batch is all or
 * none and a refusal lists every row that blocks it, by its 序号 in the round (the batch table's first column).
 */
type BatchMethods = Pick<typeof assessmentsContract, 'assessments.batchSubmit' | 'assessments.batchReturn' | 'assessments.batchAdopt'>

/** how many blocking rows the message spells out; the rest are counted */
const LISTED = 10

interface Planned {
  entry: EntryRow
  review: ReviewState
  /** the sheet to keep, when it changes (采用上一环节得分) */
  sheet?: ScoreSheet
}

function plan(ctx: CallContext, roundId: number, stage: string, organizationIds: number[], verb: string, next: (e: EntryRow) => Planned): Planned[] {
  const round = getRound(ctx.db, roundId)
  if (!round.stages.includes(stage)) throw invalid(`本次考评没有“${stage}”环节，请刷新后重试`, 'stage')
  const entries = listEntries(ctx.db, roundId)
  const rowOf = new Map(entries.map((e, i) => [e.organizationId, { e, row: i + 1 }]))
  const planned: Planned[] = []
  const issues: FieldIssue[] = []
  for (const [i, id] of [...new Set(organizationIds)].entries()) {
    const found = rowOf.get(id)
    const blocked = (message: string) => issues.push({ field: `organizationIds.${i}`, message: found ? `第${found.row}行 ${found.e.organizationName}：${message}` : message })
    if (!found) {
      blocked('所选支部不在本次考评中，请刷新后重试')
      continue
    }
    const at = currentStage(found.e.review)
    if (isLocked(found.e.review)) blocked('结果已审定锁定，只能逐个登记更正')
    else if (at !== stage) blocked(`已不在“${stage}”环节（现在：${at}），请刷新后重试`)
    else {
      try {
        planned.push(next(found.e))
      } catch (error) {
        blocked(error instanceof Error ? error.message : String(error))
      }
    }
  }
  if (issues.length) {
    const listed = issues.slice(0, LISTED).map((x) => x.message).join('；')
    const more = issues.length > LISTED ? `；另有 ${issues.length - LISTED} 行` : ''
    throw new AppError('VALIDATION', `有 ${issues.length} 个支部不能${verb}，本次一个也没有办理：${listed}${more}。请处理这些支部或取消勾选后再试`, issues)
  }
  return planned
}

function apply(ctx: CallContext, roundId: number, planned: Planned[]): RoundView {
  for (const p of planned) persist(ctx, roundId, p.entry, { sheet: p.sheet ?? p.entry.sheet, notes: p.entry.notes, review: p.review })
  return roundFor(ctx, roundId)
}

export const batchHandlers: Handlers<BatchMethods> = {
  // each entry is submitted with the sheet it holds: the lower stage's sheet as submitted, or this stage's saved draft
  'assessments.batchSubmit': ({ roundId, stage, organizationIds, comment }, ctx) => {
    const scheme = getScheme(ctx.db, getRound(ctx.db, roundId).scheme_id).scheme
    const last = getRound(ctx.db, roundId).stages.at(-1) === stage
    const planned = plan(ctx, roundId, stage, organizationIds, last ? '审定' : '提交', (e) => {
      // an empty sheet would pass on a score nobody gave (every 得分 indicator counted as 0)
      if (!Object.keys(e.sheet).length) throw new Error('尚未评分，请先点“评分”填写或导入评分表')
      const total = score(scheme, e.sheet).total
      return { entry: e, review: transition(() => submit(e.review, { ...act(ctx, comment), score: total, sheet: e.sheet })) }
    })
    return apply(ctx, roundId, planned)
  },
  'assessments.batchReturn': ({ roundId, stage, organizationIds, reason }, ctx) => {
    if (getRound(ctx.db, roundId).stages[0] === stage) throw invalid(`“${stage}”是第一个环节，没有可以退回的上一环节`, 'stage')
    const planned = plan(ctx, roundId, stage, organizationIds, '退回', (e) => ({ entry: e, review: transition(() => returnForRevision(e.review, act(ctx, reason))) }))
    return apply(ctx, roundId, planned)
  },
  // undoes this stage's changes to a sheet: a draft like saveDraft, the review stays where it is; 佐证说明 stay as written
  'assessments.batchAdopt': ({ roundId, stage, organizationIds }, ctx) => {
    const stages = getRound(ctx.db, roundId).stages
    const at = stages.indexOf(stage)
    if (at === 0) throw invalid(`“${stage}”是第一个环节，没有上一环节的得分可以采用`, 'stage')
    const lower = stages[at - 1]!
    const planned = plan(ctx, roundId, stage, organizationIds, '采用上一环节得分', (e) => {
      const sheet = [...e.review.history].reverse().find((h) => h.stage === lower && h.action !== 'return')?.sheet
      if (!sheet) throw new Error(`“${lower}”没有留下评分表（较早的记录只存了得分），请点“评分”逐项填写`)
      return { entry: e, review: e.review, sheet }
    })
    return apply(ctx, roundId, planned)
  },
}
