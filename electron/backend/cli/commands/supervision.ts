import { SUPERVISION_LEVELS, SUPERVISION_LEVEL_LABELS, SUPERVISION_SOURCES, SUPERVISION_SOURCE_LABELS, SUPERVISION_STATUS_LABELS } from '../../../shared/supervision'
import { oneOf, required, text } from '../flags'
import { organizationNamed } from '../org-named'
import { CliError, table } from '../output'
import type { CliCommand } from '../types'

/** `supervision list [--overdue] [--as-of] --json`: the 督办台账, overdue first. */
export const supervisionList: CliCommand = {
  usage: 'supervision list [--overdue] [--as-of YYYY-MM-DD] [--json]    督办台账（逾期在前）',
  options: { overdue: 'boolean', 'as-of': 'string' },
  async run({ call, flags, io }) {
    const rows = await call('supervision.list', { overdue: flags.overdue === true, asOf: text(flags, 'as-of') ?? null })
    if (flags.json) return io.out(JSON.stringify(rows, null, 2))
    io.out(table(['编号', '督办事项', '来源', '牵头部门', '时限', '状态'], rows.map((r) => [String(r.id), r.title, r.sourceText, r.leadDepartment, r.dueOn, r.overdue ? '逾期' : SUPERVISION_STATUS_LABELS[r.status]])))
    io.out(`共 ${rows.length} 项，逾期 ${rows.filter((r) => r.overdue).length} 项`)
  },
}

/**
 * `supervision add`: 立项 from a meeting's decision (--meeting 编号 --resolution 第几条), a 上级交办 document
 * (--document 文件号) or a leader's instruction (--by 领导); the checks are the backend's (docs/deadlines.md §6).
 */
export const supervisionAdd: CliCommand = {
  usage: 'supervision add --source 会议决议|上级交办|领导交办 --lead 牵头科室 --assigned YYYY-MM-DD --due YYYY-MM-DD [--title 事项] [--org 党组织] [--meeting 编号 --resolution 第几条] [--document 文件号] [--by 交办领导] [--co 科室1,科室2] [--responsible 责任人] [--level 一般|重点|特急] [--major] [--json]',
  options: { source: 'string', title: 'string', org: 'string', meeting: 'string', resolution: 'string', document: 'string', by: 'string', lead: 'string', co: 'string', responsible: 'string', level: 'string', assigned: 'string', due: 'string', major: 'boolean' },
  async run({ call, flags, io }) {
    const source = oneOf(flags, 'source', SUPERVISION_SOURCES, SUPERVISION_SOURCE_LABELS)
    if (!source) throw new CliError(`请用 --source 指定事项来源（${SUPERVISION_SOURCES.map((s) => SUPERVISION_SOURCE_LABELS[s]).join('、')}）`, 2)
    const org = text(flags, 'org')
    const number = (name: string) => {
      const v = text(flags, name)
      if (v === undefined) return null
      if (!/^[1-9]\d*$/.test(v)) throw new CliError(`--${name} 应为正整数`, 2)
      return Number(v)
    }
    const item = await call('supervision.create', {
      source,
      meetingId: number('meeting'),
      resolutionSeq: number('resolution'),
      documentNo: text(flags, 'document') ?? null,
      instructedBy: text(flags, 'by') ?? null,
      title: text(flags, 'title') ?? null,
      organizationId: org === undefined ? null : await organizationNamed(call, org),
      major: flags.major === true,
      leadDepartment: required(flags, 'lead', '牵头部门（科室名称）'),
      coDepartments: (text(flags, 'co') ?? '').split(/[,，、]/).filter(Boolean),
      responsible: text(flags, 'responsible') ?? null,
      level: oneOf(flags, 'level', SUPERVISION_LEVELS, SUPERVISION_LEVEL_LABELS) ?? 'normal',
      assignedOn: required(flags, 'assigned', '立项日期'),
      dueOn: required(flags, 'due', '办理时限'),
    })
    if (flags.json) return io.out(JSON.stringify(item, null, 2))
    io.out(`已立项：${item.title}（编号 ${item.id}，${item.sourceText}，牵头部门 ${item.leadDepartment}，时限 ${item.dueOn}）`)
  },
}
