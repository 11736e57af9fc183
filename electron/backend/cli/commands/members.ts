import { formatBirthMonth } from '../../../shared/birth-month'
import { MEMBER_EVENT_LABELS, MEMBER_STATUSES, STAGES, STAGE_LABELS, statusLabel, type MemberRow, type MemberStatus, type Stage } from '../../../shared/members'
import { AGE_BANDS, EDUCATION_GROUPS } from '../../../shared/rules/statistics'
import { oneOf, required, text } from '../flags'
import { CliError, table } from '../output'
import type { CliCommand, CliRun } from '../types'

const stageByLabel = new Map<string, Stage>(STAGES.flatMap((s) => [[s, s] as [string, Stage], [STAGE_LABELS[s], s] as [string, Stage]]))

async function orgId(run: CliRun, nameOrId: string | undefined): Promise<number | null> {
  if (!nameOrId) return null
  const orgs = await run.call('orgs.list', { includeDissolved: true })
  const found = orgs.find((o) => o.name === nameOrId || String(o.id) === nameOrId)
  if (!found) throw new CliError(`找不到党组织“${nameOrId}”`)
  return found.id
}

/** --status: the roster views of the 党员名册 screen */
const STATUS_VIEWS: Record<string, { statuses: MemberStatus[]; flag?: 'mobile' | 'lost' }> = {
  在册: { statuses: ['normal', 'suspended'] },
  停止党籍: { statuses: ['suspended'] },
  流动: { statuses: ['normal', 'suspended'], flag: 'mobile' },
  失联: { statuses: ['normal', 'suspended'], flag: 'lost' },
  历史: { statuses: ['left', 'transferred_out'] },
}

/** `members list --json` prints every matching member (no paging), filters as flags. */
export const membersList: CliCommand = {
  usage:
    'members list [--org 支部] [--stage 正式党员] [--gender 男|女] [--age 31-35岁] [--education 大学本科] [--dual-leader] [--status 停止党籍|流动|失联|历史] [--q 姓名] [--all] [--json]   列出人员',
  options: { org: 'string', stage: 'string', gender: 'string', age: 'string', education: 'string', 'dual-leader': 'boolean', status: 'string', q: 'string', all: 'boolean' },
  async run(run) {
    const { flags, io } = run
    const stages = (text(flags, 'stage') ?? '').split(/[,，、]/).filter(Boolean).map((s) => stageByLabel.get(s))
    if (stages.some((s) => !s)) throw new CliError(`--stage 应为：${STAGES.map((s) => STAGE_LABELS[s]).join('、')}`, 2)
    const gender = oneOf(flags, 'gender', ['男', '女'] as const)
    const ageBand = oneOf(flags, 'age', AGE_BANDS)
    const educationGroup = oneOf(flags, 'education', EDUCATION_GROUPS)
    const status = STATUS_VIEWS[text(flags, 'status') ?? '在册']
    if (!status) throw new CliError(`--status 应为：${Object.keys(STATUS_VIEWS).join('、')}`, 2)
    const filters = {
      organizationId: await orgId(run, text(flags, 'org')),
      stages: stages.filter((s): s is Stage => s !== undefined),
      gender: gender ?? null,
      ageBand: ageBand ?? null,
      educationGroup: educationGroup ?? null,
      dualLeader: flags['dual-leader'] ? true : null,
      q: text(flags, 'q') ?? '',
      ...status,
      ...(flags.all ? { statuses: [...MEMBER_STATUSES] } : {}),
    }
    const rows: MemberRow[] = []
    for (let page = 1; ; page++) {
      const r = await run.call('members.list', { ...filters, page, pageSize: 200 })
      rows.push(...r.rows)
      if (rows.length >= r.total || r.rows.length === 0) break
    }
    if (flags.json) return io.out(JSON.stringify(rows, null, 2))
    io.out(table(['编号', '姓名', '性别', '类别', '所在支部', '入党日期', '状态'], rows.map((r) => [String(r.id), r.name, r.gender, STAGE_LABELS[r.stage], r.organizationName ?? '', r.joinedOn ?? '', statusLabel(r)])))
    io.out(`共 ${rows.length} 人`)
  },
}

export const membersShow: CliCommand = {
  usage: 'members show <编号> [--json]                  查看档案与时间线',
  async run({ call, positionals, flags, io }) {
    const id = Number(positionals[0])
    if (!Number.isInteger(id) || id <= 0) throw new CliError('请给出人员编号：members show <编号>', 2)
    const d = await call('members.get', { id })
    if (flags.json) return io.out(JSON.stringify(d, null, 2))
    const m = d.member
    io.out(`${m.name}（${m.gender}，${STAGE_LABELS[m.stage]}，${statusLabel(m)}）  ${m.organizationName ?? ''}`)
    io.out(`身份证号 ${m.idNumber ?? '—'}  出生 ${m.birthDate ?? formatBirthMonth(d.birthMonth)}  入党 ${m.joinedOn ?? '—'}  转正 ${m.convertedOn ?? '—'}  党龄 ${d.partyAge ?? '—'}`)
    for (const w of d.due) io.out(`待办：${w.what}（${w.overdue ? '已于' : '应于'}${w.dueOn}${w.overdue ? '到期' : '前'}）`)
    for (const e of d.events) io.out(`  ${e.occurredOn}  ${MEMBER_EVENT_LABELS[e.type] ?? e.type}${e.otherOrganization ? `（${e.otherOrganization}）` : ''}${e.letterNo ? `，介绍信 ${e.letterNo}` : ''}${e.documentNo ? `，${e.documentNo}` : ''}${e.reason ? `：${e.reason}` : ''}`)
  },
}

export const membersAdd: CliCommand = {
  usage: 'members add --org 支部 --name 姓名 [--id-number 身份证号] [--gender 男|女] [--applied 日期 | --joined 日期 [--converted 日期]] [--ethnicity 汉族] [--education 大学本科] [--title 主治医师] [--department 科室] [--phone 电话] [--json]',
  options: { org: 'string', name: 'string', 'id-number': 'string', gender: 'string', applied: 'string', joined: 'string', converted: 'string', department: 'string', phone: 'string', ethnicity: 'string', education: 'string', title: 'string' },
  async run(run) {
    const { flags, io } = run
    const organizationId = await orgId(run, text(flags, 'org'))
    if (!organizationId) throw new CliError('请用 --org 指定所在党支部', 2)
    const d = await run.call('members.create', {
      organizationId,
      fields: {
        name: required(flags, 'name', '姓名'),
        idNumber: text(flags, 'id-number') ?? null,
        gender: oneOf(flags, 'gender', ['男', '女'] as const) ?? null,
        appliedOn: text(flags, 'applied') ?? null,
        joinedOn: text(flags, 'joined') ?? null,
        convertedOn: text(flags, 'converted') ?? null,
        department: text(flags, 'department') ?? null,
        phone: text(flags, 'phone') ?? null,
        ethnicity: text(flags, 'ethnicity') ?? null,
        education: text(flags, 'education') ?? null,
        title: text(flags, 'title') ?? null,
      },
    })
    if (flags.json) return io.out(JSON.stringify(d, null, 2))
    io.out(`已建档：${d.member.name}（编号 ${d.member.id}，${STAGE_LABELS[d.member.stage]}）`)
    for (const w of d.warnings) io.out(`提示：${w.message}`)
  },
}
