import type { Database } from 'better-sqlite3'
import type { AttendanceEntry, MeetingType } from '../../shared/meetings'
import { isBranchType } from '../../shared/organizations'

type Person = { id: number; name: string; converted_on: string | null }

/** The members of a committee (支部委员会, 院党委) in office on that date. */
function committeeOn(db: Database, organizationId: number, on: string): Person[] {
  return db
    .prepare(
      `SELECT DISTINCT m.id, m.name, m.converted_on FROM committee_posts p JOIN members m ON m.id = p.member_id
       WHERE p.organization_id = ? AND p.elected_on <= ? AND (p.ended_on IS NULL OR p.ended_on > ?) ORDER BY m.id`,
    )
    .all(organizationId, on, on) as Person[]
}

/** The people whose 组织关系 was in the branch that day and who were party members then. */
function rosterOn(db: Database, organizationId: number, on: string): Person[] {
  return db
    .prepare(
      `SELECT m.id, m.name, m.converted_on FROM memberships s JOIN members m ON m.id = s.member_id
       WHERE s.organization_id = ? AND s.from_date <= ? AND (s.to_date IS NULL OR s.to_date > ?)
         AND m.joined_on IS NOT NULL AND m.joined_on <= ? AND m.status <> 'suspended'
       ORDER BY (m.converted_on IS NULL OR m.converted_on > ?), m.id`,
    )
    .all(organizationId, on, on, on, on) as Person[]
}

/**
 * Who should attend on a date (预备党员 attend without voting; 正式党员 vote):
 * - a 支委会 alone: the sitting branch committee members;
 * - 党委会 / 中心组 at hospital level: the sitting 党委委员 (others come as 列席);
 * - a 党小组: its branch's roster (the roster does not record group membership; the clerk marks who is not in
 *   the group as 不计应到);
 * - otherwise the branch roster on that day.
 */
export function expectedAttendees(db: Database, organizationId: number, on: string, types: readonly MeetingType[]): AttendanceEntry[] {
  const org = db.prepare('SELECT type, parent_id FROM organizations WHERE id = ?').get(organizationId) as { type: string; parent_id: number | null } | undefined
  if (!org) return []
  const committeeOnly = types.length > 0 && types.every((t) => t === 'committee_meeting')
  const rows =
    org.type === 'party_group' && org.parent_id !== null
      ? rosterOn(db, org.parent_id, on)
      : !isBranchType(org.type as never) || committeeOnly
        ? committeeOn(db, organizationId, on)
        : rosterOn(db, organizationId, on)
  return rows.map((r) => ({ memberId: r.id, name: r.name, voting: !!r.converted_on && r.converted_on <= on, status: 'present', reason: null, makeupOn: null, makeupNote: null }))
}
