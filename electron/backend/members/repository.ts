import type { Database } from 'better-sqlite3'
import type { LifecycleDates, Member, MemberEvent, MemberEventType, MemberFields, MemberStatus, Stage } from '../../shared/members'

/** members columns ↔ MemberFields keys (camelCase in code, snake_case in SQL). */
export const FIELD_COLUMNS: Record<keyof MemberFields, string> = {
  name: 'name',
  gender: 'gender',
  idNumber: 'id_number',
  ethnicity: 'ethnicity',
  birthDate: 'birth_date',
  education: 'education',
  degree: 'degree',
  title: 'title',
  department: 'department',
  position: 'position',
  adminPost: 'admin_post',
  partyPost: 'party_post',
  occupation: 'occupation',
  phone: 'phone',
  address: 'address',
  residence: 'residence',
  hukou: 'hukou',
  nativePlace: 'native_place',
  workStartedOn: 'work_started_on',
  partyAgeCorrection: 'party_age_correction',
  note: 'note',
  appliedOn: 'applied_on',
  talkedOn: 'talked_on',
  activistOn: 'activist_on',
  contacts: 'contacts',
  candidateOn: 'candidate_on',
  politicalReviewOn: 'political_review_on',
  trainingHours: 'training_hours',
  trainingTo: 'training_to',
  introducers: 'introducers',
  preReviewOn: 'pre_review_on',
  joinedOn: 'joined_on',
  approvedOn: 'approved_on',
  oathOn: 'oath_on',
  conversionAppliedOn: 'conversion_applied_on',
  convertedOn: 'converted_on',
  extensionMonths: 'extension_months',
}
const FIELD_KEYS = Object.keys(FIELD_COLUMNS) as (keyof MemberFields)[]

type Row = Record<string, unknown>

function fromRow(r: Row): Member {
  const fields = Object.fromEntries(FIELD_KEYS.map((k) => [k, r[FIELD_COLUMNS[k]] ?? null])) as unknown as MemberFields
  return {
    ...fields,
    partyAgeCorrection: Number(r.party_age_correction ?? 0),
    id: r.id as number,
    stage: r.stage as Stage,
    status: r.status as MemberStatus,
    organizationId: (r.organization_id as number | null) ?? null,
    organizationName: (r.organization_name as string | null) ?? null,
    mobile: (r.mobile as string | null) ?? null,
    lostContactSince: (r.lost_contact_since as string | null) ?? null,
    leftOn: (r.left_on as string | null) ?? null,
    leftReason: (r.left_reason as string | null) ?? null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  }
}

const SELECT = 'SELECT m.*, o.name AS organization_name FROM members m LEFT JOIN organizations o ON o.id = m.organization_id'

export function findMember(db: Database, id: number): Member | null {
  const r = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as Row | undefined
  return r ? fromRow(r) : null
}

/** Many records in one query (the pipeline and other lists that need whole records). */
export function findMembersWhere(db: Database, where: string, params: unknown[] = []): Member[] {
  return (db.prepare(`${SELECT} WHERE ${where} ORDER BY m.id`).all(...params) as Row[]).map(fromRow)
}

export function findByIdNumber(db: Database, idNumber: string): Member | null {
  const r = db.prepare(`${SELECT} WHERE m.id_number = ?`).get(idNumber) as Row | undefined
  return r ? fromRow(r) : null
}

/** The people holding any of these ID numbers, by ID number (one query for a whole import file). */
export function findByIdNumbers(db: Database, idNumbers: readonly string[]): Map<string, Member> {
  const rows = db.prepare(`${SELECT} WHERE m.id_number IN (SELECT value FROM json_each(?))`).all(JSON.stringify(idNumbers)) as Row[]
  return new Map(rows.map((r) => [r.id_number as string, fromRow(r)]))
}

const INSERT_MEMBER = `INSERT INTO members (${FIELD_KEYS.map((k) => FIELD_COLUMNS[k]).join(', ')}, stage, organization_id, created_at, updated_at)
  VALUES (${FIELD_KEYS.map(() => '?').join(', ')}, ?, ?, ?, ?)`

export function insertMember(db: Database, f: MemberFields, stage: Stage, organizationId: number, at: string): number {
  const values: unknown[] = FIELD_KEYS.map((k) => f[k] ?? null)
  values.push(stage, organizationId, at, at)
  return Number(db.prepare(INSERT_MEMBER).run(values).lastInsertRowid)
}

