import { ORG_TYPES, ORG_TYPE_LABELS, DEFAULT_TERM_YEARS, type OrgType } from '../../../shared/organizations'
import { parentProblem } from '../../../shared/rules/organization'
import { requireFullDate } from '../../excel/dates'
import { cellText, normalizeText } from '../../excel/normalize'
import * as repo from '../../organizations/repository'
import { createOrganization, moveOrganization, stored, summaryOf, updateOrganization } from '../../organizations/service'
import { recordAudit } from '../../audit'
import type { FieldIssue, FileRecord, ImportKind } from '../kind'
import { closeMatches } from '../similar'
import { CODE_CHOICES, organizationNames } from '../choices'

export interface OrgRecord {
  name: string
  type: OrgType
  parentName: string | null
  foundedOn: string | null
  departments: string[]
  termYears: number | null | undefined
  termStartedOn: string | null
}

const TYPE_ALIASES: Record<string, OrgType> = {
  ...Object.fromEntries(ORG_TYPES.map((t) => [ORG_TYPE_LABELS[t], t])),
  基层党委: 'committee',
  党委员会: 'committee',
  党总支部: 'general_branch',
  总支: 'general_branch',
  支部: 'branch',
  联合支部: 'joint_branch',
  临时支部: 'temporary_branch',
  小组: 'party_group',
}

