import type { assessmentsContract, RoundEntry, RoundView } from '../../shared/contract/assessments'
import { isBranchType } from '../../shared/organizations'
import { describeRules, rate } from '../../shared/rules/ratings'
import { amend, currentStage, finalScore, isLocked, latestScore, returnForRevision, stageScores, startReview, submit, type ReviewState } from '../../shared/rules/review-chain'
import { score, type ScoreSheet } from '../../shared/rules/scoring'
import { AppError, invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { findOrganization } from '../organizations/repository'
import { autoValues } from './auto'
import { evidenceOf, getEntry, getRound, getScheme, listEntries, saveEntry, type EntryRow } from './repository'
import { scopedRound } from './round-scope'

/** The round with every entry scored by the rules, and the ranking with stars (provisional until approved). */
export function roundView(ctx: CallContext, id: number): RoundView {
  const r = getRound(ctx.db, id)
  const scheme = getScheme(ctx.db, r.scheme_id)
  const evidence = evidenceOf(ctx.db, id)
  const entries: RoundEntry[] = listEntries(ctx.db, id).map((e) => ({
    ...e,
    evidence: evidence.get(e.organizationId) ?? [],
    result: score(scheme.scheme, e.sheet),
    stage: currentStage(e.review),
    score: finalScore(e.review) ?? latestScore(e.review),
    approved: isLocked(e.review),
    stageScores: stageScores(e.review),
  }))
  const byOrg = new Map(entries.map((e) => [e.organizationId, e]))
  const ratings = rate(
    entries.filter((e) => e.score !== null).map((e) => ({ id: e.organizationId, score: e.score! })),
    r.rating,
  ).map((x) => ({ ...x, organizationName: byOrg.get(x.id)!.organizationName, approved: byOrg.get(x.id)!.approved }))
  return { id: r.id, name: r.name, period: r.period, periodFrom: r.period_from, periodTo: r.period_to, scheme, stages: r.stages, rating: r.rating, ratingText: describeRules(r.rating), entries, ratings }
}

/** The round as returned to the caller: a 支部书记 sees other branches only as published (round-scope.ts). */
export const roundFor = (ctx: CallContext, id: number): RoundView => scopedRound(ctx, roundView(ctx, id))

/** Stage transitions come from the pure rules; their Error messages are already Chinese sentences for the clerk. */
export function transition(f: () => ReviewState): ReviewState {
  try {
    return f()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw invalid(error instanceof Error ? error.message : String(error))
  }
}

/** Keys the scheme does not know are refused, so a typo never silently scores nothing. */
function checkSheet(ctx: CallContext, roundId: number, sheet: ScoreSheet, notes: Record<string, string>): void {
  const keys = new Set(getScheme(ctx.db, getRound(ctx.db, roundId).scheme_id).scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.key)))
  const unknown = [...Object.keys(sheet), ...Object.keys(notes)].filter((k) => !keys.has(k))
  if (unknown.length) throw invalid(`指标体系中没有这些指标编号：${[...new Set(unknown)].join('、')}`)
}

function write(ctx: CallContext, roundId: number, before: EntryRow, after: { sheet: ScoreSheet; notes: Record<string, string>; review: ReviewState }): RoundView {
  persist(ctx, roundId, before, after)
  return roundFor(ctx, roundId)
}

export function persist(ctx: CallContext, roundId: number, before: EntryRow, after: { sheet: ScoreSheet; notes: Record<string, string>; review: ReviewState }): void {
  saveEntry(ctx.db, roundId, before.organizationId, after)
  recordAudit(ctx, {
    entity: 'assessment',
    entityId: roundId,
    before: { organizationId: before.organizationId, sheet: before.sheet, notes: before.notes, stage: currentStage(before.review) },
    after: { organizationId: before.organizationId, sheet: after.sheet, notes: after.notes, stage: currentStage(after.review), last: after.review.history.at(-1) ?? null },
  })
}

const who = (ctx: CallContext) => ctx.session.user?.displayName ?? ctx.user
export const act = (ctx: CallContext, comment: string) => ({ by: who(ctx), at: ctx.now().toISOString(), comment })

type RoundMethods = Pick<typeof assessmentsContract, 'assessments.rounds' | 'assessments.createRound' | 'assessments.round' | 'assessments.auto' | 'assessments.fillAuto' | 'assessments.saveDraft' | 'assessments.submit' | 'assessments.return' | 'assessments.amend'>

