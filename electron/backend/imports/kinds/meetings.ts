import { MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingType } from '../../../shared/meetings'
import { recordAudit } from '../../audit'
import { requireFullDate } from '../../excel/dates'
import { cellText } from '../../excel/normalize'
import { meetingOf, saveMeeting } from '../../meetings/service'
import * as orgRepo from '../../organizations/repository'
import type { FieldIssue, ImportKind } from '../kind'
import { closeMatches } from '../similar'
import { organizationNames } from '../choices'

/** One line of a 三会一课台账: how offices keep meetings in Excel today. */
export interface LedgerRecord {
  organization: string
  types: MeetingType[]
  heldOn: string
  title: string
  host: string | null
  recorder: string | null
  expectedCount: number | null
  presentCount: number | null
}

const TYPE_BY_LABEL = new Map<string, MeetingType>([
  ...MEETING_TYPES.map((t) => [MEETING_TYPE_LABELS[t], t] as [string, MeetingType]),
  ['党员大会', 'party_congress'],
  ['支部大会', 'party_congress'],
  ['支委会', 'committee_meeting'],
  ['支部委员会会议', 'committee_meeting'],
  ['小组会', 'group_meeting'],
  ['民主评议', 'appraisal'],
  ['中心组学习', 'study_group'],
])

function existing(ctx: Parameters<ImportKind<LedgerRecord>['exists']>[1], r: LedgerRecord): number | null {
  const org = orgRepo.findActiveByName(ctx.db, r.organization)
  if (!org) return null
  return (ctx.db.prepare("SELECT id FROM meetings WHERE organization_id = ? AND held_on = ? AND title = ? AND status = 'active'").pluck().get(org.id, r.heldOn, r.title) as number | undefined) ?? null
}

const count = (text: string, label: string, field: string, issues: FieldIssue[]): number | null => {
  if (!text) return null
  const n = Number(text.replace(/人$/, ''))
  if (!Number.isInteger(n) || n < 0) {
    issues.push({ field, message: `${label}“${text}”应为整数` })
    return null
  }
  return n
}

