import type { assessmentsContract, RoundView, SchemeRow } from '../../shared/contract/assessments'
import { amend, finalScore, isLocked, rate, returnForRevision, score, startReview, submit, type ReviewState, type Scheme } from '../../shared/rules/assessment'
import { AppError, invalid, notFound } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'

interface SchemeDbRow {
  id: number
  name: string
  year: number
  definition_json: string
  is_example: number
}

const schemeOf = (r: SchemeDbRow): SchemeRow => ({ id: r.id, name: r.name, year: r.year, isExample: r.is_example === 1, scheme: JSON.parse(r.definition_json) as Scheme })

/** The round with every entry scored by the rules and the ranking with stars (provisional until approved). */
function roundView(ctx: CallContext, id: number): RoundView {
  const r = ctx.db.prepare('SELECT * FROM assessment_rounds WHERE id = ?').get(id) as { id: number; scheme_id: number; name: string; period: string; stages_json: string; rating_json: string } | undefined
  if (!r) throw notFound('该考评')
  const scheme = schemeOf(ctx.db.prepare('SELECT * FROM assessment_schemes WHERE id = ?').get(r.scheme_id) as SchemeDbRow)
  const entries = (
    ctx.db
      .prepare('SELECT e.*, o.name AS org_name FROM assessment_entries e JOIN organizations o ON o.id = e.organization_id WHERE e.round_id = ? ORDER BY o.sort_order, o.id')
      .all(id) as { organization_id: number; org_name: string; sheet_json: string; review_json: string }[]
  ).map((e) => {
    const review = JSON.parse(e.review_json) as ReviewState
    const sheet = JSON.parse(e.sheet_json) as Record<string, number>
    const latest = [...review.history].reverse().find((h) => h.score !== null)?.score ?? null
    return { organizationId: e.organization_id, organizationName: e.org_name, sheet, result: score(scheme.scheme, sheet), review, stage: isLocked(review) ? '已审定' : review.stages[review.at]!, score: finalScore(review) ?? latest }
  })
  const rating = JSON.parse(r.rating_json) as RoundView['rating']
  const scored = entries.filter((e) => e.score !== null)
  const names = new Map(entries.map((e) => [e.organizationId, e]))
  const ratings = rate(scored.map((e) => ({ id: e.organizationId, score: e.score! })), rating).map((x) => ({ ...x, organizationName: names.get(x.id)!.organizationName, approved: isLocked(names.get(x.id)!.review) }))
  return { id: r.id, name: r.name, period: r.period, scheme, stages: JSON.parse(r.stages_json) as string[], rating, entries, ratings }
}

function entry(ctx: CallContext, roundId: number, organizationId: number): { review: ReviewState; scheme: Scheme } {
  const row = ctx.db.prepare('SELECT e.review_json, s.definition_json FROM assessment_entries e JOIN assessment_rounds r ON r.id = e.round_id JOIN assessment_schemes s ON s.id = r.scheme_id WHERE e.round_id = ? AND e.organization_id = ?').get(roundId, organizationId) as { review_json: string; definition_json: string } | undefined
  if (!row) throw notFound('该支部的考评记录')
  return { review: JSON.parse(row.review_json) as ReviewState, scheme: JSON.parse(row.definition_json) as Scheme }
}

/** Stage transitions come from the pure rules; their Error messages are already Chinese sentences for the clerk. */
function transition<T>(f: () => T): T {
  try {
    return f()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw invalid(error instanceof Error ? error.message : String(error))
  }
}

function save(ctx: CallContext, roundId: number, organizationId: number, review: ReviewState, sheet?: Record<string, number>): RoundView {
  const before = ctx.db.prepare('SELECT sheet_json, review_json FROM assessment_entries WHERE round_id = ? AND organization_id = ?').get(roundId, organizationId)
  if (sheet) ctx.db.prepare('UPDATE assessment_entries SET sheet_json = ?, review_json = ? WHERE round_id = ? AND organization_id = ?').run(JSON.stringify(sheet), JSON.stringify(review), roundId, organizationId)
  else ctx.db.prepare('UPDATE assessment_entries SET review_json = ? WHERE round_id = ? AND organization_id = ?').run(JSON.stringify(review), roundId, organizationId)
  recordAudit(ctx, { entity: 'assessment', entityId: roundId, before, after: { organizationId, sheet, last: review.history.at(-1) } })
  return roundView(ctx, roundId)
}

const who = (ctx: CallContext) => ctx.session.user?.displayName ?? ctx.user

export const assessmentsHandlers: Handlers<typeof assessmentsContract> = {
  'assessments.schemes': (_i, ctx) => (ctx.db.prepare('SELECT * FROM assessment_schemes ORDER BY id').all() as SchemeDbRow[]).map(schemeOf),
  'assessments.rounds': (_i, ctx) =>
    (ctx.db.prepare('SELECT r.id, r.name, r.period, (SELECT count(*) FROM assessment_entries e WHERE e.round_id = r.id) AS entries FROM assessment_rounds r ORDER BY r.id DESC').all() as { id: number; name: string; period: string; entries: number }[]).map((r) => ({
      ...r,
      approved: roundView(ctx, r.id).entries.filter((e) => isLocked(e.review)).length,
    })),
  'assessments.createRound': (input, ctx) => {
    if (!ctx.db.prepare('SELECT 1 FROM assessment_schemes WHERE id = ?').get(input.schemeId)) throw invalid('所选指标体系不存在')
    const id = Number(ctx.db.prepare('INSERT INTO assessment_rounds (scheme_id, name, period, stages_json, rating_json, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(input.schemeId, input.name, input.period, JSON.stringify(input.stages), JSON.stringify(input.rating), ctx.now().toISOString()).lastInsertRowid)
    const insert = ctx.db.prepare('INSERT INTO assessment_entries (round_id, organization_id, review_json) VALUES (?, ?, ?)')
    for (const org of new Set(input.organizationIds)) insert.run(id, org, JSON.stringify(startReview(input.stages)))
    recordAudit(ctx, { entity: 'assessment', entityId: id, before: null, after: input })
    return roundView(ctx, id)
  },
  'assessments.round': ({ id }, ctx) => roundView(ctx, id),
  // each stage scores the sheet and passes it on; the last stage's submission approves and locks
  'assessments.submit': ({ roundId, organizationId, sheet, comment }, ctx) => {
    const { review, scheme } = entry(ctx, roundId, organizationId)
    const total = score(scheme, sheet).total
    return save(ctx, roundId, organizationId, transition(() => submit(review, who(ctx), ctx.now().toISOString(), total, comment)), sheet)
  },
  'assessments.return': ({ roundId, organizationId, reason }, ctx) => {
    const { review } = entry(ctx, roundId, organizationId)
    return save(ctx, roundId, organizationId, transition(() => returnForRevision(review, who(ctx), ctx.now().toISOString(), reason)))
  },
  'assessments.amend': ({ roundId, organizationId, sheet, reason }, ctx) => {
    const { review, scheme } = entry(ctx, roundId, organizationId)
    return save(ctx, roundId, organizationId, transition(() => amend(review, who(ctx), ctx.now().toISOString(), score(scheme, sheet).total, reason)), sheet)
  },
}
