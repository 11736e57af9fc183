import { AppError } from '../../../shared/result'
import { isBranchType } from '../../../shared/organizations'
import { parseIdNumber } from '../../../shared/rules/id-number'
import { recordAudit } from '../../audit'
import { parseDateCell, requireFullDate } from '../../excel/dates'
import { cellText, normalizeName } from '../../excel/normalize'
import type { Cell } from '../../excel/read'
import * as memberRepo from '../../members/repository'
import { updateMember, writePerson } from '../../members/service'
import { validateMember, type MemberFieldsInput } from '../../members/validate'
import { isSensitive, type Member, type MemberFields } from '../../../shared/members'
import { memo } from '../../memo'
import * as orgRepo from '../../organizations/repository'
import type { FieldIssue, FileRecord, ImportKind, ImportMode } from '../kind'
import { closeMatches } from '../similar'
import { branchNames, CODE_CHOICES } from '../choices'

export interface MemberRecord {
  organization: string
  fields: MemberFieldsInput
}

const TEXT_FIELDS: [keyof MemberFieldsInput, string, string[]][] = [
  ['ethnicity', '民族', []],
  ['education', '学历', ['文化程度', '最高学历']],
  ['degree', '学位', []],
  ['title', '职称', ['专业技术职务', '技术职称']],
  ['department', '科室', ['所在科室', '部门']],
  ['position', '工作岗位', ['岗位']],
  ['adminPost', '行政职务', ['职务']],
  ['partyPost', '党内职务', []],
  ['occupation', '职业类别', ['职业']],
  ['phone', '联系电话', ['电话', '手机', '手机号码', '联系方式']],
  ['address', '家庭住址', ['住址']],
  ['residence', '现居住地', []],
  ['hukou', '户籍所在地', ['户籍地']],
  ['nativePlace', '籍贯', []],
  ['note', '备注', []],
]
const DATE_FIELDS: [keyof MemberFieldsInput, string, string[]][] = [
  ['appliedOn', '申请入党日期', ['申请入党时间', '递交申请书日期']],
  ['activistOn', '确定积极分子日期', ['列为积极分子日期', '确定入党积极分子日期']],
  ['candidateOn', '确定发展对象日期', ['列为发展对象日期']],
  ['joinedOn', '入党日期', ['入党时间', '加入党组织日期']],
  ['convertedOn', '转正日期', ['转正时间']],
  ['workStartedOn', '参加工作日期', ['参加工作时间']],
]

/** 人员类别 as the national roster writes it (the template's drop-down), from 正式党员 back to the pipeline's start */
export const MEMBER_CATEGORIES = ['正式党员', '预备党员', '发展对象', '入党积极分子', '入党申请人'] as const
/** the date a row of each 人员类别 must carry */
const CATEGORY_DATE: Record<string, [keyof MemberFieldsInput, string]> = {
  正式党员: ['convertedOn', '转正日期'],
  预备党员: ['joinedOn', '入党日期'],
  发展对象: ['candidateOn', '确定发展对象日期'],
  入党积极分子: ['activistOn', '确定积极分子日期'],
  入党申请人: ['appliedOn', '申请入党日期'],
}

const EMPTY_FIELDS = (): MemberFieldsInput => ({
  name: '', gender: null, idNumber: null, ethnicity: null, birthDate: null, education: null, degree: null, title: null, department: null, position: null,
  adminPost: null, partyPost: null, occupation: null, phone: null, address: null, residence: null, hukou: null, nativePlace: null, workStartedOn: null,
  partyAgeCorrection: 0, note: null, appliedOn: null, talkedOn: null, activistOn: null, contacts: null, candidateOn: null, politicalReviewOn: null,
  trainingHours: null, trainingTo: null, introducers: null, preReviewOn: null, joinedOn: null, approvedOn: null, oathOn: null, conversionAppliedOn: null,
  convertedOn: null, extensionMonths: null,
})

type Ctx = Parameters<ImportKind<MemberRecord>['exists']>[1]

/** The people already holding the file's ID numbers: one query for the whole file instead of one per row. */
const holdersOf = new WeakMap<readonly FileRecord<MemberRecord>[], Map<string, Member>>()

function holders(ctx: Ctx, file: readonly FileRecord<MemberRecord>[]): Map<string, Member> {
  let found = holdersOf.get(file)
  if (!found) holdersOf.set(file, (found = memberRepo.findByIdNumbers(ctx.db, file.flatMap((f) => (f.record.fields.idNumber ? [f.record.fields.idNumber] : [])))))
  return found
}

