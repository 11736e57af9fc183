import { isIsoDate } from '../../../shared/dates'
import { CLI_TODO_KINDS } from '../../../shared/todo'
import { required, text } from '../flags'
import { organizationNamed } from '../org-named'
import { CliError, table } from '../output'
import type { CliCommand } from '../types'

/**
 * `todo --as-of YYYY-MM-DD [--org 名称] --json`: the deadline engine's list, overdue first then due
 * soonest, as `{ kind, organization, person?, subject, due, overdue, rule }` (docs/deadlines.md). The output's
 * `kind` is one of eight fixed words (CLI_TODO_KINDS): 发展对象 and 政治生日 (§12, §13) are on the 工作台 only.
 */
export const todoCommand: CliCommand = {
  usage: 'todo --as-of YYYY-MM-DD [--org 名称] [--json]            待办事项（逾期在前，再按到期日；发展对象、政治生日只在工作台列出）',
  options: { 'as-of': 'string', org: 'string' },
  async run({ call, flags, io }) {
    const asOf = required(flags, 'as-of', '日期，例如 --as-of 2025-06-30')
    if (!isIsoDate(asOf)) throw new CliError(`--as-of 不是有效日期：${asOf}（应写成 2025-06-30）`, 2)
    const org = text(flags, 'org')
    const organizationId = org === undefined ? null : await organizationNamed(call, org)
    const items = await call('todo.list', { asOf, organizationId })
    const out = items.filter((i) => CLI_TODO_KINDS.includes(i.kind)).map((i) => ({ kind: i.kind, organization: i.organization, ...(i.person === undefined ? {} : { person: i.person }), subject: i.subject, due: i.due, overdue: i.overdue, rule: i.rule }))
    if (flags.json) return io.out(JSON.stringify(out, null, 2))
    io.out(table(['类别', '党组织', '人员', '事项', '到期日', '情况'], out.map((i) => [i.kind, i.organization, i.person ?? '', i.subject, i.due, i.overdue ? '逾期' : '到期'])))
    io.out(`共 ${out.length} 项，逾期 ${out.filter((i) => i.overdue).length} 项`)
  },
}
