import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import type { workPointSaveInput } from '../../shared/contract/work-points'
import { todayLocal, type IsoDate } from '../../shared/dates'
import { invalid, notFound } from '../../shared/result'
import { workPointState, type Milestone, type WorkPoint } from '../../shared/work-points'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { departmentIds } from '../supervision/repository'

type SaveInput = z.output<typeof workPointSaveInput>
/** a row as read, before its milestones and its state on a day are added */
type Stored = Omit<WorkPoint, 'milestones' | 'state'> & { status: 'active' | 'void' }
const SELECT = `SELECT w.id, w.year, w.kind, w.title, d.name AS leadDepartment, w.responsible, w.due_on AS dueOn, w.completed_on AS completedOn,
  w.result, w.status, w.void_reason AS voidReason FROM work_points w JOIN departments d ON d.id = w.lead_department_id`

function withMilestones(db: Database, rows: Stored[], asOf: IsoDate): WorkPoint[] {
  const milestones = db.prepare('SELECT title, due_on AS dueOn, done_on AS doneOn FROM work_point_milestones WHERE point_id = ? ORDER BY position')
  return rows.map(({ status, ...r }) => ({ ...r, milestones: milestones.all(r.id) as Milestone[], state: workPointState({ ...r, void: status === 'void' }, asOf) }))
}

export function listWorkPoints(ctx: CallContext, year: number, asOf: IsoDate | null): WorkPoint[] {
  const rows = ctx.db.prepare(`${SELECT} WHERE w.year = ? ORDER BY w.kind, w.due_on, w.id`).all(year) as Stored[]
  return withMilestones(ctx.db, rows, asOf ?? todayLocal(ctx.now()))
}

/** Open items and their milestones not yet reached, for the 工作台 (docs/deadlines.md §11). */
export function openWorkPoints(ctx: CallContext, asOf: IsoDate): WorkPoint[] {
  const rows = ctx.db.prepare(`${SELECT} WHERE w.status = 'active' AND (w.completed_on IS NULL OR w.completed_on > ?) ORDER BY w.due_on, w.id`).all(asOf) as Stored[]
  return withMilestones(ctx.db, rows, asOf)
}

function one(ctx: CallContext, id: number): WorkPoint {
  const row = ctx.db.prepare(`${SELECT} WHERE w.id = ?`).get(id) as Stored | undefined
  if (!row) throw notFound('工作要点')
  return withMilestones(ctx.db, [row], todayLocal(ctx.now()))[0]!
}

/** Every check before the first write (docs/deadlines.md §11), so a refused item leaves nothing behind. */
export function saveWorkPoint(ctx: CallContext, i: SaveInput): WorkPoint {
  if (i.dueOn.slice(0, 4) !== String(i.year)) throw invalid(`完成时限（${i.dueOn}）应在${i.year}年内`, 'dueOn')
  const late = i.milestones.findIndex((m) => m.dueOn > i.dueOn)
  if (late >= 0) throw invalid(`第${late + 1}个里程碑的日期（${i.milestones[late]!.dueOn}）晚于完成时限（${i.dueOn}）`, `milestones.${late}.dueOn`)
  if ((i.completedOn === null) !== (i.result === null)) throw invalid(i.completedOn ? '完成时请写明完成情况' : '写了完成情况，请同时填写完成日期', i.completedOn ? 'result' : 'completedOn')
  const lead = departmentIds(ctx.db, [i.leadDepartment])
  if ('unknown' in lead) throw invalid(`没有名为“${lead.unknown}”的科室（牵头部门须是登记过的科室）`, 'leadDepartment')
  const before = i.id === null ? null : one(ctx, i.id)
  if (before?.state === 'void') throw invalid('该事项已作废，不能修改：请另行添加')
  const at = ctx.now().toISOString()
  const values = [i.year, i.kind, i.title, lead.ids[0]!, i.responsible, i.dueOn, i.completedOn, i.result, at]
  let id = i.id
  if (id === null) {
    id = Number(ctx.db.prepare('INSERT INTO work_points (year, kind, title, lead_department_id, responsible, due_on, completed_on, result, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...values, at).lastInsertRowid)
  } else {
    ctx.db.prepare('UPDATE work_points SET year = ?, kind = ?, title = ?, lead_department_id = ?, responsible = ?, due_on = ?, completed_on = ?, result = ?, updated_at = ? WHERE id = ?').run(...values, id)
    ctx.db.prepare('DELETE FROM work_point_milestones WHERE point_id = ?').run(id)
  }
  const add = ctx.db.prepare('INSERT INTO work_point_milestones (point_id, position, title, due_on, done_on) VALUES (?, ?, ?, ?, ?)')
  i.milestones.forEach((m, position) => add.run(id, position, m.title, m.dueOn, m.doneOn))
  const after = one(ctx, id)
  recordAudit(ctx, { entity: 'work_point', entityId: id, before, after })
  return after
}

export function voidWorkPoint(ctx: CallContext, id: number, reason: string): WorkPoint {
  const before = one(ctx, id)
  if (before.state === 'void') throw invalid('该事项已作废')
  ctx.db.prepare("UPDATE work_points SET status = 'void', void_reason = ?, updated_at = ? WHERE id = ?").run(reason, ctx.now().toISOString(), id)
  const after = one(ctx, id)
  recordAudit(ctx, { entity: 'work_point', entityId: id, before, after })
  return after
}
