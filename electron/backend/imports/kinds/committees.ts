import { COMMITTEE_POSTS, COMMITTEE_POST_LABELS, type CommitteePost } from '../../../shared/members'
import { isBranchType } from '../../../shared/organizations'
import { parseIdNumber } from '../../../shared/rules/id-number'
import { recordAudit } from '../../audit'
import type { CallContext } from '../../context'
import { requireFullDate } from '../../excel/dates'
import { cellText, normalizeName } from '../../excel/normalize'
import { appointmentProblem, insertPost } from '../../members/committees'
import { memo } from '../../memo'
import * as orgRepo from '../../organizations/repository'
import type { FieldIssue, ImportKind } from '../kind'
import { closeMatches } from '../similar'
import { branchNames, CODE_CHOICES } from '../choices'

/** One row of a 支委会 (班子) roster: who holds which post in which branch, since when, until when. */
export interface CommitteeRecord {
  organization: string
  name: string
  idNumber: string | null
  post: CommitteePost
  electedOn: string
  endedOn: string | null
  dualLeader: boolean
}

const POST_ALIASES: Record<string, CommitteePost> = {
  ...Object.fromEntries(COMMITTEE_POSTS.map((p) => [COMMITTEE_POST_LABELS[p], p])),
  支部书记: 'secretary',
  党支部书记: 'secretary',
  支部副书记: 'deputy_secretary',
  党支部副书记: 'deputy_secretary',
  支委: 'member',
  支部委员: 'member',
}

const YES = new Set(['是', '√', 'Y', 'y', '1', '双带头人'])
const NO = new Set(['', '否', '×', 'N', 'n', '0'])

const branchNamed = (ctx: CallContext, name: string) => memo(ctx, `org:${name}`, () => orgRepo.findActiveByName(ctx.db, name))

/**
 * The person a row names: by ID number when given, otherwise by name among the branch's members (an
 * ambiguous name is an error that asks for the ID number — never a guess).
 */
function personOf(ctx: CallContext, r: CommitteeRecord, organizationId: number): { id: number } | FieldIssue {
  if (r.idNumber) {
    const row = ctx.db.prepare('SELECT id, name FROM members WHERE id_number = ?').get(r.idNumber) as { id: number; name: string } | undefined
    if (!row) return { field: 'idNumber', message: '名册中没有这个身份证号的人员，请先导入或登记党员' }
    if (row.name !== r.name) return { field: 'name', message: `身份证号登记的姓名是“${row.name}”，与本行的“${r.name}”不符，请核对` }
    return { id: row.id }
  }
  // past posts (with 离任日期) may belong to someone who has since moved on: look in the branch's history too
  const ids = ctx.db
    .prepare(
      r.endedOn
        ? 'SELECT DISTINCT m.id FROM members m JOIN memberships s ON s.member_id = m.id WHERE m.name = ? AND s.organization_id = ?'
        : "SELECT id FROM members WHERE name = ? AND organization_id = ? AND status = 'normal'",
    )
    .pluck()
    .all(r.name, organizationId) as number[]
  if (ids.length === 0) return { field: 'name', message: `“${r.organization}”的名册中没有“${r.name}”，请核对姓名或先登记该党员` }
  if (ids.length > 1) return { field: 'name', message: `“${r.organization}”有 ${ids.length} 位名叫“${r.name}”的党员，请填写身份证号以区分` }
  return { id: ids[0]! }
}

function openPost(ctx: CallContext, organizationId: number, memberId: number, post: CommitteePost, electedOn: string): { id: number; elected_on: string; ended_on: string | null; dual_leader: number } | undefined {
  return ctx.db
    .prepare('SELECT id, elected_on, ended_on, dual_leader FROM committee_posts WHERE organization_id = ? AND member_id = ? AND post = ? AND (ended_on IS NULL OR elected_on = ?)')
    .get(organizationId, memberId, post, electedOn) as { id: number; elected_on: string; ended_on: string | null; dual_leader: number } | undefined
}