/** Organization columns: 组织名称, 组织类型, 上级组织, 成立日期, plus optional 所辖科室 and term. */
export const organizationImport: ImportKind<OrgRecord> = {
  kind: 'organizations',
  label: '党组织',
  entity: 'organization',
  fields: [
    { key: 'name', label: '组织名称', synonyms: ['党组织名称', '名称', '组织全称', '党组织全称', '党组织'], required: true },
    { key: 'type', label: '组织类型', synonyms: ['党组织类型', '组织类别', '党组织类别', '类型', '类别'], required: true },
    { key: 'parent', label: '上级组织', synonyms: ['上级党组织', '隶属党组织', '上级党组织名称', '上级'] },
    { key: 'foundedOn', label: '成立日期', synonyms: ['成立时间', '建立日期', '建立时间'] },
    { key: 'departments', label: '所辖科室', synonyms: ['科室', '对应科室', '包含科室', '所属科室'] },
    { key: 'termYears', label: '任期年限', synonyms: ['任期', '任期（年）'] },
    { key: 'termStartedOn', label: '本届任期开始', synonyms: ['本届任期开始日期', '换届日期', '换届时间', '选举日期'] },
  ],
  notes: [
    '组织类型填：党委、党总支、党支部、联合党支部、临时党支部、党小组。',
    '上级组织填上级党组织的全称；可以是本表中其他行的组织（行的先后不限）。最高一级的党委留空。',
    '所辖科室可填多个，用顿号“、”或逗号分隔。',
    '日期写成 2024-03-05 或 2024年3月5日。',
  ],

  parse(get) {
    const issues: FieldIssue[] = []
    const name = cellText(get('name')?.value ?? null)
    if (!name) issues.push({ field: 'name', message: '请填写组织名称' })
    else if (name.length > 100) issues.push({ field: 'name', message: '组织名称不能超过100个字' })
    const typeText = cellText(get('type')?.value ?? null).replace(/\s/g, '')
    const type = TYPE_ALIASES[typeText]
    if (!type) issues.push({ field: 'type', message: typeText ? `组织类型“${typeText}”无法识别，应为：${ORG_TYPES.map((t) => ORG_TYPE_LABELS[t]).join('、')}` : '请填写组织类型' })
    const parentName = cellText(get('parent')?.value ?? null) || null
    const date = (field: string, label: string): string | null => {
      const d = requireFullDate(get(field), label)
      if (d.kind === 'error') issues.push({ field, message: d.message })
      return d.kind === 'date' ? d.date : null
    }
    const foundedOn = date('foundedOn', '成立日期')
    const termStartedOn = date('termStartedOn', '本届任期开始')
    const departments = cellText(get('departments')?.value ?? null)
      .split(/[、,，;；/]/)
      .map(normalizeText)
      .filter(Boolean)
    let termYears: number | null | undefined
    const termText = cellText(get('termYears')?.value ?? null).replace(/年$/, '')
    if (termText) {
      termYears = Number(termText)
      if (!Number.isInteger(termYears) || termYears < 1 || termYears > 5) issues.push({ field: 'termYears', message: `任期年限“${termText}”应为1至5之间的整数` })
    }
    if (issues.length > 0 || !type) return { record: null, issues, label: `${name || '（未填名称）'}${typeText ? `（${typeText}）` : ''}` }
    return { record: { name, type, parentName, foundedOn, departments, termYears, termStartedOn }, issues }
  },

  keyOf: (r) => r.name,

  check(r, ctx, file) {
    if (r.parentName === null) {
      const problem = parentProblem(r.type, null)
      return problem ? [{ field: 'parent', message: `${problem}。请填写上级组织` }] : []
    }
    const inDb = repo.findActiveByName(ctx.db, r.parentName)
    const inFile = file.find((f) => f.record.name === r.parentName)
    const parentType = inFile?.record.type ?? inDb?.type
    if (!parentType) {
      const names = [...repo.allOrganizations(ctx.db).filter((o) => o.status === 'active').map((o) => o.name), ...file.map((f) => f.record.name)]
      const near = closeMatches(r.parentName, names)
      return [{ field: 'parent', message: `找不到上级组织“${r.parentName}”${near.length ? `，是否是：${near.join('、')}？` : '，请先建立该组织或核对名称'}（不会自动新建）` }]
    }
    if (r.parentName === r.name) return [{ field: 'parent', message: '上级组织不能是它自己' }]
    const problem = parentProblem(r.type, parentType)
    return problem ? [{ field: 'type', message: problem }] : []
  },

  exists: (r, ctx) => repo.findActiveByName(ctx.db, r.name) !== null,

  fillsBlanks(r, ctx) {
    const o = repo.findActiveByName(ctx.db, r.name)!
    return (!o.foundedOn && !!r.foundedOn) || (!o.termStartedOn && !!r.termStartedOn) || (o.departments.length === 0 && r.departments.length > 0)
  },

  // parents first, whatever the row order in the file
  order(records) {
    const names = new Set(records.map((r) => r.record.name))
    const done = new Set<string>()
    const out: FileRecord<OrgRecord>[] = []
    const visit = (r: FileRecord<OrgRecord>, depth: number): void => {
      if (done.has(r.record.name) || depth > records.length) return
      const parent = r.record.parentName
      if (parent && names.has(parent)) {
        const p = records.find((x) => x.record.name === parent)
        if (p) visit(p, depth + 1)
      }
      done.add(r.record.name)
      out.push(r)
    }
    records.forEach((r) => visit(r, 0))
    return out
  },

  apply(r, mode, ctx) {
    const parentId = r.parentName ? (repo.findActiveByName(ctx.db, r.parentName)?.id ?? null) : null
    const existing = repo.findActiveByName(ctx.db, r.name)
    if (!existing) {
      const created = createOrganization(ctx, { ...r, parentId, note: null, termYears: r.termYears ?? DEFAULT_TERM_YEARS[r.type] })
      return { action: 'insert', entityId: created.id, before: null }
    }
    const before = stored(summaryOf(ctx, existing.id))
    if (mode === 'fill') {
      updateOrganization(ctx, existing.id, {
        ...existing,
        foundedOn: existing.foundedOn ?? r.foundedOn,
        termStartedOn: existing.termStartedOn ?? r.termStartedOn,
        departments: existing.departments.length ? existing.departments : r.departments,
      })
    } else {
      updateOrganization(ctx, existing.id, {
        name: r.name,
        type: r.type,
        note: existing.note,
        foundedOn: r.foundedOn ?? existing.foundedOn,
        termStartedOn: r.termStartedOn ?? existing.termStartedOn,
        termYears: r.termYears === undefined ? existing.termYears : r.termYears,
        departments: r.departments.length ? r.departments : existing.departments,
      })
      if (parentId !== existing.parentId && r.parentName !== null) moveOrganization(ctx, existing.id, parentId)
    }
    return { action: 'update', entityId: existing.id, before }
  },

  choices: { type: CODE_CHOICES.orgType, parent: organizationNames },

  describe: (r) => `${r.name}（${ORG_TYPE_LABELS[r.type]}${r.parentName ? `，上级：${r.parentName}` : ''}）`,

  // an organization created by the import and untouched since never mattered: it may go entirely
  undoInsert(id, ctx) {
    const org = summaryOf(ctx, id)
    ctx.db.prepare('DELETE FROM organization_departments WHERE organization_id = ?').run(id)
    ctx.db.prepare('DELETE FROM organizations WHERE id = ?').run(id)
    recordAudit(ctx, { entity: 'organization', entityId: id, before: stored(org), after: null })
  },

  undoUpdate(id, before, ctx) {
    const b = before as ReturnType<typeof stored>
    const current = stored(summaryOf(ctx, id))
    repo.updateOrganization(ctx.db, id, b, ctx.now().toISOString())
    repo.setParent(ctx.db, id, b.parentId, ctx.now().toISOString())
    repo.setDepartments(ctx.db, id, b.departments)
    recordAudit(ctx, { entity: 'organization', entityId: id, before: current, after: b })
  },
}
