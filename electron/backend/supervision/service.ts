import type { z } from 'zod'
import type { supervisionActInput, supervisionCreateInput } from '../../shared/contract/supervision'
import { todayLocal } from '../../shared/dates'
import { AppError, invalid, notFound } from '../../shared/result'
import { milestoneIssues, nextStatus } from '../../shared/rules/supervision'
import type { SupervisionItem } from '../../shared/supervision'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { attachFiles, findAttachment, keepFiles } from './attachments'
import * as repo from './repository'

type CreateInput = z.output<typeof supervisionCreateInput>
type ActInput = z.output<typeof supervisionActInput>

export function getItem(ctx: CallContext, id: number, asOf: string | null = null): SupervisionItem {
  const item = repo.findItem(ctx.db, id, asOf ?? todayLocal(ctx.now()))
  if (!item) throw notFound('督办事项')
  return item
}

/** Where the item comes from (docs/deadlines.md §6): the meeting's decision, a document or an instruction. */
function origin(ctx: CallContext, i: CreateInput): { organizationId: number; title: string; resolutionText: string | null; earliest: string | null } {
  if (i.source === 'meeting') {
    if (i.meetingId === null || i.resolutionSeq === null) throw invalid('请选择会议记录和其中的决议', 'resolutionSeq')
    const m = ctx.db.prepare('SELECT organization_id AS org, title, held_on AS heldOn, status FROM meetings WHERE id = ?').get(i.meetingId) as { org: number; title: string; heldOn: string; status: string } | undefined
    if (!m) throw notFound('会议记录')
    if (m.status === 'void') throw invalid(`会议记录“${m.title}”已作废，不能从中立项`)
    const text = ctx.db.prepare('SELECT text FROM resolutions WHERE meeting_id = ? AND seq = ?').pluck().get(i.meetingId, i.resolutionSeq) as string | undefined
    if (text === undefined) throw invalid(`会议记录“${m.title}”没有第${i.resolutionSeq}条决议`, 'resolutionSeq')
    const taken = repo.itemFromResolution(ctx.db, i.meetingId, i.resolutionSeq)
    if (taken) throw invalid(`该决议已立为督办事项（编号 ${taken.id}：${taken.title}），不能重复立项`, 'resolutionSeq')
    return { organizationId: m.org, title: i.title ?? text.slice(0, 500), resolutionText: text, earliest: m.heldOn }
  }
  if (i.source === 'document' && !i.documentNo) throw invalid('上级交办的事项请填写交办文件号', 'documentNo')
  if (i.organizationId === null) throw invalid('请选择党组织', 'organizationId')
  if (!ctx.db.prepare("SELECT 1 FROM organizations WHERE id = ? AND status = 'active'").get(i.organizationId)) throw notFound('党组织')
  if (!i.title) throw invalid('请填写督办事项', 'title')
  return { organizationId: i.organizationId, title: i.title, resolutionText: null, earliest: null }
}

/** 立项: every check before the first write, so a refused item leaves nothing behind. */
export function createItem(ctx: CallContext, i: CreateInput): SupervisionItem {
  const o = origin(ctx, i)
  if (o.earliest && i.assignedOn < o.earliest) throw invalid(`立项日期（${i.assignedOn}）不能早于会议日期（${o.earliest}）`, 'assignedOn')
  // docs/deadlines.md §14: with 节点 and no 时限, the 时限 is the last 节点's date
  const dueOn = i.dueOn ?? i.milestones.map((m) => m.dueOn).sort().at(-1)
  if (!dueOn) throw invalid('请填写办理时限，或至少一个节点', 'dueOn')
  if (dueOn < i.assignedOn) throw invalid(`办理时限（${dueOn}）不能早于立项日期（${i.assignedOn}）`, 'dueOn')
  const issues = milestoneIssues(i.milestones, i.assignedOn, dueOn)
  if (issues.length) throw new AppError('VALIDATION', issues.map((x) => x.message).join('；'), issues)
  const lead = repo.departmentIds(ctx.db, [i.leadDepartment])
  if ('unknown' in lead) throw invalid(`没有名为“${lead.unknown}”的科室（牵头部门须是党组织所辖科室中登记过的科室）`, 'leadDepartment')
  const co = repo.departmentIds(ctx.db, [...new Set(i.coDepartments)].filter((d) => d !== i.leadDepartment))
  if ('unknown' in co) throw invalid(`没有名为“${co.unknown}”的科室（协办部门须是登记过的科室）`, 'coDepartments')
  const at = ctx.now().toISOString()
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO supervision_items (title, source, meeting_id, resolution_seq, resolution_text, document_no, instructed_by, major, organization_id, lead_department_id, responsible, level, assigned_on, due_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(o.title, i.source, i.source === 'meeting' ? i.meetingId : null, i.source === 'meeting' ? i.resolutionSeq : null, o.resolutionText, i.documentNo, i.instructedBy, i.major ? 1 : 0, o.organizationId, lead.ids[0]!, i.responsible, i.level, i.assignedOn, dueOn, at, at).lastInsertRowid,
  )
  const link = ctx.db.prepare('INSERT INTO supervision_co_departments (item_id, department_id, position) VALUES (?, ?, ?)')
  co.ids.forEach((d, position) => link.run(id, d, position))
  const step = ctx.db.prepare('INSERT INTO supervision_milestones (item_id, position, title, due_on) VALUES (?, ?, ?, ?)')
  i.milestones.forEach((m, position) => step.run(id, position, m.title, m.dueOn))
  repo.insertEvent(ctx.db, id, { kind: 'created', occurredOn: i.assignedOn, dueAfter: dueOn }, ctx.user, at)
  const item = getItem(ctx, id)
  recordAudit(ctx, { entity: 'supervision', entityId: id, before: null, after: audited(item) })
  return item
}

