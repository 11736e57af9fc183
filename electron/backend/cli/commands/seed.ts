import type { SeedSummary } from '../../../shared/contract/demo'
import { CliError } from '../output'
import type { CliCommand } from '../types'

export const seedCommand: CliCommand = {
  usage: 'seed --scale small|large|city [--seed N] [--json]   在空数据库中生成演示/测试数据',
  options: { scale: 'string', seed: 'string' },
  async run({ call, flags, io }) {
    const scale = String(flags.scale ?? 'small')
    if (!['small', 'large', 'city'].includes(scale)) throw new CliError('--scale 应为 small、large 或 city', 2)
    const started = Date.now()
    const summary = (await call('demo.seed', { scale, ...(flags.seed ? { seed: Number(flags.seed) } : {}) })) as SeedSummary
    if (flags.json) return io.out(JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000 }))
    io.out(`已生成（${scale}）：党组织 ${summary.organizations} 个（支部 ${summary.branches} 个），人员 ${summary.members} 名，会议 ${summary.meetings} 次，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
  },
}
