import type { Database } from 'better-sqlite3'
import type { AttendanceEntry, MeetingType } from '../../shared/meetings'

/**
 * Who should attend on a date: the people whose 组织关系 was in the branch that day and who were party members
 * then (预备党员 attend without voting; 正式党员 vote). For a 支委会: the sitting committee members.
 */
export function expectedAttendees(db: Database, organizationId: number, on: string, types: readonly MeetingType[]): AttendanceEntry[] {
  const committeeOnly = types.length > 0 && types.every((t) => t === 'committee_meeting')
  const rows = committeeOnly
    ? (db
        .prepare(
          `SELECT DISTINCT m.id, m.name, m.converted_on FROM committee_posts p JOIN members m ON m.id = p.member_id
           WHERE p.organization_id = ? AND p.elected_on <= ? AND (p.ended_on IS NULL OR p.ended_on > ?) ORDER BY m.id`,
        )
        .all(organizationId, on, on) as { id: number; name: string; converted_on: string | null }[])
    : (db
        .prepare(
          `SELECT m.id, m.name, m.converted_on FROM memberships s JOIN members m ON m.id = s.member_id
           WHERE s.organization_id = ? AND s.from_date <= ? AND (s.to_date IS NULL OR s.to_date > ?)
             AND m.joined_on IS NOT NULL AND m.joined_on <= ? AND m.status <> 'suspended'
           ORDER BY (m.converted_on IS NULL OR m.converted_on > ?), m.id`,
        )
        .all(organizationId, on, on, on, on) as { id: number; name: string; converted_on: string | null }[])
  return rows.map((r) => ({ memberId: r.id, name: r.name, voting: !!r.converted_on && r.converted_on <= on, status: 'present', reason: null, makeupOn: null, makeupNote: null }))
}