/** 支委会成员导入: 所在党支部, 姓名, 身份证号, 职务, 任职日期, 离任日期, 是否双带头人. */
export const committeeImport: ImportKind<CommitteeRecord> = {
  kind: 'committees',
  label: '支委会成员',
  entity: 'committee_post',
  fields: [
    { key: 'organization', label: '所在党支部', synonyms: ['党支部', '支部', '所在支部', '党组织'], required: true },
    { key: 'name', label: '姓名', synonyms: ['党员姓名', '委员姓名'], required: true },
    { key: 'idNumber', label: '身份证号', synonyms: ['身份证号码', '公民身份号码'] },
    { key: 'post', label: '职务', synonyms: ['党内职务', '支委会职务', '担任职务'], required: true },
    { key: 'electedOn', label: '任职日期', synonyms: ['任职时间', '选举日期', '当选日期'], required: true },
    { key: 'endedOn', label: '离任日期', synonyms: ['离任时间', '免职日期'] },
    { key: 'dualLeader', label: '是否双带头人', synonyms: ['双带头人', '是否“双带头人”'] },
  ],
  notes: [
    `职务填：${COMMITTEE_POSTS.map((p) => COMMITTEE_POST_LABELS[p]).join('、')}。`,
    '人员须已在名册中；同一支部有重名时请填写身份证号。',
    '现任委员须是本支部党籍正常的正式党员；每个支部只能有一位现任书记。',
    '已离任的职务请填写离任日期，作为班子历史保存。“是否双带头人”只对书记有效，填“是”或“否”。',
  ],

  parse(get) {
    const issues: FieldIssue[] = []
    const organization = cellText(get('organization')?.value ?? null)
    if (!organization) issues.push({ field: 'organization', message: '请填写所在党支部' })
    const name = normalizeName(cellText(get('name')?.value ?? null))
    if (!name) issues.push({ field: 'name', message: '请填写姓名' })
    let idNumber: string | null = null
    const idCell = get('idNumber')
    if (idCell && idCell.value !== null && String(idCell.value).trim() !== '') {
      const id = parseIdNumber(typeof idCell.value === 'number' ? idCell.value : String(idCell.value))
      if (id.ok) idNumber = id.value
      else issues.push({ field: 'idNumber', message: id.message })
    }
    const postText = cellText(get('post')?.value ?? null).replace(/\s/g, '')
    const post = POST_ALIASES[postText]
    if (!post) issues.push({ field: 'post', message: postText ? `职务“${postText}”无法识别，应为：${COMMITTEE_POSTS.map((p) => COMMITTEE_POST_LABELS[p]).join('、')}` : '请填写职务' })
    const elected = requireFullDate(get('electedOn'), '任职日期')
    if (elected.kind === 'error') issues.push({ field: 'electedOn', message: elected.message })
    else if (elected.kind !== 'date') issues.push({ field: 'electedOn', message: '请填写任职日期' })
    const ended = requireFullDate(get('endedOn'), '离任日期')
    if (ended.kind === 'error') issues.push({ field: 'endedOn', message: ended.message })
    const electedOn = elected.kind === 'date' ? elected.date : null
    const endedOn = ended.kind === 'date' ? ended.date : null
    if (electedOn && endedOn && endedOn < electedOn) issues.push({ field: 'endedOn', message: `离任日期不能早于任职日期（${electedOn}）` })
    const dualText = cellText(get('dualLeader')?.value ?? null)
    if (!YES.has(dualText) && !NO.has(dualText)) issues.push({ field: 'dualLeader', message: `“是否双带头人”应填“是”或“否”，不是“${dualText}”` })
    if (YES.has(dualText) && post && post !== 'secretary') issues.push({ field: 'dualLeader', message: '“双带头人”只登记在书记身上' })
    if (issues.length > 0 || !post || !electedOn) return { record: null, issues, label: `${name || '（未填姓名）'}（${organization || '未填党支部'}${postText ? `，${postText}` : ''}）` }
    return { record: { organization, name, idNumber, post, electedOn, endedOn, dualLeader: YES.has(dualText) }, issues }
  },

  keyOf: (r) => `${r.organization}|${r.idNumber ?? r.name}|${r.post}|${r.electedOn}`,
  keyField: 'name',

  check(r, ctx, file) {
    const org = branchNamed(ctx, r.organization)
    if (!org || !isBranchType(org.type)) {
      const near = closeMatches(r.organization, orgRepo.allOrganizations(ctx.db).filter((o) => o.status === 'active' && isBranchType(o.type)).map((o) => o.name))
      return [{ field: 'organization', message: `找不到党支部“${r.organization}”${near.length ? `，是否是：${near.join('、')}？` : '，请先在“党组织”中建立'}（不会自动新建）` }]
    }
    const person = personOf(ctx, r, org.id)
    if ('field' in person) return [person]
    if (r.endedOn === null && !openPost(ctx, org.id, person.id, r.post, r.electedOn)) {
      const problem = appointmentProblem(ctx, { organizationId: org.id, memberId: person.id, post: r.post })
      if (problem) return [{ field: problem.includes('书记') && r.post === 'secretary' ? 'post' : 'name', message: problem }]
      // two current 书记 for one branch in the same file
      const other = file.find((f) => f.record !== r && f.record.organization === r.organization && f.record.post === 'secretary' && f.record.endedOn === null)
      if (r.post === 'secretary' && other) return [{ field: 'post', message: `本表第 ${other.row} 行也登记了该支部的现任书记，每个支部只能有一位现任书记` }]
    }
    return []
  },

  exists(r, ctx) {
    const org = branchNamed(ctx, r.organization)!
    const person = personOf(ctx, r, org.id) as { id: number }
    return openPost(ctx, org.id, person.id, r.post, r.electedOn) !== undefined
  },

  fillsBlanks(r, ctx) {
    const org = branchNamed(ctx, r.organization)!
    const post = openPost(ctx, org.id, (personOf(ctx, r, org.id) as { id: number }).id, r.post, r.electedOn)!
    return post.ended_on === null && r.endedOn !== null
  },

  apply(r, mode, ctx) {
    const org = branchNamed(ctx, r.organization)!
    const memberId = (personOf(ctx, r, org.id) as { id: number }).id
    const existing = openPost(ctx, org.id, memberId, r.post, r.electedOn)
    if (!existing) {
      const id = insertPost(ctx, { organizationId: org.id, memberId, post: r.post, electedOn: r.electedOn, endedOn: r.endedOn, dualLeader: r.dualLeader })
      recordAudit(ctx, { entity: 'committee_post', entityId: id, before: null, after: { ...r, organizationId: org.id, memberId } })
      return { action: 'insert', entityId: id, before: null }
    }
    // update: the file's dates and flag win; fill: only an end date the record lacks
    const after = mode === 'fill' ? { ...existing, ended_on: existing.ended_on ?? r.endedOn } : { ...existing, elected_on: r.electedOn, ended_on: r.endedOn ?? existing.ended_on, dual_leader: r.post === 'secretary' && r.dualLeader ? 1 : 0 }
    ctx.db.prepare('UPDATE committee_posts SET elected_on = ?, ended_on = ?, dual_leader = ? WHERE id = ?').run(after.elected_on, after.ended_on, after.dual_leader, existing.id)
    recordAudit(ctx, { entity: 'committee_post', entityId: existing.id, before: existing, after })
    return { action: 'update', entityId: existing.id, before: existing }
  },

  choices: { organization: branchNames, post: CODE_CHOICES.committeePost },

  describe: (r) => `${r.name}（${r.organization}，${COMMITTEE_POST_LABELS[r.post]}，${r.electedOn} 起${r.endedOn ? ` 至 ${r.endedOn}` : ''}）`,

  undoInsert(id, ctx) {
    const before = ctx.db.prepare('SELECT * FROM committee_posts WHERE id = ?').get(id)
    ctx.db.prepare('DELETE FROM committee_posts WHERE id = ?').run(id)
    recordAudit(ctx, { entity: 'committee_post', entityId: id, before, after: null })
  },

  undoUpdate(id, before, ctx) {
    const b = before as { elected_on: string; ended_on: string | null; dual_leader: number }
    const current = ctx.db.prepare('SELECT * FROM committee_posts WHERE id = ?').get(id)
    ctx.db.prepare('UPDATE committee_posts SET elected_on = ?, ended_on = ?, dual_leader = ? WHERE id = ?').run(b.elected_on, b.ended_on, b.dual_leader, id)
    recordAudit(ctx, { entity: 'committee_post', entityId: id, before: current, after: b })
  },
}