/** The person each checked row matches by ID number: the analysis and the write share one transaction. */
const matched = new WeakMap<MemberRecord, number | null>()

function existingId(r: MemberRecord): number | null {
  const id = matched.get(r)
  // the engine checks every record before it asks whether it exists, fills blanks or writes it
  if (id === undefined) throw new Error('a member record was used before it was checked')
  return id
}

/** What `check` accepted for a new person, so the commit writes it without validating a second time. */
const accepted = new WeakMap<MemberRecord, MemberFields>()

const branchNamed = (ctx: Ctx, name: string) => memo(ctx, `org:${name}`, () => orgRepo.findActiveByName(ctx.db, name))

/** Why a branch name in the file cannot be used (with the close matches), or null. Never creates one. */
function branchProblem(ctx: Ctx, name: string): string | null {
  const org = branchNamed(ctx, name)
  if (org && isBranchType(org.type)) return null
  const names = memo(ctx, 'branch-names', () => orgRepo.allOrganizations(ctx.db).filter((o) => o.status === 'active' && isBranchType(o.type)).map((o) => o.name))
  const near = closeMatches(name, names)
  return `找不到党支部“${name}”${near.length ? `，是否是：${near.join('、')}？` : '，请先在“党组织”中建立'}（不会自动新建）`
}

/**
 * Birth date column: a full date, or year-month only when the ID number agrees (the day then comes from the ID).
 * `idGiven`: the row has an ID number, valid or not (a wrong one is reported on its own cell).
 */
function birthDate(cell: Cell | undefined, idBirth: string | null, idGiven: boolean, issues: FieldIssue[]): string | null {
  const d = parseDateCell(cell, '出生日期')
  if (d.kind === 'date') return d.date
  if (d.kind === 'error') issues.push({ field: 'birthDate', message: d.message })
  if (d.kind === 'month') {
    const ym = `${d.y}-${String(d.m).padStart(2, '0')}`
    if (idBirth && idBirth.startsWith(ym)) return idBirth
    const why = idBirth ? `出生年月${ym}与身份证号中的${idBirth.slice(0, 7)}不符` : idGiven ? `出生日期只写到月份（${ym}），要用身份证号补全日期，请先改正身份证号` : `出生日期只写到月份（${ym}），又没有身份证号可以核对，请补全具体日期`
    issues.push({ field: 'birthDate', message: why })
  }
  return null
}

/** A person's fields after this row: 覆盖更新 takes the file's filled cells, 只补空白 only where the roster is blank. */
function mergedWith(r: MemberRecord, mode: ImportMode, current: Member): MemberFieldsInput {
  const mine = current as unknown as Record<string, unknown>
  const theirs = r.fields as Record<string, unknown>
  return Object.fromEntries(Object.keys(r.fields).map((k) => [k, mode === 'fill' ? (mine[k] ?? theirs[k] ?? null) : (theirs[k] ?? mine[k] ?? null)])) as MemberFieldsInput
}

/**
 * A row whose ID number is already on the roster under another name is a mistyped ID far more often than a
 * renamed person: refused in every mode, never a silent rename of someone else. Updating a person never moves
 * them either (that is a 支部调动, with its date and letter): a different branch in the file is pointed out.
 */
function holderMismatch(r: MemberRecord, holder: Member, mode: ImportMode): FieldIssue[] {
  const where = holder.organizationName ?? '未分配支部'
  if (holder.name !== r.fields.name) {
    return [{ field: 'idNumber', message: `身份证号与名册中的${holder.name}（${where}）相同，姓名却是${r.fields.name}：请核对身份证号；确实改了姓名的，请在党员名册中修改` }]
  }
  if (mode !== 'skip' && holder.organizationName && holder.organizationName !== r.organization) {
    return [{ field: 'organization', message: `名册中${holder.name}在${holder.organizationName}：导入不调动组织关系，请在党员名册中办理支部调动，或把这一格改为${holder.organizationName}` }]
  }
  return []
}