export const meetingLedgerImport: ImportKind<LedgerRecord> = {
  kind: 'meetings',
  label: '会议台账',
  entity: 'meeting',
  fields: [
    { key: 'organization', label: '党组织', synonyms: ['党支部', '所在党支部', '支部名称', '组织名称'], required: true },
    { key: 'types', label: '会议类型', synonyms: ['类型', '会议类别', '活动类型'], required: true },
    { key: 'heldOn', label: '日期', synonyms: ['会议日期', '召开日期', '时间', '会议时间'], required: true },
    { key: 'title', label: '主题', synonyms: ['会议主题', '内容', '议题', '会议内容'], required: true },
    { key: 'host', label: '主持人', synonyms: [] },
    { key: 'recorder', label: '记录人', synonyms: ['记录'] },
    { key: 'expectedCount', label: '应到人数', synonyms: ['应到'] },
    { key: 'presentCount', label: '实到人数', synonyms: ['实到'] },
  ],
  notes: ['会议类型可填多个，用顿号“、”或逗号分隔，例如：支部党员大会、党课、主题党日。', '这样的一行即是一条完整的台账记录，可计入达标统计；会议记录正文和出勤名单可以以后补充。'],

  parse(get) {
    const issues: FieldIssue[] = []
    const organization = cellText(get('organization')?.value ?? null)
    if (!organization) issues.push({ field: 'organization', message: '请填写党组织' })
    const typeTexts = cellText(get('types')?.value ?? null).split(/[、,，;；/]/).map((t) => t.trim()).filter(Boolean)
    const types = typeTexts.map((t) => TYPE_BY_LABEL.get(t))
    if (typeTexts.length === 0) issues.push({ field: 'types', message: '请填写会议类型' })
    const unknown = typeTexts.filter((_, i) => !types[i])
    if (unknown.length) issues.push({ field: 'types', message: `会议类型“${unknown.join('、')}”无法识别，应为：${MEETING_TYPES.map((t) => MEETING_TYPE_LABELS[t]).join('、')}` })
    const d = requireFullDate(get('heldOn'), '日期')
    if (d.kind === 'error') issues.push({ field: 'heldOn', message: d.message })
    if (d.kind === 'blank') issues.push({ field: 'heldOn', message: '请填写会议日期' })
    const title = cellText(get('title')?.value ?? null)
    if (!title) issues.push({ field: 'title', message: '请填写会议主题' })
    const expectedCount = count(cellText(get('expectedCount')?.value ?? null), '应到人数', 'expectedCount', issues)
    const presentCount = count(cellText(get('presentCount')?.value ?? null), '实到人数', 'presentCount', issues)
    if (expectedCount !== null && presentCount !== null && presentCount > expectedCount) issues.push({ field: 'presentCount', message: `实到人数（${presentCount}）多于应到人数（${expectedCount}）` })
    if (issues.length || d.kind !== 'date') return { record: null, issues, label: `${d.kind === 'date' ? `${d.date} ` : ''}${organization || '（未填党组织）'}：${title || '（未填主题）'}` }
    return {
      record: { organization, types: [...new Set(types as MeetingType[])], heldOn: d.date, title, host: cellText(get('host')?.value ?? null) || null, recorder: cellText(get('recorder')?.value ?? null) || null, expectedCount, presentCount },
      issues,
    }
  },

  keyOf: (r) => `${r.organization}|${r.heldOn}|${r.title}`,

  check(r, ctx) {
    if (orgRepo.findActiveByName(ctx.db, r.organization)) return []
    const near = closeMatches(r.organization, orgRepo.allOrganizations(ctx.db).filter((o) => o.status === 'active').map((o) => o.name))
    return [{ field: 'organization', message: `找不到党组织“${r.organization}”${near.length ? `，是否是：${near.join('、')}？` : ''}` }]
  },

  exists: (r, ctx) => existing(ctx, r) !== null,
  fillsBlanks: (r, ctx) => {
    const m = meetingOf(ctx, existing(ctx, r)!)
    return (!m.host && !!r.host) || (!m.recorder && !!r.recorder) || (m.presentCount === null && r.presentCount !== null)
  },

  apply(r, mode, ctx) {
    const org = orgRepo.findActiveByName(ctx.db, r.organization)!
    const id = existing(ctx, r)
    const before = id === null ? null : meetingOf(ctx, id)
    const keep = <T>(mine: T | null, theirs: T | null): T | null => (mode === 'fill' ? (mine ?? theirs) : (theirs ?? mine))
    const fields = {
      organizationId: org.id,
      types: r.types,
      title: r.title,
      heldOn: r.heldOn,
      startTime: before?.startTime ?? null,
      endTime: before?.endTime ?? null,
      place: before?.place ?? null,
      host: keep(before?.host ?? null, r.host),
      recorder: keep(before?.recorder ?? null, r.recorder),
      lecturer: before?.lecturer ?? null,
      observers: before?.observers ?? null,
      agenda: before?.agenda ?? null,
      discussion: before?.discussion ?? null,
      minutes: before?.minutes ?? null,
      expectedCount: keep(before?.expectedCount ?? null, r.expectedCount),
      presentCount: keep(before?.presentCount ?? null, r.presentCount),
      resolutions: before?.resolutions ?? [],
      attendance: null,
    }
    const saved = saveMeeting(ctx, fields, id, 'ledger')
    return { action: id === null ? 'insert' : 'update', entityId: saved.id, before }
  },

  choices: { organization: organizationNames },

  describe: (r) => `${r.heldOn} ${r.organization}：${r.title}（${r.types.map((t) => MEETING_TYPE_LABELS[t]).join('、')}）`,

  undoInsert(id, ctx) {
    const before = meetingOf(ctx, id)
    for (const table of ['meeting_types', 'resolutions', 'attendance', 'attachments']) ctx.db.prepare(`DELETE FROM ${table} WHERE meeting_id = ?`).run(id)
    ctx.db.prepare('DELETE FROM meeting_search WHERE rowid = ?').run(id)
    ctx.db.prepare('DELETE FROM meeting_chars WHERE rowid = ?').run(id)
    ctx.db.prepare('DELETE FROM meetings WHERE id = ?').run(id)
    recordAudit(ctx, { entity: 'meeting', entityId: id, before: { title: before.title, heldOn: before.heldOn }, after: null })
  },

  undoUpdate(id, before, ctx) {
    const b = before as ReturnType<typeof meetingOf>
    saveMeeting(ctx, { ...b, attendance: null }, id, b.source)
  },
}
