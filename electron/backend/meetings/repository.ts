import type { Database } from 'better-sqlite3'
import { charTokens } from './char-tokens'
import { MEETING_TYPES, type AttachmentInfo, type AttendanceEntry, type MeetingFields, type MeetingType, type Resolution } from '../../shared/meetings'

type Row = Record<string, unknown>

export interface StoredMeeting extends Omit<MeetingFields, 'resolutions'> {
  id: number
  organizationName: string
  source: 'form' | 'ledger'
  status: 'active' | 'void'
  createdAt: string
  updatedAt: string
}

export function findMeeting(db: Database, id: number): StoredMeeting | null {
  const r = db.prepare('SELECT m.*, o.name AS organization_name FROM meetings m JOIN organizations o ON o.id = m.organization_id WHERE m.id = ?').get(id) as Row | undefined
  if (!r) return null
  return {
    id: r.id as number,
    organizationId: r.organization_id as number,
    organizationName: r.organization_name as string,
    types: (db.prepare('SELECT type FROM meeting_types WHERE meeting_id = ?').pluck().all(id) as MeetingType[]).sort((a, b) => MEETING_TYPES.indexOf(a) - MEETING_TYPES.indexOf(b)),
    title: r.title as string,
    heldOn: r.held_on as string,
    startTime: r.start_time as string | null,
    endTime: r.end_time as string | null,
    place: r.place as string | null,
    host: r.host as string | null,
    recorder: r.recorder as string | null,
    lecturer: r.lecturer as string | null,
    observers: r.observers as string | null,
    agenda: r.agenda as string | null,
    discussion: r.discussion as string | null,
    minutes: r.minutes as string | null,
    expectedCount: r.expected_count as number | null,
    presentCount: r.present_count as number | null,
    source: r.source as 'form' | 'ledger',
    status: r.status as 'active' | 'void',
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  }
}

export function resolutionsOf(db: Database, id: number): Resolution[] {
  return (db.prepare('SELECT text, category, yes, no, abstain FROM resolutions WHERE meeting_id = ? ORDER BY seq').all(id) as Resolution[]).map((r) => ({ ...r }))
}

export function attendanceOf(db: Database, id: number): AttendanceEntry[] {
  return (
    db
      .prepare('SELECT a.*, m.name FROM attendance a JOIN members m ON m.id = a.member_id WHERE a.meeting_id = ? ORDER BY a.voting DESC, m.id')
      .all(id) as Row[]
  ).map((r) => ({
    memberId: r.member_id as number,
    name: r.name as string,
    voting: r.voting === 1,
    status: r.status as AttendanceEntry['status'],
    reason: r.reason as string | null,
    makeupOn: r.makeup_on as string | null,
    makeupNote: r.makeup_note as string | null,
  }))
}

export function attachmentsOf(db: Database, id: number): AttachmentInfo[] {
  return db.prepare('SELECT id, file_name AS fileName, mime, size, sha256 FROM attachments WHERE meeting_id = ? ORDER BY id').all(id) as AttachmentInfo[]
}

const COLUMNS = ['organization_id', 'title', 'held_on', 'start_time', 'end_time', 'place', 'host', 'recorder', 'lecturer', 'observers', 'agenda', 'discussion', 'minutes', 'expected_count', 'present_count'] as const
const values = (f: Omit<MeetingFields, 'resolutions' | 'types'>) => [f.organizationId, f.title, f.heldOn, f.startTime, f.endTime, f.place, f.host, f.recorder, f.lecturer, f.observers, f.agenda, f.discussion, f.minutes, f.expectedCount, f.presentCount]

export function insertMeeting(db: Database, f: MeetingFields, source: 'form' | 'ledger', at: string): number {
  const id = Number(
    db
      .prepare(`INSERT INTO meetings (${COLUMNS.join(', ')}, source, created_at, updated_at) VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`)
      .run(...values(f), source, at, at).lastInsertRowid,
  )
  writeParts(db, id, f)
  return id
}

export function updateMeeting(db: Database, id: number, f: MeetingFields, at: string): void {
  db.prepare(`UPDATE meetings SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...values(f), at, id)
  writeParts(db, id, f)
}

/** Types, resolutions and the search text are rewritten with the record (attendance and attachments are kept). */
function writeParts(db: Database, id: number, f: MeetingFields): void {
  db.prepare('DELETE FROM meeting_types WHERE meeting_id = ?').run(id)
  const t = db.prepare('INSERT INTO meeting_types (meeting_id, type) VALUES (?, ?)')
  for (const type of new Set(f.types)) t.run(id, type)
  db.prepare('DELETE FROM resolutions WHERE meeting_id = ?').run(id)
  const r = db.prepare('INSERT INTO resolutions (meeting_id, seq, text, category, yes, no, abstain) VALUES (?, ?, ?, ?, ?, ?, ?)')
  f.resolutions.forEach((x, i) => r.run(id, i + 1, x.text, x.category, x.yes, x.no, x.abstain))
  db.prepare('DELETE FROM meeting_search WHERE rowid = ?').run(id)
  const body = [f.title, f.agenda, f.discussion, f.minutes, ...f.resolutions.map((x) => x.text)].filter(Boolean).join('\n')
  db.prepare('INSERT INTO meeting_search (rowid, body) VALUES (?, ?)').run(id, body)
  db.prepare('DELETE FROM meeting_chars WHERE rowid = ?').run(id)
  db.prepare('INSERT INTO meeting_chars (rowid, body) VALUES (?, ?)').run(id, charTokens(body))
}

export function writeAttendance(db: Database, id: number, entries: { memberId: number; voting: boolean; status: string; reason: string | null }[]): void {
  const keep = new Map((db.prepare('SELECT member_id, makeup_on, makeup_note FROM attendance WHERE meeting_id = ?').all(id) as Row[]).map((r) => [r.member_id as number, r]))
  db.prepare('DELETE FROM attendance WHERE meeting_id = ?').run(id)
  const ins = db.prepare('INSERT INTO attendance (meeting_id, member_id, voting, status, reason, makeup_on, makeup_note) VALUES (?, ?, ?, ?, ?, ?, ?)')
  // a make-up (补课) already recorded for an absentee survives the edit of the record
  for (const e of entries) ins.run(id, e.memberId, e.voting ? 1 : 0, e.status, e.reason, (keep.get(e.memberId)?.makeup_on as string | null) ?? null, (keep.get(e.memberId)?.makeup_note as string | null) ?? null)
}
