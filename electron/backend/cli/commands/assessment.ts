import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { CliError, table } from '../output'
import type { CliCommand } from '../types'

const roundOf = (flags: Record<string, string | boolean | undefined>): number => {
  const id = Number(flags.round)
  if (!flags.round || !Number.isInteger(id) || id <= 0) throw new CliError('请用 --round 指定考评编号（见考核评价页面，或 assessment results 的输出）', 2)
  return id
}

/** `assessment results --round <id> --json`: every branch's score, stage, rank and stars. */
export const assessmentResults: CliCommand = {
  usage: 'assessment results --round 编号 [--json]   考评结果（分数、名次、星级）',
  options: { round: 'string' },
  async run({ call, flags, io }) {
    const r = await call('assessments.round', { id: roundOf(flags) })
    const rows = r.entries.map((e) => {
      const rated = r.ratings.find((x) => x.id === e.organizationId)
      return { organization: e.organizationName, score: e.score, stage: e.stage, rank: rated?.rank ?? null, stars: rated?.stars ?? null, approved: e.approved }
    })
    if (flags.json) return io.out(JSON.stringify(rows, null, 2))
    io.out(`${r.name}（${r.period}；${r.ratingText}）`)
    io.out(table(['党组织', '得分', '环节', '名次', '星级'], rows.map((x) => [x.organization, String(x.score ?? '—'), x.stage, String(x.rank ?? '—'), x.stars === null ? '—' : '★'.repeat(x.stars) || '无'])))
  },
}

/**
 * `import scores <file> --round <id>`: scores from a spreadsheet land as drafts at each branch's current
 * stage. JSON: {"updated","skipped","errors":[{"row","column","message"}]}. Exit 0 when the file was processed,
 * even with row errors (they are listed); non-zero when it could not be read.
 */
export const importScoresCommand: CliCommand = {
  usage: 'import scores <文件> --round 编号 [--dry-run] [--json]   导入考评评分表',
  options: { round: 'string', 'dry-run': 'boolean' },
  async run({ call, flags, positionals, io }) {
    const path = positionals[0]
    if (!path) throw new CliError('请指定要导入的评分表：import scores <文件> --round 编号', 2)
    const roundId = roundOf(flags)
    let content: Buffer
    try {
      content = readFileSync(path)
    } catch {
      throw new CliError(`无法读取文件：${path}`)
    }
    const dryRun = !!flags['dry-run']
    const r = await call('assessments.importScores', { roundId, fileName: basename(path), contentBase64: content.toString('base64'), dryRun })
    if (flags.json) return io.out(JSON.stringify(r))
    io.out(`${dryRun ? '试导入（未写入）' : '导入完成'}：更新 ${r.updated} 个支部，无变化 ${r.skipped} 个，错误 ${r.errors.length} 处（分数作为各支部当前环节的草稿，尚未提交）`)
    for (const e of r.errors) io.out(`  第 ${e.row} 行【${e.column}】${e.message}`)
  },
}
