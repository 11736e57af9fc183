import type { MemberDetail } from '../../../shared/contract/members'
import { MEMBER_STATUS_LABELS, STAGES, STAGE_LABELS, type MemberRow, type Stage } from '../../../shared/members'
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

/** `members list --json` prints every matching member (no paging), filters as flags (issue 3). */
export const membersList: CliCommand = {
  usage: 'members list [--org 支部] [--stage 正式党员] [--gender 男|女] [--q 姓名] [--all] [--json]   列出人员',
  options: { org: 'string', stage: 'string', gender: 'string', q: 'string', all: 'boolean' },
  async run(run) {
    const { flags, io } = run
    const stages = flags.stage ? String(flags.stage).split(/[,，、]/).map((s) => stageByLabel.get(s)) : []
    if (stages.some((s) => !s)) throw new CliError(`--stage 应为：${STAGES.map((s) => STAGE_LABELS[s]).join('、')}`, 2)
    const filters = {
      organizationId: await orgId(run, flags.org),
      stages: stages as Stage[],
      gender: (flags.gender as '男' | '女' | undefined) ?? null,
      q: String(flags.q ?? ''),
      ...(flags.all ? { statuses: ['normal', 'suspended', 'left', 'transferred_out'] } : {}),
    }
    const rows: MemberRow[] = []
    for (let page = 1; ; page++) {
      const r = (await run.call('members.list', { ...filters, page, pageSize: 200 })) as { total: number; rows: MemberRow[] }
      rows.push(...r.rows)
      if (rows.length >= r.total || r.rows.length === 0) break
    }
    if (flags.json) return io.out(JSON.stringify(rows, null, 2))
    io.out(table(['编号', '姓名', '性别', '类别', '所在支部', '入党日期', '状态'], rows.map((r) => [String(r.id), r.name, r.gender, STAGE_LABELS[r.stage], r.organizationName ?? '', r.joinedOn ?? '', MEMBER_STATUS_LABELS[r.status]])))
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
    io.out(`${m.name}（${m.gender}，${STAGE_LABELS[m.stage]}，${MEMBER_STATUS_LABELS[m.status]}）  ${m.organizationName ?? ''}`)
    io.out(`身份证号 ${m.idNumber ?? '—'}  出生 ${m.birthDate ?? '—'}  入党 ${m.joinedOn ?? '—'}  转正 ${m.convertedOn ?? '—'}  党龄 ${d.partyAge ?? '—'}`)
    for (const e of d.events) io.out(`  ${e.occurredOn}  ${e.type}${e.otherOrganization ? `（${e.otherOrganization}）` : ''}${e.reason ? `：${e.reason}` : ''}`)
  },
}

export const membersAdd: CliCommand = {
  usage: 'members add --org 支部 --name 姓名 [--id-number 身份证号] [--gender 男|女] [--applied 日期 | --joined 日期 [--converted 日期]] [--json]',
  options: { org: 'string', name: 'string', 'id-number': 'string', gender: 'string', applied: 'string', joined: 'string', converted: 'string', department: 'string', phone: 'string' },
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
      },
    })) as MemberDetail
    if (flags.json) return io.out(JSON.stringify(d, null, 2))
    io.out(`已建档：${d.member.name}（编号 ${d.member.id}，${STAGE_LABELS[d.member.stage]}）`)
    for (const w of d.warnings) io.out(`提示：${w.message}`)
  },
}