const UPDATE_FIELDS = `UPDATE members SET ${FIELD_KEYS.map((k) => `${FIELD_COLUMNS[k]} = ?`).join(', ')}, stage = ?, updated_at = ? WHERE id = ?`

export function updateFields(db: Database, id: number, f: MemberFields, stage: Stage, at: string): void {
  const values: unknown[] = FIELD_KEYS.map((k) => f[k] ?? null)
  values.push(stage, at, id)
  db.prepare(UPDATE_FIELDS).run(values)
}

export interface StatePatch {
  stage?: Stage
  status?: MemberStatus
  organizationId?: number | null
  mobile?: string | null
  lostContactSince?: string | null
  leftOn?: string | null
  leftReason?: string | null
}
const STATE_COLUMNS: Record<keyof StatePatch, string> = {
  stage: 'stage',
  status: 'status',
  organizationId: 'organization_id',
  mobile: 'mobile',
  lostContactSince: 'lost_contact_since',
  leftOn: 'left_on',
  leftReason: 'left_reason',
}

export function patchState(db: Database, id: number, patch: StatePatch & Partial<MemberFields>, at: string): void {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined)
  const col = (k: string) => STATE_COLUMNS[k as keyof StatePatch] ?? FIELD_COLUMNS[k as keyof MemberFields]
  if (entries.length === 0) return
  db.prepare(`UPDATE members SET ${entries.map(([k]) => `${col(k)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...entries.map(([, v]) => v), at, id)
}

export interface EventWrite {
  type: MemberEventType
  occurredOn: string
  organizationId?: number | null
  otherOrganization?: string | null
  letterNo?: string | null
  duesPaidTo?: string | null
  documentNo?: string | null
  reason?: string | null
  /** what the step changed (members/changes.ts), so that a 更正 can put it back */
  change?: unknown
  /** on a 更正: the step it revokes */
  revokes?: number | null
}

export function insertEvent(db: Database, memberId: number, e: EventWrite, user: string, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO member_events (member_id, type, occurred_on, organization_id, other_organization, letter_no, dues_paid_to, document_no, reason, user, created_at, change_json, revokes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(memberId, e.type, e.occurredOn, e.organizationId ?? null, e.otherOrganization ?? null, e.letterNo ?? null, e.duesPaidTo ?? null, e.documentNo ?? null, e.reason ?? null, user, at, e.change === undefined ? null : JSON.stringify(e.change), e.revokes ?? null).lastInsertRowid,
  )
}

/** A step still in force: not revoked by a 更正 (an SQL condition on member_events aliased `e`). */
export const IN_FORCE = 'NOT EXISTS (SELECT 1 FROM member_events r WHERE r.revokes = e.id)'

/** One stored step with what it changed (for a 更正). */
export interface StoredEvent {
  id: number
  memberId: number
  type: MemberEventType
  occurredOn: string
  change: unknown
  revokedBy: number | null
}

export function findEvent(db: Database, id: number): StoredEvent | null {
  const r = db.prepare('SELECT e.id, e.member_id, e.type, e.occurred_on, e.change_json, (SELECT r.id FROM member_events r WHERE r.revokes = e.id) AS revoked_by FROM member_events e WHERE e.id = ?').get(id) as Row | undefined
  if (!r) return null
  return { id: r.id as number, memberId: r.member_id as number, type: r.type as MemberEventType, occurredOn: r.occurred_on as string, change: r.change_json ? JSON.parse(r.change_json as string) : null, revokedBy: (r.revoked_by as number | null) ?? null }
}

/**
 * A person's timeline, oldest first, each step with who recorded it and when, the import that wrote it (an
 * import's history reads as the file's, not as if the importing clerk did it), and its 更正 if it has one.
 * `revocable` is filled in by the caller (members/revoke.ts), which knows what later steps changed.
 */
