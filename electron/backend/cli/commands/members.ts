import { formatBirthMonth } from '../../../shared/birth-month'
import type { MemberDetail } from '../../../shared/contract/members'
import { MEMBER_EVENT_LABELS, STAGES, STAGE_LABELS, statusLabel, type MemberRow, type Stage } from '../../../shared/members'
import { AGE_BANDS, EDUCATION_GROUPS } from '../../../shared/rules/statistics'
import type { OrgSummary } from '../../../shared/organizations'
import { CliError, table } from '../output'
import type { CliCommand, CliRun } from '../types'

const stageByLabel = new Map<string, Stage>(STAGES.flatMap((s) => [[s, s] as [string, Stage], [STAGE_LABELS[s], s] as [string, Stage]]))

async function orgId(run: CliRun, nameOrId: string | boolean | undefined): Promise<number | null> {
  if (!nameOrId) return null
  const orgs = (await run.call('orgs.list', { includeDissolved: true })) as OrgSummary[]
  const found = orgs.find((o) => o.name === String(nameOrId) || String(o.id) === String(nameOrId))
  if (!found) throw new CliError(`找不到党组织“${String(nameOrId)}”`)
  return found.id
}

/** --status: the roster views of the 党员名册 screen */
const STATUS_VIEWS: Record<string, { statuses: string[]; flag?: 'mobile' | 'lost' }> = {
  在册: { statuses: ['normal', 'suspended'] },
  停止党籍: { statuses: ['suspended'] },
  流动: { statuses: ['normal', 'suspended'], flag: 'mobile' },
  失联: { statuses: ['normal', 'suspended'], flag: 'lost' },
  历史: { statuses: ['left', 'transferred_out'] },
}

/** `members list --json` prints every matching member (no paging), filters as flags (issue 3). */
export const membersList: CliCommand = {
  usage:
    'members list [--org 支部] [--stage 正式党员] [--gender 男|女] [--age 31-35岁] [--education 大学本科] [--dual-leader] [--status 停止党籍|流动|失联|历史] [--q 姓名] [--all] [--json]   列出人员',
  options: { org: 'string', stage: 'string', gender: 'string', age: 'string', education: 'string', 'dual-leader': 'boolean', status: 'string', q: 'string', all: 'boolean' },
  async run(run) {
    const { flags, io } = run
    const stages = flags.stage ? String(flags.stage).split(/[,，、]/).map((s) => stageByLabel.get(s)) : []
    if (stages.some((s) => !s)) throw new CliError(`--stage 应为：${STAGES.map((s) => STAGE_LABELS[s]).join('、')}`, 2)
    if (flags.gender && flags.gender !== '男' && flags.gender !== '女') throw new CliError('--gender 应为“男”或“女”', 2)
    if (flags.age && !(AGE_BANDS as readonly string[]).includes(String(flags.age))) throw new CliError(`--age 应为：${AGE_BANDS.join('、')}`, 2)
    if (flags.education && !(EDUCATION_GROUPS as readonly string[]).includes(String(flags.education))) throw new CliError(`--education 应为：${EDUCATION_GROUPS.join('、')}`, 2)
    const status = STATUS_VIEWS[String(flags.status ?? '在册')]
    if (!status) throw new CliError(`--status 应为：${Object.keys(STATUS_VIEWS).join('、')}`, 2)
    const filters = {
      organizationId: await orgId(run, flags.org),
      stages: stages as Stage[],
      gender: (flags.gender as '男' | '女' | undefined) ?? null,
      ageBand: (flags.age as string | undefined) ?? null,
      educationGroup: (flags.education as string | undefined) ?? null,
      dualLeader: flags['dual-leader'] ? true : null,
      q: String(flags.q ?? ''),
      ...status,
      ...(flags.all ? { statuses: ['normal', 'suspended', 'left', 'transferred_out'] } : {}),
    }
    const rows: MemberRow[] = []
    for (let page = 1; ; page++) {
      const r = (await run.call('members.list', { ...filters, page, pageSize: 200 })) as { total: number; rows: MemberRow[] }
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
    const d = (await call('members.get', { id })) as MemberDetail
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
    const organizationId = await orgId(run, flags.org)
    if (!organizationId) throw new CliError('请用 --org 指定所在党支部', 2)
    const d = (await run.call('members.create', {
      organizationId,
      fields: {
        name: flags.name,
        idNumber: flags['id-number'] ?? null,
        gender: flags.gender ?? null,
        appliedOn: flags.applied ?? null,
        joinedOn: flags.joined ?? null,
        convertedOn: flags.converted ?? null,
        department: flags.department ?? null,
        phone: flags.phone ?? null,
        ethnicity: flags.ethnicity ?? null,
        education: flags.education ?? null,
        title: flags.title ?? null,
      },
    })) as MemberDetail
    if (flags.json) return io.out(JSON.stringify(d, null, 2))
    io.out(`已建档：${d.member.name}（编号 ${d.member.id}，${STAGE_LABELS[d.member.stage]}）`)
    for (const w of d.warnings) io.out(`提示：${w.message}`)
  },
}
