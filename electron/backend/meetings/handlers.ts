import type { meetingsContract } from '../../shared/contract/meetings'
import { invalid, notFound } from '../../shared/result'
import { recordAudit } from '../audit'
import type { Handlers } from '../handler'
import { complianceGrid } from './compliance'
import { expectedAttendees } from './roster'
import { listMeetings } from './search'
import { attach, attachmentContent, meetingOf, saveMeeting } from './service'
import { meetingTemplate } from './templates'

export const meetingsHandlers: Handlers<typeof meetingsContract> = {
  'meetings.list': (input, ctx) => listMeetings(ctx, input),
  'meetings.get': ({ id }, ctx) => meetingOf(ctx, id),
  'meetings.create': (input, ctx) => saveMeeting(ctx, input, null),
  'meetings.update': ({ id, fields }, ctx) => saveMeeting(ctx, fields, id),
  // records are never deleted: a wrong one is voided with a reason and stays visible in the audit trail
  'meetings.void': ({ id, reason }, ctx) => {
    const before = meetingOf(ctx, id)
    ctx.db.prepare("UPDATE meetings SET status = 'void', void_reason = ?, updated_at = ? WHERE id = ?").run(reason, ctx.now().toISOString(), id)
    recordAudit(ctx, { entity: 'meeting', entityId: id, before: { status: before.status }, after: { status: 'void', reason } })
    return meetingOf(ctx, id)
  },
  'meetings.expected': ({ organizationId, heldOn, types }, ctx) => expectedAttendees(ctx.db, organizationId, heldOn, types),
  'meetings.template': ({ organizationId, types, source }, ctx) => meetingTemplate(ctx, organizationId, types, source),
  'meetings.attach': ({ meetingId, fileName, contentBase64 }, ctx) => attach(ctx, meetingId, fileName, contentBase64),
  'meetings.attachment': ({ id }, ctx) => attachmentContent(ctx, id),
  // 补课: an absentee makes up the content later; recorded on their attendance line
  'meetings.makeup': ({ meetingId, memberId, makeupOn, note }, ctx) => {
    const m = meetingOf(ctx, meetingId)
    const line = m.attendance.find((a) => a.memberId === memberId)
    if (!line || (line.status !== 'leave' && line.status !== 'absent')) throw invalid('只有请假或缺席的人员需要登记补课')
    if (makeupOn < m.heldOn) throw invalid('补课日期不能早于会议日期')
    ctx.db.prepare('UPDATE attendance SET makeup_on = ?, makeup_note = ? WHERE meeting_id = ? AND member_id = ?').run(makeupOn, note, meetingId, memberId)
    recordAudit(ctx, { entity: 'meeting', entityId: meetingId, before: line, after: { ...line, makeupOn, makeupNote: note } })
    return meetingOf(ctx, meetingId)
  },
  'compliance.grid': ({ from, to, organizationId }, ctx) => {
    if (to < from) throw invalid('结束日期不能早于开始日期')
    return complianceGrid(ctx, from, to, organizationId)
  },
  'compliance.exempt': (input, ctx) => {
    ctx.db
      .prepare('INSERT INTO compliance_exemptions (organization_id, type, period, note, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(organization_id, type, period) DO UPDATE SET note = excluded.note')
      .run(input.organizationId, input.type, input.period, input.note, ctx.now().toISOString())
    recordAudit(ctx, { entity: 'compliance_exemption', entityId: input.organizationId, before: null, after: input })
    return { ok: true as const }
  },
  'compliance.unexempt': ({ organizationId, type, period }, ctx) => {
    const before = ctx.db.prepare('SELECT organization_id AS organizationId, type, period, note FROM compliance_exemptions WHERE organization_id = ? AND type = ? AND period = ?').get(organizationId, type, period)
    if (!before) throw notFound('该期间的免于考核登记')
    ctx.db.prepare('DELETE FROM compliance_exemptions WHERE organization_id = ? AND type = ? AND period = ?').run(organizationId, type, period)
    recordAudit(ctx, { entity: 'compliance_exemption', entityId: organizationId, before, after: null })
    return { ok: true as const }
  },
}
