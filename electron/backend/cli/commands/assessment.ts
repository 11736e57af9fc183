import type { RoundView } from '../../../shared/contract/assessments'
import { CliError, table } from '../output'
import type { CliCommand } from '../types'

/** `assessment results --round <id> --json` (issue 7): every branch's score, stage, rank and stars. */
export const assessmentResults: CliCommand = {
  usage: 'assessment results --round 编号 [--json]   考评结果（分数、名次、星级）',
  options: { round: 'string' },
  async run({ call, flags, io }) {
    if (!flags.round) throw new CliError('请用 --round 指定考评编号', 2)
    const r = (await call('assessments.round', { id: Number(flags.round) })) as RoundView
    const rows = r.entries.map((e) => {
      const rated = r.ratings.find((x) => x.id === e.organizationId)
      return { organization: e.organizationName, score: e.score, stage: e.stage, rank: rated?.rank ?? null, stars: rated?.stars ?? null, approved: e.stage === '已审定' }
    })
    if (flags.json) return io.out(JSON.stringify(rows, null, 2))
    io.out(`${r.name}（${r.period}）`)
    io.out(table(['党组织', '得分', '环节', '名次', '星级'], rows.map((x) => [x.organization, String(x.score ?? '—'), x.stage, String(x.rank ?? '—'), x.stars === null ? '—' : '★'.repeat(x.stars) || '无'])))
  },
}
