import { CliError } from '../output'
import type { CliCommand } from '../types'

/** `stats annual --year YYYY --json`: one object with the exact keys the issue names, and more. */
export const statsAnnual: CliCommand = {
  usage: 'stats annual --year YYYY [--json]            党内统计年报（12月31日时点）',
  options: { year: 'string' },
  async run({ call, flags, io }) {
    const year = Number(flags.year)
    if (!Number.isInteger(year)) throw new CliError('请用 --year 指定年度，例如 --year 2025', 2)
    const s = await call('stats.annual', { year })
    if (flags.json) return io.out(JSON.stringify(s, null, 2))
    io.out(`党内统计（统计时点 ${s.asOf}）`)
    io.out(`党员 ${s.total} 名：正式 ${s.full}，预备 ${s.probationary}；男 ${s.gender.男}，女 ${s.gender.女}；少数民族 ${s.minority}`)
    io.out(`学历：${Object.entries(s.education).map(([k, v]) => `${k} ${v}`).join('，')}`)
    io.out(`年龄：${Object.entries(s.ageBands).map(([k, v]) => `${k} ${v}`).join('，')}`)
    io.out(`入党时间：${Object.entries(s.joinPeriods).map(([k, v]) => `${k} ${v}`).join('，')}`)
    io.out(`本年发展 ${s.admitted}，转正 ${s.converted}，转入 ${s.transferredIn}，转出 ${s.transferredOut}；年底入党申请人 ${s.applicants}，积极分子 ${s.activists}，发展对象 ${s.candidates}`)
  },
}