export function listEvents(db: Database, memberId: number): MemberEvent[] {
  const rows = db
    .prepare(
      `SELECT e.*, o.name AS organization_name,
              r.id AS r_id, r.occurred_on AS r_on, r.reason AS r_reason, r.user AS r_user,
              (SELECT b.file_name FROM import_batch_items i JOIN import_batches b ON b.id = i.batch_id
                 WHERE i.entity = 'member' AND i.entity_id = e.member_id AND i.action = 'insert' AND e.created_at = m.created_at AND e.change_json IS NULL
                 ORDER BY b.id DESC LIMIT 1) AS imported_from
       FROM member_events e JOIN members m ON m.id = e.member_id
       LEFT JOIN organizations o ON o.id = e.organization_id
       LEFT JOIN member_events r ON r.revokes = e.id
       WHERE e.member_id = ? ORDER BY e.occurred_on, e.id`,
    )
    .all(memberId) as Row[]
  return rows.map((r) => ({
    id: r.id as number,
    type: r.type as MemberEventType,
    occurredOn: r.occurred_on as string,
    organizationName: (r.organization_name as string | null) ?? null,
    otherOrganization: (r.other_organization as string | null) ?? null,
    letterNo: (r.letter_no as string | null) ?? null,
    duesPaidTo: (r.dues_paid_to as string | null) ?? null,
    documentNo: (r.document_no as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    user: r.user as string,
    createdAt: r.created_at as string,
    importedFrom: (r.imported_from as string | null) ?? null,
    revokes: (r.revokes as number | null) ?? null,
    revokedBy: r.r_id ? { id: r.r_id as number, on: r.r_on as string, reason: (r.r_reason as string | null) ?? null, user: r.r_user as string } : null,
    revocable: false,
  }))
}

/** 组织关系 history: close the open period and (optionally) open one in another organization. */
export function closeMembership(db: Database, memberId: number, on: string): void {
  db.prepare('UPDATE memberships SET to_date = ? WHERE member_id = ? AND to_date IS NULL').run(on, memberId)
}
export function openMembership(db: Database, memberId: number, organizationId: number, from: string): void {
  db.prepare('INSERT INTO memberships (member_id, organization_id, from_date) VALUES (?, ?, ?)').run(memberId, organizationId, from)
}

/** The latest 积极分子考察 (an event without a column of its own: activists are assessed every six months). */
export function lastAssessedOn(db: Database, memberId: number): string | null {
  return (db.prepare(`SELECT max(e.occurred_on) FROM member_events e WHERE e.member_id = ? AND e.type = 'assessed' AND ${IN_FORCE}`).pluck().get(memberId) as string | null) ?? null
}

/**
 * The people in development (and 预备党员) with only the dates their due items need: the pipeline reads
 * hundreds of them per call, so whole records would cost more than the rules (README, 发展党员进度).
 */
/** `orgs`: a JSON array of organization ids to keep to, or null for all */
export function pipelinePeople(db: Database, orgs: string | null): (LifecycleDates & { id: number; name: string; stage: Stage; organizationName: string | null; lastAssessedOn: string | null; lostContactSince: string | null })[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.name, m.stage, o.name AS organizationName, m.applied_on, m.talked_on, m.activist_on, m.candidate_on, m.training_hours, m.joined_on,
              m.approved_on, m.extension_months, m.conversion_applied_on, m.converted_on, m.lost_contact_since,
              (SELECT max(e.occurred_on) FROM member_events e WHERE e.member_id = m.id AND e.type = 'assessed' AND ${IN_FORCE}) AS last_assessed_on
       FROM members m LEFT JOIN organizations o ON o.id = m.organization_id
       WHERE m.status = 'normal' AND m.stage IN ('applicant','activist','candidate','probationary')
         AND (@orgs IS NULL OR m.organization_id IN (SELECT value FROM json_each(@orgs)))`,
    )
    .all({ orgs }) as Row[]
  return rows.map((r) => ({
    ...NO_DATES,
    id: r.id as number,
    name: r.name as string,
    stage: r.stage as Stage,
    organizationName: r.organizationName as string | null,
    appliedOn: r.applied_on as string | null,
    talkedOn: r.talked_on as string | null,
    activistOn: r.activist_on as string | null,
    candidateOn: r.candidate_on as string | null,
    trainingHours: r.training_hours as number | null,
    joinedOn: r.joined_on as string | null,
    approvedOn: r.approved_on as string | null,
    extensionMonths: r.extension_months as number | null,
    conversionAppliedOn: r.conversion_applied_on as string | null,
    convertedOn: r.converted_on as string | null,
    lostContactSince: r.lost_contact_since as string | null,
    lastAssessedOn: r.last_assessed_on as string | null,
  }))
}

const NO_DATES: LifecycleDates = {
  appliedOn: null, talkedOn: null, activistOn: null, contacts: null, candidateOn: null, politicalReviewOn: null, trainingHours: null, trainingTo: null, introducers: null,
  preReviewOn: null, joinedOn: null, approvedOn: null, oathOn: null, conversionAppliedOn: null, convertedOn: null, extensionMonths: null,
}