/** One dated step (docs/deadlines.md §6): checked against the item's status and dates, then written with its audit entry. */
export function act(ctx: CallContext, a: ActInput): SupervisionItem {
  const before = getItem(ctx, a.id)
  const next = nextStatus(before.status, a.action)
  if ('problem' in next) throw invalid(next.problem)
  if (a.on < before.assignedOn) throw invalid(`日期（${a.on}）不能早于立项日期（${before.assignedOn}）`, 'on')
  // the files are kept (by content hash, files.ts) before anything is written: a refused file refuses the whole step
  const kept = 'files' in a ? keepFiles(ctx, a.files) : []
  const at = ctx.now().toISOString()
  const set = (sql: string, ...values: unknown[]) => ctx.db.prepare(`UPDATE supervision_items SET ${sql}, updated_at = ? WHERE id = ?`).run(...values, at, a.id)
  switch (a.action) {
    case 'extend':
      // 延期: a later 时限, with the reason (and who approved it) on the record
      if (a.dueOn <= before.dueOn) throw invalid(`新的办理时限（${a.dueOn}）应晚于现在的时限（${before.dueOn}）`, 'dueOn')
      set('due_on = ?', a.dueOn)
      repo.insertEvent(ctx.db, a.id, { kind: 'extend', occurredOn: a.on, note: a.reason, dueBefore: before.dueOn, dueAfter: a.dueOn, approvedBy: a.approvedBy }, ctx.user, at)
      break
    case 'request':
    case 'complete':
      set('status = ?, result = ?, completed_on = ?', next.status, a.result, a.action === 'complete' ? a.on : null)
      attachFiles(ctx, repo.insertEvent(ctx.db, a.id, { kind: a.action, occurredOn: a.on, note: a.result }, ctx.user, at), kept, at)
      break
    case 'return':
      set('status = ?', next.status)
      repo.insertEvent(ctx.db, a.id, { kind: 'return', occurredOn: a.on, note: a.reason }, ctx.user, at)
      break
    case 'void':
      set('status = ?, void_reason = ?', next.status, a.reason)
      repo.insertEvent(ctx.db, a.id, { kind: 'void', occurredOn: a.on, note: a.reason }, ctx.user, at)
      break
    default:
      if (next.status !== before.status) set('status = ?', next.status)
      attachFiles(ctx, repo.insertEvent(ctx.db, a.id, { kind: a.action, occurredOn: a.on, note: a.note }, ctx.user, at), kept, at)
  }
  const after = getItem(ctx, a.id)
  const files = kept.map((f) => ({ fileName: f.fileName, sha256: f.sha256 }))
  recordAudit(ctx, { entity: 'supervision', entityId: a.id, before: audited(before), after: { ...audited(after), action: a.action, on: a.on, ...(files.length ? { files } : {}) } })
  return after
}

/** 撤回 a file attached by mistake (docs/deadlines.md §6): it stays, on disk and listed, marked with who, when and why. */
export function withdrawAttachment(ctx: CallContext, id: number, reason: string): SupervisionItem {
  const a = findAttachment(ctx, id)
  if (a.withdrawnAt) throw invalid(`附件“${a.fileName}”已经撤回过了`)
  ctx.db.prepare('UPDATE supervision_attachments SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?').run(ctx.now().toISOString(), ctx.user, reason, id)
  const item = getItem(ctx, a.itemId)
  recordAudit(ctx, { entity: 'supervision', entityId: a.itemId, before: null, after: { withdrawnAttachment: id, fileName: a.fileName, sha256: a.sha256, reason } })
  return item
}

/** 节点 done (docs/deadlines.md §14): dated not before the 立项日期 nor in the future, with what was done; once. */
export function milestoneDone(ctx: CallContext, id: number, on: string, note: string): SupervisionItem {
  const m = ctx.db.prepare('SELECT item_id AS itemId, title, done_on AS doneOn FROM supervision_milestones WHERE id = ?').get(id) as { itemId: number; title: string; doneOn: string | null } | undefined
  if (!m) throw notFound('该节点')
  const before = getItem(ctx, m.itemId)
  if (before.status === 'void') throw invalid('事项已作废，不能再登记节点完成')
  if (m.doneOn) throw invalid(`节点“${m.title}”已于${m.doneOn}完成`)
  if (on < before.assignedOn) throw invalid(`完成日期（${on}）不能早于立项日期（${before.assignedOn}）`, 'on')
  if (on > todayLocal(ctx.now())) throw invalid(`完成日期（${on}）不能晚于今天`, 'on')
  ctx.db.prepare('UPDATE supervision_milestones SET done_on = ?, done_note = ? WHERE id = ?').run(on, note, id)
  const after = getItem(ctx, m.itemId)
  recordAudit(ctx, { entity: 'supervision', entityId: m.itemId, before: audited(before), after: { ...audited(after), milestoneDone: { id, title: m.title, on, note } } })
  return after
}

/** What the audit keeps of an item: its state, not its whole history (each step is its own entry). */
function audited(i: SupervisionItem) {
  const { events: _events, overdue: _overdue, urgeCount: _urges, overdueMilestone: _late, nextMilestone: _next, ...state } = i
  return state
}
