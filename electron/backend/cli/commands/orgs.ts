import { ORG_TYPES, ORG_TYPE_LABELS, type OrgType } from '../../../shared/organizations'
import type { CliCommand } from '../types'
import { required, text } from '../flags'
import { CliError, table } from '../output'

const typeByLabel = new Map<string, OrgType>(ORG_TYPES.flatMap((t) => [[t, t] as [string, OrgType], [ORG_TYPE_LABELS[t], t] as [string, OrgType]]))

export const orgsList: CliCommand = {
  usage: 'orgs list [--json]                       列出全部党组织',
  async run({ call, flags, io }) {
    const orgs = await call('orgs.list', { includeDissolved: true })
    if (flags.json) return io.out(JSON.stringify(orgs, null, 2))
    const names = new Map(orgs.map((o) => [o.id, o.name]))
    io.out(
      table(
        ['编号', '名称', '类型', '上级组织', '状态', '正式党员', '提示'],
        orgs.map((o) => [String(o.id), o.name, ORG_TYPE_LABELS[o.type], o.parentId ? (names.get(o.parentId) ?? '') : '—', o.status === 'active' ? '正常' : `已撤销（${o.dissolvedOn}）`, String(o.fullMembers), o.warnings.map((w) => w.message).join('；')]),
      ),
    )
    io.out(`共 ${orgs.length} 个党组织`)
  },
}

export const orgsAdd: CliCommand = {
  options: { name: 'string', type: 'string', parent: 'string', founded: 'string', 'term-start': 'string', departments: 'string' },
  usage: 'orgs add --name 名称 --type 类型 [--parent 上级名称或编号] [--founded YYYY-MM-DD] [--departments 科室1,科室2] [--json]',
  async run({ call, flags, io }) {
    const type = typeByLabel.get(String(flags.type ?? ''))
    if (!type) throw new CliError(`--type 应为：${ORG_TYPES.map((t) => ORG_TYPE_LABELS[t]).join('、')}`)
    let parentId: number | null = null
    if (flags.parent) {
      const orgs = await call('orgs.list', { includeDissolved: false })
      const p = String(flags.parent)
      const parent = orgs.find((o) => o.name === p || String(o.id) === p)
      if (!parent) throw new CliError(`找不到上级组织“${p}”（请用 orgs list 查看名称）`)
      parentId = parent.id
    }
    const created = await call('orgs.create', {
      name: required(flags, 'name', '党组织名称'),
      type,
      parentId,
      foundedOn: text(flags, 'founded') ?? null,
      termStartedOn: text(flags, 'term-start') ?? null,
      departments: (text(flags, 'departments') ?? '').split(/[,，、]/).filter(Boolean),
    })
    if (flags.json) return io.out(JSON.stringify(created, null, 2))
    io.out(`已新增党组织：${created.name}（编号 ${created.id}，${ORG_TYPE_LABELS[created.type]}）`)
    for (const w of created.warnings) io.out(`提示：${w.message}`)
  },
}
