import type { Database } from 'better-sqlite3'
import type { IsoDate } from '../../shared/dates'
import { overdueBy } from '../../shared/rules/supervision'
import type { ResolutionSupervision, SupervisionAttachment, SupervisionEvent, SupervisionItem, SupervisionMilestone, SupervisionRow, SupervisionStatus } from '../../shared/supervision'

const SELECT = `
  SELECT s.*, o.name AS organization, d.name AS lead_department, mt.title AS meeting_title, mt.held_on AS meeting_held_on,
         COALESCE((SELECT json_group_array(cd.name ORDER BY c.position) FROM supervision_co_departments c
                   JOIN departments cd ON cd.id = c.department_id WHERE c.item_id = s.id), '[]') AS co_departments,
         (SELECT count(*) FROM supervision_events e WHERE e.item_id = s.id AND e.kind = 'urge') AS urge_count,
         (SELECT json_object('title', m.title, 'dueOn', m.due_on) FROM supervision_milestones m
          WHERE m.item_id = s.id AND m.done_on IS NULL ORDER BY m.due_on, m.position LIMIT 1) AS next_milestone
  FROM supervision_items s
  JOIN organizations o ON o.id = s.organization_id
  JOIN departments d ON d.id = s.lead_department_id
  LEFT JOIN meetings mt ON mt.id = s.meeting_id`

type Row = Record<string, unknown>

function sourceText(r: Row): string {
  if (r.source === 'meeting') return `${String(r.meeting_title)}（${String(r.meeting_held_on)}）第${Number(r.resolution_seq)}条决议`
  if (r.source === 'document') return `上级交办：${String(r.document_no ?? '')}`
  return r.instructed_by ? `领导交办：${String(r.instructed_by)}` : '领导交办'
}

function fromRow(r: Row, asOf: IsoDate): SupervisionRow {
  const status = r.status as SupervisionStatus
  const nextMilestone = r.next_milestone ? (JSON.parse(r.next_milestone as string) as { title: string; dueOn: string }) : null
  // docs/deadlines.md §5, §14: open and past its 时限, or past a 节点 not done, on the day asked
  const late = overdueBy(status, r.due_on as string, nextMilestone, asOf)
  return {
    id: r.id as number,
    title: r.title as string,
    source: r.source as SupervisionRow['source'],
    sourceText: sourceText(r),
    meetingId: r.meeting_id as number | null,
    resolutionSeq: r.resolution_seq as number | null,
    major: r.major === 1,
    organizationId: r.organization_id as number,
    organization: r.organization as string,
    leadDepartment: r.lead_department as string,
    coDepartments: JSON.parse(r.co_departments as string) as string[],
    responsible: r.responsible as string | null,
    level: r.level as SupervisionRow['level'],
    assignedOn: r.assigned_on as string,
    dueOn: r.due_on as string,
    status,
    overdue: late.overdue,
    result: r.result as string | null,
    completedOn: r.completed_on as string | null,
    voidReason: r.void_reason as string | null,
    urgeCount: r.urge_count as number,
    nextMilestone,
    overdueMilestone: late.milestone,
  }
}

export function listItems(db: Database, asOf: IsoDate, f: { orgs: string | null; status: SupervisionStatus | null }): SupervisionRow[] {
  const rows = db
    .prepare(`${SELECT} WHERE (@orgs IS NULL OR s.organization_id IN (SELECT value FROM json_each(@orgs))) AND (@status IS NULL OR s.status = @status) ORDER BY s.due_on, s.id`)
    .all({ orgs: f.orgs, status: f.status }) as Row[]
  return rows.map((r) => fromRow(r, asOf))
}

export function findItem(db: Database, id: number, asOf: IsoDate): SupervisionItem | null {
  const r = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined
  if (!r) return null
  const events = db
    .prepare(
      `SELECT id, kind, occurred_on AS occurredOn, note, due_before AS dueBefore, due_after AS dueAfter, approved_by AS approvedBy, user, created_at AS createdAt
       FROM supervision_events WHERE item_id = ? ORDER BY id`,
    )
    .all(id) as Omit<SupervisionEvent, 'attachments'>[]
  const files = db
    .prepare(
      `SELECT a.event_id AS eventId, a.id, a.file_name AS fileName, a.mime, a.size, a.created_at AS createdAt, a.created_by AS createdBy,
              a.withdrawn_at AS withdrawnAt, a.withdrawn_by AS withdrawnBy, a.withdraw_reason AS withdrawReason
       FROM supervision_attachments a JOIN supervision_events e ON e.id = a.event_id WHERE e.item_id = ? ORDER BY a.id`,
    )
    .all(id) as (SupervisionAttachment & { eventId: number })[]
  const milestones = db
    .prepare('SELECT id, title, due_on AS dueOn, done_on AS doneOn, done_note AS doneNote FROM supervision_milestones WHERE item_id = ? ORDER BY due_on, position')
    .all(id) as SupervisionMilestone[]
  return {
    ...fromRow(r, asOf),
    resolutionText: r.resolution_text as string | null,
    documentNo: r.document_no as string | null,
    instructedBy: r.instructed_by as string | null,
    events: events.map((e) => ({ ...e, attachments: files.filter((f) => f.eventId === e.id).map(({ eventId: _e, ...f }) => f) })),
    milestones,
  }
}

/** The live (not void) item made from a meeting's decision, if any. */
export function itemFromResolution(db: Database, meetingId: number, seq: number): { id: number; title: string } | null {
  return (db.prepare("SELECT id, title FROM supervision_items WHERE meeting_id = ? AND resolution_seq = ? AND status <> 'void'").get(meetingId, seq) as { id: number; title: string } | undefined) ?? null
}

/** A meeting's decisions that became items (the link's other direction), void ones left out. */
export function itemsOfMeeting(db: Database, meetingId: number): ResolutionSupervision[] {
  return db.prepare("SELECT resolution_seq AS resolutionSeq, id, title, status FROM supervision_items WHERE meeting_id = ? AND status <> 'void' ORDER BY resolution_seq").all(meetingId) as ResolutionSupervision[]
}

/** The id of each named 科室, or the first name that is not one. */
export function departmentIds(db: Database, names: readonly string[]): { ids: number[] } | { unknown: string } {
  const find = db.prepare('SELECT id FROM departments WHERE name = ?').pluck()
  const ids: number[] = []
  for (const n of names) {
    const found = find.get(n) as number | undefined
    if (found === undefined) return { unknown: n }
    ids.push(found)
  }
  return { ids }
}

/** writes one dated step; answers its id (files attach to it) */
export function insertEvent(db: Database, itemId: number, e: { kind: SupervisionEvent['kind']; occurredOn: IsoDate; note?: string | null; dueBefore?: string | null; dueAfter?: string | null; approvedBy?: string | null }, user: string, at: string): number {
  const r = db.prepare('INSERT INTO supervision_events (item_id, kind, occurred_on, note, due_before, due_after, approved_by, user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    itemId, e.kind, e.occurredOn, e.note ?? null, e.dueBefore ?? null, e.dueAfter ?? null, e.approvedBy ?? null, user, at,
  )
  return Number(r.lastInsertRowid)
}