/** The roster import: the full record and lifecycle dates, validated by the roster's own rules. */
export const memberImport: ImportKind<MemberRecord> = {
  kind: 'members',
  label: '党员',
  entity: 'member',
  fields: [
    { key: 'name', label: '姓名', synonyms: ['党员姓名'], required: true },
    { key: 'gender', label: '性别', synonyms: [] },
    { key: 'idNumber', label: '身份证号', synonyms: ['身份证号码', '公民身份号码', '身份证'] },
    { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生时间'] },
    { key: 'organization', label: '所在党支部', synonyms: ['党支部', '所在支部', '支部', '所在党组织', '党组织'], required: true },
    { key: 'category', label: '人员类别', synonyms: ['党员类别', '类别'] },
    ...DATE_FIELDS.map(([key, label, synonyms]) => ({ key, label, synonyms })),
    ...TEXT_FIELDS.map(([key, label, synonyms]) => ({ key, label, synonyms })),
  ],
  notes: [
    '身份证号一列请设为“文本”格式：Excel 把18位数字存成数字时会丢掉末尾几位，这样的行会被退回。',
    '所在党支部填写系统中已有的支部全称；找不到时会列出相近的名称，不会自动新建。',
    '正式党员请填写入党日期和转正日期；预备党员只填入党日期；入党申请人填申请入党日期。',
    '出生日期可以只写到月份（如 1985.03），只要与身份证号一致。',
  ],

  parse(get, ctx) {
    const issues: FieldIssue[] = []
    const fields = EMPTY_FIELDS()
    fields.name = normalizeName(cellText(get('name')?.value ?? null))
    if (!fields.name) issues.push({ field: 'name', message: '请填写姓名' })
    const idCell = get('idNumber')
    let idBirth: string | null = null
    const idGiven = !!idCell && idCell.value !== null && String(idCell.value).trim() !== ''
    if (idCell && idGiven) {
      const id = parseIdNumber(typeof idCell.value === 'number' ? idCell.value : String(idCell.value))
      if (!id.ok) issues.push({ field: 'idNumber', message: id.message })
      else {
        fields.idNumber = id.value
        idBirth = id.birthDate
      }
    }
    const gender = cellText(get('gender')?.value ?? null)
    if (gender && gender !== '男' && gender !== '女') issues.push({ field: 'gender', message: `性别“${gender}”应为“男”或“女”` })
    fields.gender = gender === '男' || gender === '女' ? gender : null
    fields.birthDate = birthDate(get('birthDate'), idBirth, idGiven, issues)
    for (const [key, label] of DATE_FIELDS) {
      const d = requireFullDate(get(key), label)
      if (d.kind === 'error') issues.push({ field: key, message: d.message })
      if (d.kind === 'date') (fields as Record<string, unknown>)[key] = d.date
    }
    for (const [key] of TEXT_FIELDS) (fields as Record<string, unknown>)[key] = cellText(get(key)?.value ?? null) || null
    // 人员类别 is not stored (the stage follows from the dates): a known one checks that the dates say the same;
    // other values (some hospitals write 在职 / 离退休 there) are left alone
    const category = cellText(get('category')?.value ?? null)
    const needs = CATEGORY_DATE[category]
    if (needs && !fields[needs[0]]) issues.push({ field: needs[0], message: `人员类别为${category}，请填写${needs[1]}` })
    if (category === '预备党员' && fields.convertedOn) issues.push({ field: 'category', message: '人员类别为预备党员，却填写了转正日期，请核对' })
    const organization = cellText(get('organization')?.value ?? null)
    if (!organization) issues.push({ field: 'organization', message: '请填写所在党支部' })
    // a row that already fails here never reaches `check`: its branch is checked now, so the clerk sees every
    // mistake of the row in one preview instead of one round at a time
    else if (issues.length) {
      const problem = branchProblem(ctx, organization)
      if (problem) issues.push({ field: 'organization', message: problem })
    }
    if (issues.length) return { record: null, issues, label: `${fields.name || '（未填姓名）'}（${organization || '未填党支部'}）` }
    return { record: { organization, fields }, issues }
  },

  keyOf: (r) => r.fields.idNumber ?? `${r.fields.name}|${r.organization}|${r.fields.birthDate}`,
  keyField: 'idNumber',

  check(r, ctx, file, mode) {
    const holder = r.fields.idNumber ? (holders(ctx, file).get(r.fields.idNumber) ?? null) : null
    matched.set(r, holder?.id ?? null)
    const problem = branchProblem(ctx, r.organization)
    if (problem) return [{ field: 'organization', message: problem }]
    if (holder) {
      const mismatch = holderMismatch(r, holder, mode)
      if (mismatch.length) return mismatch
    }
    try {
      // a person already on the roster is checked as they will be after this row (the file may carry only the
      // columns it updates, 学历 or 科室, and need not repeat the 入党日期); in 跳过已有 as if blanks were filled
      const record = holder ? mergedWith(r, mode === 'update' ? 'update' : 'fill', holder) : r.fields
      const { fields } = validateMember(ctx, record, holder?.id ?? null, { holder })
      if (!record.appliedOn && !record.joinedOn) return [{ field: 'joinedOn', message: '请填写入党日期（党员）或申请入党日期（入党申请人）' }]
      if (!holder) accepted.set(r, fields)
      return []
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      return (error.issues ?? [{ field: 'name', message: error.message }]).map((i) => ({ field: i.field, message: i.message }))
    }
  },

  exists: (r) => existingId(r) !== null,

  fillsBlanks(r, ctx) {
    const m = memberRepo.findMember(ctx.db, existingId(r)!)!
    return Object.entries(r.fields).some(([k, v]) => v !== null && v !== '' && (m as unknown as Record<string, unknown>)[k] === null)
  },

  changes(r, mode, ctx) {
    const current = memberRepo.findMember(ctx.db, existingId(r)!)! as unknown as Record<string, unknown>
    const changed = Object.entries(r.fields).flatMap(([key, theirs]) => {
      const mine = current[key] ?? null
      if (theirs === null || theirs === '' || theirs === mine || (mode === 'fill' && mine !== null)) return []
      const label = FIELD_LABEL.get(key) ?? key
      // masked like everywhere else: the preview says that, not what, a sensitive field becomes
      return [isSensitive(key) ? `${label}将更改` : `${label}：${mine ?? '（空）'} → ${theirs}`]
    })
    return changed.length > 4 ? `${changed.slice(0, 4).join('；')} 等 ${changed.length} 项` : changed.join('；')
  },

  apply(r, mode, ctx) {
    const org = branchNamed(ctx, r.organization)!
    const id = existingId(r)
    if (id === null) {
      // validated by `check` in this same transaction (the engine never applies an unchecked record)
      const fields = accepted.get(r) ?? validateMember(ctx, r.fields, null).fields
      const created = writePerson(ctx, org.id, fields, null)
      return { action: 'insert', entityId: created, before: null }
    }
    const before = memberRepo.findMember(ctx.db, id)!
    updateMember(ctx, id, { ...mergedWith(r, mode, before), partyAgeCorrection: before.partyAgeCorrection })
    return { action: 'update', entityId: id, before }
  },

  choices: { organization: branchNames, gender: CODE_CHOICES.gender, ethnicity: CODE_CHOICES.ethnicity, education: CODE_CHOICES.education, degree: CODE_CHOICES.degree, occupation: CODE_CHOICES.occupation },

  describe: (r) => `${r.fields.name}（${r.organization}${r.fields.joinedOn ? `，入党 ${r.fields.joinedOn}` : r.fields.appliedOn ? `，申请 ${r.fields.appliedOn}` : ''}）`,

  usedBy(id, ctx) {
    const r = ctx.db
      .prepare(
        `SELECT m.name, (SELECT count(*) FROM committee_posts p WHERE p.member_id = m.id) AS posts, (SELECT count(*) FROM attendance a WHERE a.member_id = m.id) AS attended
         FROM members m WHERE m.id = ?`,
      )
      .get(id) as { name: string; posts: number; attended: number } | undefined
    if (!r || (!r.posts && !r.attended)) return null
    return `${r.name}：${[r.posts ? '支委会任职' : '', r.attended ? `${r.attended} 次会议出勤` : ''].filter(Boolean).join('、')}`
  },

  // a person created by the import and untouched since never mattered: the record goes, the audit keeps the trace
  undoInsert(id, ctx) {
    const before = memberRepo.findMember(ctx.db, id)
    for (const table of ['member_events', 'memberships']) ctx.db.prepare(`DELETE FROM ${table} WHERE member_id = ?`).run(id)
    ctx.db.prepare('DELETE FROM members WHERE id = ?').run(id)
    recordAudit(ctx, { entity: 'member', entityId: id, before, after: null })
  },

  undoUpdate(id, before, ctx) {
    const b = before as ReturnType<typeof memberRepo.findMember> & object
    memberRepo.updateFields(ctx.db, id, b, b.stage, ctx.now().toISOString())
    recordAudit(ctx, { entity: 'member', entityId: id, before: memberRepo.findMember(ctx.db, id), after: b })
  },
}

/** a field's name as the clerk's file and our template call it */
const FIELD_LABEL = new Map(memberImport.fields.map((f) => [f.key, f.label]))
