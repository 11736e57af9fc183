import { oneOf } from '../flags'
import type { CliCommand } from '../types'

export const seedCommand: CliCommand = {
  usage: 'seed --scale small|large|city [--seed N] [--json]   在空数据库中生成演示/测试数据',
  options: { scale: 'string', seed: 'string' },
  async run({ call, flags, io }) {
    const scale = oneOf(flags, 'scale', ['small', 'large', 'city'] as const) ?? 'small'
    const started = Date.now()
    const summary = await call('demo.seed', { scale, ...(flags.seed ? { seed: Number(flags.seed) } : {}) })
    if (flags.json) return io.out(JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000 }))
    io.out(`已生成（${scale}）：党组织 ${summary.organizations} 个（支部 ${summary.branches} 个），人员 ${summary.members} 名，会议 ${summary.meetings} 次，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
  },
}
