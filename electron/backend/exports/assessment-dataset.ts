import type { ExportScope } from '../../shared/contract/exports'
import { AppError } from '../../shared/result'
import type { CallContext } from '../context'
import { roundView } from '../assessments/rounds'
import { descendantIds } from '../organizations/repository'
import { col, SERIAL, type Dataset } from './dataset'

function roundOf(ctx: CallContext, scope: ExportScope): number {
  const id = scope.roundId ?? (ctx.db.prepare('SELECT id FROM assessment_rounds ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined)
  if (!id) throw new AppError('VALIDATION', '还没有考评轮次，无可导出的考评结果')
  return id
}

const STARS = ['未定星', '一星', '二星', '三星', '四星', '五星']

/**
 * 考评结果 of one round (the chosen one, else the latest): rank, score, stars with the reason, where each entry
 * stands in the review chain, and the dimension scores — what the committee reports upward or posts.
 */
export const assessmentResults: Dataset = {
  title: '考评结果',
  landscape: true,
  columns: [
    SERIAL,
    col('rank', '名次', ['排名'], { width: 6 }),
    col('organization', '党组织', ['党支部', '支部名称'], { width: 28 }),
    col('score', '得分', ['总分', '考评得分'], { width: 8 }),
    col('stars', '星级', ['评定星级', '星级评定'], { width: 8 }),
    col('reason', '评定依据', ['说明'], { width: 30 }),
    col('stage', '审核环节', ['状态'], { width: 14 }),
    col('dimensions', '各维度得分', ['分项得分'], { width: 50 }),
  ],
  describe(ctx, scope) {
    const round = roundView(ctx, roundOf(ctx, scope))
    return `考评：${round.name}（${round.period}）`
  },
  rows(ctx, _ids, scope) {
    const round = roundView(ctx, roundOf(ctx, scope))
    const rated = new Map(round.ratings.map((r) => [r.id, r]))
    // the chosen 党组织 and its branches only (a 支部书记's export is narrowed to their branch); 名次 stays the
    // rank within the whole round
    const within = scope.organizationId === null ? null : new Set(descendantIds(ctx.db, scope.organizationId))
    return round.entries
      .filter((e) => !within || within.has(e.organizationId))
      .sort((a, b) => (rated.get(a.organizationId)?.rank ?? Infinity) - (rated.get(b.organizationId)?.rank ?? Infinity))
      .map((e) => {
        const r = rated.get(e.organizationId)
        return {
          rank: r?.rank ?? null,
          organization: e.organizationName,
          score: e.score,
          stars: r ? STARS[r.stars] : '未评分',
          reason: r?.reason ?? '',
          stage: e.approved ? '已审定' : `待${e.stage}`,
          // a draft's dimension scores are not results yet: shown once the entry has a score, like 得分
          dimensions: e.score === null ? '' : e.result.byDimension.map((d) => `${d.name} ${d.score}`).join('；'),
        }
      })
  },
}