export const roundHandlers: Handlers<RoundMethods> = {
  'assessments.rounds': (_i, ctx) =>
    ctx.db
      .prepare(
        `SELECT r.id, r.name, r.period, s.name AS schemeName, count(e.id) AS entries, coalesce(sum(e.approved), 0) AS approved
         FROM assessment_rounds r JOIN assessment_schemes s ON s.id = r.scheme_id LEFT JOIN assessment_entries e ON e.round_id = r.id
         GROUP BY r.id ORDER BY r.id DESC`,
      )
      .all() as { id: number; name: string; period: string; schemeName: string; entries: number; approved: number }[],
  'assessments.createRound': (input, ctx) => {
    const scheme = getScheme(ctx.db, input.schemeId)
    if (scheme.archived) throw invalid('所选指标体系已停用，请选择其他指标体系或先恢复启用')
    const review = transition(() => startReview(input.stages))
    for (const orgId of input.organizationIds) {
      const org = findOrganization(ctx.db, orgId)
      if (!org) throw invalid('所选党组织不存在')
      if (!isBranchType(org.type)) throw invalid(`“${org.name}”不是党支部，考评按支部进行`)
    }
    const id = Number(
      ctx.db
        .prepare('INSERT INTO assessment_rounds (scheme_id, name, period, period_from, period_to, stages_json, rating_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.schemeId, input.name, input.period, input.periodFrom, input.periodTo, JSON.stringify(input.stages), JSON.stringify(input.rating), ctx.now().toISOString()).lastInsertRowid,
    )
    const insert = ctx.db.prepare('INSERT INTO assessment_entries (round_id, organization_id, review_json) VALUES (?, ?, ?)')
    for (const org of new Set(input.organizationIds)) insert.run(id, org, JSON.stringify(review))
    recordAudit(ctx, { entity: 'assessment', entityId: id, before: null, after: input })
    return roundFor(ctx, id)
  },
  'assessments.round': ({ id }, ctx) => roundFor(ctx, id),
  'assessments.auto': ({ roundId, organizationId }, ctx) => {
    const r = getRound(ctx.db, roundId)
    getEntry(ctx.db, roundId, organizationId)
    return autoValues(ctx, getScheme(ctx.db, r.scheme_id).scheme, [organizationId], r.period_from, r.period_to).get(organizationId) ?? []
  },
  'assessments.fillAuto': ({ roundId }, ctx) => {
    const r = getRound(ctx.db, roundId)
    const open = listEntries(ctx.db, roundId).filter((e) => e.review.at === 0)
    if (!open.length) throw invalid('没有停留在第一个环节的支部：自动取数只填入尚未提交的自评表')
    const values = autoValues(ctx, getScheme(ctx.db, r.scheme_id).scheme, open.map((e) => e.organizationId), r.period_from, r.period_to)
    if (![...values.values()].some((v) => v.length)) throw invalid('该指标体系没有自动取数的指标')
    for (const e of open) {
      const sheet = { ...e.sheet }
      const notes = { ...e.notes }
      for (const v of values.get(e.organizationId) ?? []) {
        if (!v.available || v.points === null) continue
        sheet[v.key] = v.points
        notes[v.key] = `自动取数：${v.computation}`
      }
      persist(ctx, roundId, e, { sheet, notes, review: e.review })
    }
    return roundFor(ctx, roundId)
  },
  'assessments.saveDraft': ({ roundId, organizationId, sheet, notes }, ctx) => {
    checkSheet(ctx, roundId, sheet, notes)
    const e = getEntry(ctx.db, roundId, organizationId)
    if (isLocked(e.review)) throw invalid('结果已审定锁定，只能登记更正（更正会留痕）')
    return write(ctx, roundId, e, { sheet, notes, review: e.review })
  },
  // each stage scores the sheet and passes it on; the last stage's submission approves and locks
  'assessments.submit': ({ roundId, organizationId, sheet, notes, comment }, ctx) => {
    checkSheet(ctx, roundId, sheet, notes)
    const e = getEntry(ctx.db, roundId, organizationId)
    const total = score(getScheme(ctx.db, getRound(ctx.db, roundId).scheme_id).scheme, sheet).total
    return write(ctx, roundId, e, { sheet, notes, review: transition(() => submit(e.review, { ...act(ctx, comment), score: total, sheet })) })
  },
  'assessments.return': ({ roundId, organizationId, reason }, ctx) => {
    const e = getEntry(ctx.db, roundId, organizationId)
    return write(ctx, roundId, e, { sheet: e.sheet, notes: e.notes, review: transition(() => returnForRevision(e.review, act(ctx, reason))) })
  },
  'assessments.amend': ({ roundId, organizationId, sheet, notes, reason }, ctx) => {
    checkSheet(ctx, roundId, sheet, notes)
    const e = getEntry(ctx.db, roundId, organizationId)
    const total = score(getScheme(ctx.db, getRound(ctx.db, roundId).scheme_id).scheme, sheet).total
    return write(ctx, roundId, e, { sheet, notes, review: transition(() => amend(e.review, { ...act(ctx, reason), score: total, sheet })) })
  },
}
