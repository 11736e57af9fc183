import { z } from 'zod'
import type { Manifest } from '../../../shared/exchange'
import { currentStage, returnForRevision, submit } from '../../../shared/rules/review-chain'
import { invalid } from '../../../shared/result'
import { getRound, listEntries, saveEntry } from '../../assessments/repository'
import { recordAudit } from '../../audit'
import type { CallContext } from '../../context'
import type { OpenedPackage } from '../package-file'
import { findPackage, ownIdentity } from '../repository'
import type { Built, KindSpec } from './kind'

/**
 * 审核决定 (docs/exchange.md §5.5): the higher committee's stage of a hospital's 考评 round — 审核通过 with its score,
 * or 退回 with the reason — answering a 考评结果 package it received. At the hospital it lands as that stage of the
 * round, for each branch it names, through the same review chain as a stage acted on in the window.
 */
export const decisionPart = z
  .object({
    answers: z.object({ packageId: z.string().regex(/^[0-9a-f-]{36}$/), fileSha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    round: z.object({ ref: z.string().max(40), name: z.string().max(100) }).strict(),
    stage: z.string().min(1).max(30),
    decisions: z
      .array(
        z
          .object({
            organizationUid: z.string().max(80),
            organizationName: z.string().max(200),
            result: z.enum(['approved', 'returned']),
            score: z.number().finite().min(0).max(1000).nullable(),
            comment: z.string().max(1000),
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict()
export type Decision = z.infer<typeof decisionPart>

export interface ReceivedResults {
  manifest: Manifest
  fileSha256: string
  entries: { organizationUid: string; organizationName: string; stage: string; score: number | null }[]
}

/** The decision on a received 考评结果: every branch approved at its score, except those returned with a reason. */
export function buildDecision(results: ReceivedResults, round: { ref: string; name: string }, stage: string, returned: ReadonlyMap<string, string>, comment: string): Built {
  const decisions = results.entries.map((e) => {
    const reason = returned.get(e.organizationUid)
    return { organizationUid: e.organizationUid, organizationName: e.organizationName, result: reason === undefined ? ('approved' as const) : ('returned' as const), score: reason === undefined ? e.score : null, comment: reason ?? comment }
  })
  const part: Decision = { answers: { packageId: results.manifest.packageId, fileSha256: results.fileSha256 }, round, stage, decisions }
  return {
    period: results.manifest.period,
    subject: `decision-${round.ref}`,
    counts: { approved: decisions.filter((d) => d.result === 'approved').length, returned: decisions.filter((d) => d.result === 'returned').length },
    parts: [{ name: 'decision.json', json: part }],
  }
}

interface Target {
  roundId: number
  entries: { organizationId: number; decision: Decision['decisions'][number] }[]
}

/** Which round and entries the decision lands on, or why it cannot land (checked before anything is written). */
function target(ctx: CallContext, opened: OpenedPackage): Target | string {
  const d = opened.parts.get('decision.json') as Decision
  const sent = findPackage(ctx.db, 'sent', d.answers.packageId)
  if (!sent || sent.kind !== 'assessment-results') return `这份审核决定答复的考评结果（编号 ${d.answers.packageId}）不是本单位发出的，无法登记`
  if (sent.to_code !== opened.manifest.sender.unitCode) return `这份审核决定来自“${opened.manifest.sender.unitName}”，但那份考评结果是发给“${sent.to_name ?? '—'}”的，无法登记`
  if (sent.file_sha256 !== d.answers.fileSha256) return '审核决定所答复的文件与本单位发出的考评结果不同（SHA-256 不符），无法登记'
  const roundId = Number(/^round-(\d+)$/.exec(sent.subject)?.[1])
  if (!roundId || !ctx.db.prepare('SELECT 1 FROM assessment_rounds WHERE id = ?').get(roundId)) return '审核决定所指的考评在本单位已不存在，无法登记'
  const round = getRound(ctx.db, roundId)
  if (!round.stages.includes(d.stage)) return `本单位的考评“${round.name}”没有“${d.stage}”这一评审环节（现有：${round.stages.join(' → ')}），无法登记审核决定`
  const own = ownIdentity(ctx.db).installationId
  const byId = new Map(listEntries(ctx.db, roundId).map((e) => [e.organizationId, e]))
  const entries: Target['entries'] = []
  for (const decision of d.decisions) {
    const m = new RegExp(`^${own}/org/(\\d+)$`).exec(decision.organizationUid)
    const entry = m ? byId.get(Number(m[1])) : undefined
    if (!entry) return `审核决定中的“${decision.organizationName}”不在本单位的考评“${round.name}”中，无法登记`
    const at = currentStage(entry.review)
    if (at !== d.stage) return `“${entry.organizationName}”当前的评审环节是“${at}”，不是“${d.stage}”，这份审核决定已过时或次序不对，未做任何修改`
    if (decision.result === 'approved' && decision.score === null) return `审核决定对“${decision.organizationName}”审核通过却没有分数，无法登记`
    if (decision.result === 'returned' && !decision.comment.trim()) return `审核决定退回“${decision.organizationName}”却没有写明原因，无法登记`
    entries.push({ organizationId: entry.organizationId, decision })
  }
  return { roundId, entries }
}

/** Each branch's entry moves on (审核通过: the stage's score and comment) or back (退回: the reason), audited one by one. */
function applyDecision(ctx: CallContext, opened: OpenedPackage): void {
  const t = target(ctx, opened)
  if (typeof t === 'string') throw invalid(t)
  const by = opened.manifest.sender.unitName
  const at = opened.manifest.createdAt
  const entries = new Map(listEntries(ctx.db, t.roundId).map((e) => [e.organizationId, e]))
  for (const { organizationId, decision } of t.entries) {
    const e = entries.get(organizationId)!
    const review = decision.result === 'approved' ? submit(e.review, { by, at, comment: decision.comment, score: decision.score!, sheet: e.sheet }) : returnForRevision(e.review, { by, at, comment: decision.comment })
    saveEntry(ctx.db, t.roundId, organizationId, { sheet: e.sheet, notes: e.notes, review })
    recordAudit(ctx, {
      entity: 'assessment',
      entityId: t.roundId,
      before: { organizationId, stage: currentStage(e.review) },
      after: { organizationId, stage: currentStage(review), last: review.history.at(-1) ?? null, package: opened.manifest.packageId },
    })
  }
}

export const decisionKind: KindSpec = {
  kind: 'review-decision',
  parts: { 'decision.json': decisionPart },
  problem: (ctx, opened) => {
    const t = target(ctx, opened)
    return typeof t === 'string' ? t : null
  },
  apply: applyDecision,
  receipted: true,
}
