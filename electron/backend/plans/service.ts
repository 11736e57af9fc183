import type { z } from 'zod'
import type { planSaveInput } from '../../shared/contract/plans'
import { todayLocal, type IsoDate } from '../../shared/dates'
import type { MeetingType } from '../../shared/meetings'
import { matchPlans, planState, type HeldFacts, type PlanRow } from '../../shared/plans'
import { invalid, notFound } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'

type SaveInput = z.output<typeof planSaveInput>
/** a row as read, before what carried it out is found */
type Stored = Omit<PlanRow, 'state' | 'held'> & { status: 'active' | 'void' }
const SELECT = `SELECT p.id, p.organization_id AS organizationId, o.name AS organization, p.meeting_type AS meetingType, p.planned_on AS plannedOn,
  p.topic, p.speaker, p.place, p.status, p.void_reason AS voidReason FROM meeting_plans p JOIN organizations o ON o.id = p.organization_id`

/** The active meetings of some organizations within a period, with their types (a meeting may be of several). */
function heldMeetings(ctx: CallContext, orgs: readonly number[], from: IsoDate, to: IsoDate): HeldFacts[] {
  const rows = ctx.db
    .prepare(
      `SELECT m.id, m.organization_id AS organizationId, m.held_on AS heldOn, m.title, json_group_array(t.type) AS types
       FROM meetings m JOIN meeting_types t ON t.meeting_id = m.id
       WHERE m.status = 'active' AND m.held_on BETWEEN ? AND ? AND m.organization_id IN (SELECT value FROM json_each(?))
       GROUP BY m.id`,
    )
    .all(from, to, JSON.stringify(orgs)) as (Omit<HeldFacts, 'types'> & { types: string })[]
  return rows.map((r) => ({ ...r, types: JSON.parse(r.types) as MeetingType[] }))
}

/** Plans with what carried each out (docs/deadlines.md §10), as of a day. */
export function plansWithState(ctx: CallContext, plans: readonly Stored[], asOf: IsoDate): PlanRow[] {
  if (!plans.length) return []
  const dates = plans.map((p) => p.plannedOn).sort()
  const held = heldMeetings(ctx, [...new Set(plans.map((p) => p.organizationId))], `${dates[0]!.slice(0, 7)}-01`, `${dates.at(-1)!.slice(0, 7)}-31`)
  const matched = matchPlans(plans.filter((p) => p.status === 'active'), held)
  return plans.map(({ status, ...p }) => {
    const m = matched.get(p.id)
    return { ...p, state: status === 'void' ? 'void' : planState(p.plannedOn, !!m, asOf), held: m ? { meetingId: m.id, heldOn: m.heldOn, title: m.title } : null }
  })
}

/** A year's plans of an organization (and its 党小组), by date; 作废 ones stay, marked. */
export function listPlans(ctx: CallContext, organizationId: number, year: number, asOf: IsoDate | null): PlanRow[] {
  const rows = ctx.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id)
       ${SELECT} WHERE p.organization_id IN (SELECT id FROM sub) AND substr(p.planned_on, 1, 4) = ? ORDER BY p.planned_on, p.id`,
    )
    .all(organizationId, String(year)) as Stored[]
  return plansWithState(ctx, rows, asOf ?? todayLocal(ctx.now()))
}

/** Active plans of every organization (or some) due by a day, not yet carried out: the 工作台's plan items. */
export function activePlans(ctx: CallContext, from: IsoDate, to: IsoDate): PlanRow[] {
  const rows = ctx.db.prepare(`${SELECT} WHERE p.status = 'active' AND p.planned_on BETWEEN ? AND ? ORDER BY p.planned_on, p.id`).all(from, to) as Stored[]
  return plansWithState(ctx, rows, to)
}

function one(ctx: CallContext, id: number): PlanRow {
  const row = ctx.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Stored | undefined
  if (!row) throw notFound('会议计划')
  return plansWithState(ctx, [row], todayLocal(ctx.now()))[0]!
}

/** Adds or changes one planned meeting; a 作废 plan is not changed any more. */
export function savePlan(ctx: CallContext, i: SaveInput): PlanRow {
  const org = ctx.db.prepare("SELECT name, status FROM organizations WHERE id = ?").get(i.organizationId) as { name: string; status: string } | undefined
  if (!org) throw notFound('党组织')
  if (org.status !== 'active') throw invalid(`“${org.name}”已撤销，不能再制定会议计划`, 'organizationId')
  const at = ctx.now().toISOString()
  const before = i.id === null ? null : one(ctx, i.id)
  if (before?.state === 'void') throw invalid('该计划已作废，不能修改：请另行添加')
  let id = i.id
  if (id === null) {
    id = Number(
      ctx.db
        .prepare('INSERT INTO meeting_plans (organization_id, meeting_type, planned_on, topic, speaker, place, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(i.organizationId, i.meetingType, i.plannedOn, i.topic, i.speaker, i.place, at, at).lastInsertRowid,
    )
  } else {
    ctx.db.prepare('UPDATE meeting_plans SET organization_id = ?, meeting_type = ?, planned_on = ?, topic = ?, speaker = ?, place = ?, updated_at = ? WHERE id = ?').run(i.organizationId, i.meetingType, i.plannedOn, i.topic, i.speaker, i.place, at, id)
  }
  const after = one(ctx, id)
  recordAudit(ctx, { entity: 'meeting_plan', entityId: id, before, after })
  return after
}

export function voidPlan(ctx: CallContext, id: number, reason: string): PlanRow {
  const before = one(ctx, id)
  if (before.state === 'void') throw invalid('该计划已作废')
  ctx.db.prepare("UPDATE meeting_plans SET status = 'void', void_reason = ?, updated_at = ? WHERE id = ?").run(reason, ctx.now().toISOString(), id)
  const after = one(ctx, id)
  recordAudit(ctx, { entity: 'meeting_plan', entityId: id, before, after })
  return after
}
