import { z } from 'zod'
import { invalid } from '../../../shared/result'
import { roundView } from '../../assessments/rounds'
import type { CallContext } from '../../context'
import type { Built, KindSpec } from './kind'

/**
 * 考评结果 (docs/exchange.md §5.2): a round as it stands — each branch's score, dimension scores, bonus, stage,
 * rank, stars and the reason for them, the stages it went through with their scores and comments, and the list
 * of evidence files (names and sizes; the files stay at the hospital). Branches are named, and identified across
 * packages by `<installationId>/org/<id>` (unique to the sending installation, never reused there).
 */
const text = (max: number) => z.string().max(max)
const score = z.number().finite().nullable()

export const assessmentPart = z
  .object({
    round: z
      .object({
        ref: text(40),
        name: text(100),
        period: text(30),
        periodFrom: text(10).nullable(),
        periodTo: text(10).nullable(),
        stages: z.array(text(30)).max(8),
        ratingText: text(500),
        scheme: z.object({ name: text(100), year: z.number().int(), version: z.number().int(), dimensions: z.array(z.object({ name: text(100), points: z.number() }).strict()).max(30) }).strict(),
      })
      .strict(),
    entries: z
      .array(
        z
          .object({
            organizationUid: text(80),
            organizationName: text(200),
            stage: text(30),
            approved: z.boolean(),
            score,
            bonus: z.number().finite(),
            dimensions: z.array(z.object({ name: text(100), score: z.number().finite(), points: z.number().finite() }).strict()).max(30),
            rank: z.number().int().nullable(),
            stars: z.number().int().min(0).max(5).nullable(),
            reason: text(1000).nullable(),
            stages: z.array(z.object({ stage: text(30), score, comment: text(1000), at: text(40) }).strict()).max(50),
            evidence: z.array(z.object({ key: text(40), fileName: text(200), size: z.number().int().min(0) }).strict()).max(1000),
          })
          .strict(),
      )
      .max(2000),
  })
  .strict()

export function buildAssessment(ctx: CallContext, roundId: number, installationId: string): Built {
  const exists = ctx.db.prepare('SELECT 1 FROM assessment_rounds WHERE id = ?').get(roundId)
  if (!exists) throw invalid(`没有编号为 ${roundId} 的考评，请在“考核评价”中查看考评编号`, 'roundId')
  const r = roundView(ctx, roundId)
  const rated = new Map(r.ratings.map((x) => [x.id, x]))
  const entries = r.entries.map((e) => {
    const x = rated.get(e.organizationId)
    return {
      organizationUid: `${installationId}/org/${e.organizationId}`,
      organizationName: e.organizationName,
      stage: e.stage,
      approved: e.approved,
      score: e.score,
      bonus: e.result.bonus,
      dimensions: e.result.byDimension.map((d) => ({ name: d.name, score: d.score, points: d.points })),
      rank: x?.rank ?? null,
      stars: x?.stars ?? null,
      reason: x?.reason ?? null,
      // who acted is an account name of the hospital's office: it stays there (docs/exchange.md §5.2)
      stages: e.stageScores.map((s) => ({ stage: s.stage, score: s.score, comment: s.comment, at: s.at })),
      evidence: e.evidence.map((f) => ({ key: f.key, fileName: f.fileName, size: f.size })),
    }
  })
  return {
    period: r.period,
    subject: `round-${r.id}`,
    counts: { entries: entries.length, approved: entries.filter((e) => e.approved).length },
    parts: [
      {
        name: 'assessment.json',
        json: {
          round: {
            ref: `round-${r.id}`,
            name: r.name,
            period: r.period,
            periodFrom: r.periodFrom,
            periodTo: r.periodTo,
            stages: r.stages,
            ratingText: r.ratingText,
            scheme: { name: r.scheme.name, year: r.scheme.year, version: r.scheme.version, dimensions: r.scheme.scheme.dimensions.map((d) => ({ name: d.name, points: d.points })) },
          },
          entries,
        },
      },
    ],
  }
}

export const assessmentKind: KindSpec = { kind: 'assessment-results', parts: { 'assessment.json': assessmentPart }, receipted: true }
