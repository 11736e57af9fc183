import type { z } from 'zod'
import type { meetingFieldsInput } from '../../shared/contract/meetings'
import { BRANCH_MEETING_TYPES, MEETING_TYPE_LABELS, type Meeting, type MeetingFields } from '../../shared/meetings'
import { isBranchType } from '../../shared/organizations'
import { invalid, notFound } from '../../shared/result'
import { quorum, voteProblem } from '../../shared/rules/quorum'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { MEETING_FILE_TYPES, readStoredFile, storeFile } from '../files'
import { findOrganization } from '../organizations/repository'
import { itemsOfMeeting } from '../supervision/repository'
import * as repo from './repository'
import { expectedAttendees } from './roster'

export type MeetingInput = z.output<typeof meetingFieldsInput>

/** What keeps a record from counting toward compliance (no 记录人, no attendance, no content). */
export function missingEssentials(m: Omit<Meeting, 'missing' | 'quorum' | 'supervision'>): string[] {
  const missing: string[] = []
  if (!m.recorder) missing.push('记录人')
  if (m.attendance.length === 0 && m.presentCount === null) missing.push('出勤情况')
  if (m.source !== 'ledger' && !m.minutes && !m.agenda && !m.discussion) missing.push('会议内容')
  return missing
}

export function meetingOf(ctx: CallContext, id: number): Meeting {
  const stored = repo.findMeeting(ctx.db, id)
  if (!stored) throw notFound('该会议记录')
  const attendance = repo.attendanceOf(ctx.db, id)
  const base = { ...stored, resolutions: repo.resolutionsOf(ctx.db, id), attendance, attachments: repo.attachmentsOf(ctx.db, id) }
  const voting = attendance.filter((a) => a.voting && a.status !== 'excluded' && a.status !== 'observer')
  return {
    ...base,
    missing: missingEssentials(base),
    quorum: attendance.length ? quorum(voting.length, voting.filter((a) => a.status === 'present').length) : null,
    supervision: itemsOfMeeting(ctx.db, id),
  }
}

function check(ctx: CallContext, f: MeetingInput): { voting: Map<number, boolean> } {
  const org = findOrganization(ctx.db, f.organizationId)
  if (!org) throw invalid('所选党组织不存在', 'organizationId')
  if (org.status === 'dissolved' && org.dissolvedOn && f.heldOn > org.dissolvedOn) throw invalid(`“${org.name}”已于${org.dissolvedOn}撤销，不能登记此后的会议`)
  const branchLevel = isBranchType(org.type) || org.type === 'party_group'
  const wrong = f.types.filter((t) => BRANCH_MEETING_TYPES.includes(t) !== branchLevel)
  if (wrong.length) throw invalid(`${org.name}不召开“${wrong.map((t) => MEETING_TYPE_LABELS[t]).join('、')}”：${branchLevel ? '党委会、中心组学习在院党委登记' : '三会一课在各支部登记'}`, 'types')
  const expected = new Map(expectedAttendees(ctx.db, f.organizationId, f.heldOn, f.types).map((e) => [e.memberId, e.voting]))
  for (const a of f.attendance ?? []) {
    if (!expected.has(a.memberId) && a.status !== 'observer') throw invalid('出勤名单中有人不是该支部在会议当天的党员，只能登记为“列席”', 'attendance')
    if ((a.status === 'leave' || a.status === 'excluded') && !a.reason) throw invalid(`请为请假或不计应到的人员填写原因`, 'attendance')
  }
  const presentVoting = (f.attendance ?? []).filter((a) => a.status === 'present' && expected.get(a.memberId)).length
  if (f.attendance)
    for (const r of f.resolutions) {
      const problem = voteProblem(r.yes ?? 0, r.no ?? 0, r.abstain ?? 0, presentVoting)
      if (problem) throw invalid(`决议“${r.text.slice(0, 20)}”：${problem}`, 'resolutions')
    }
  if (f.presentCount !== null && f.expectedCount !== null && f.presentCount > f.expectedCount + 50) throw invalid('实到人数明显多于应到人数，请核对')
  return { voting: expected }
}

export function saveMeeting(ctx: CallContext, f: MeetingInput, id: number | null, source: 'form' | 'ledger' = 'form'): Meeting {
  const { voting } = check(ctx, f)
  const fields: MeetingFields = f
  const at = ctx.now().toISOString()
  const before = id === null ? null : meetingOf(ctx, id)
  if (before?.status === 'void') throw invalid('作废的会议记录不能修改')
  // a decision that became a 督办事项 stays: the item names it by its number (docs/deadlines.md §6)
  const cut = before?.supervision.find((s) => s.resolutionSeq > f.resolutions.length)
  if (cut) throw invalid(`第${cut.resolutionSeq}条决议已立为督办事项（编号 ${cut.id}：${cut.title}），不能删除；确需删除请先作废该督办事项`, 'resolutions')
  const meetingId = id === null ? repo.insertMeeting(ctx.db, fields, source, at) : (repo.updateMeeting(ctx.db, id, fields, at), id)
  if (f.attendance) repo.writeAttendance(ctx.db, meetingId, f.attendance.map((a) => ({ ...a, voting: voting.get(a.memberId) ?? false })))
  const after = meetingOf(ctx, meetingId)
  recordAudit(ctx, { entity: 'meeting', entityId: meetingId, before, after: { ...after, attachments: after.attachments.length } })
  return after
}

export function attach(ctx: CallContext, meetingId: number, fileName: string, contentBase64: string): Meeting {
  meetingOf(ctx, meetingId)
  const { sha256, mime, size } = storeFile(ctx, fileName, contentBase64, MEETING_FILE_TYPES)
  const id = Number(ctx.db.prepare('INSERT INTO attachments (meeting_id, sha256, file_name, mime, size, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(meetingId, sha256, fileName, mime, size, ctx.now().toISOString()).lastInsertRowid)
  recordAudit(ctx, { entity: 'meeting', entityId: meetingId, before: null, after: { attachment: id, fileName, sha256 } })
  return meetingOf(ctx, meetingId)
}

export function attachmentContent(ctx: CallContext, id: number): { fileName: string; mime: string; contentBase64: string } {
  const a = ctx.db.prepare('SELECT file_name, mime, sha256 FROM attachments WHERE id = ?').get(id) as { file_name: string; mime: string; sha256: string } | undefined
  if (!a) throw notFound('该附件')
  return { fileName: a.file_name, mime: a.mime, contentBase64: readStoredFile(ctx, a.sha256, a.file_name) }
}
