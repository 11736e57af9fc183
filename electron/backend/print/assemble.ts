import { ATTENDANCE_LABELS, MAJOR_CATEGORY_LABELS, MEETING_TYPE_LABELS, type Meeting } from '../../shared/meetings'
import type { MeetingHeader, MinutesData, SignInSheetData } from '../../shared/print'
import type { CallContext } from '../context'
import { expectedAttendees } from '../meetings/roster'

/** The head shared by the sign-in sheet and the minutes. */
const headerOf = (m: Meeting, unitName: string): MeetingHeader => ({
  unitName,
  organizationName: m.organizationName,
  title: m.title,
  types: m.types.map((t) => MEETING_TYPE_LABELS[t]),
  heldOn: m.heldOn,
  time: m.startTime ? `${m.startTime}${m.endTime ? `—${m.endTime}` : ''}` : null,
  place: m.place,
  host: m.host,
})

/** A sign-in sheet for a meeting: the recorded attendance, or the roster on the meeting date when not yet held. */
export function signInDataOf(ctx: CallContext, m: Meeting, unitName: string, blankRows: number): SignInSheetData {
  const people = m.attendance.length ? m.attendance.filter((a) => a.status !== 'excluded') : expectedAttendees(ctx.db, m.organizationId, m.heldOn, m.types)
  return {
    ...headerOf(m, unitName),
    attendees: people.map((p) => ({ name: p.name, note: p.voting ? null : '预备党员' })),
    blankRows,
  }
}

/** The minutes of a meeting as printed (and bound into the annual binder). */
export function minutesDataOf(m: Meeting, unitName: string): MinutesData {
  const voting = m.attendance.filter((a) => a.voting && a.status !== 'observer' && a.status !== 'excluded')
  return {
    ...headerOf(m, unitName),
    recorder: m.recorder,
    lecturer: m.lecturer,
    expected: m.attendance.length ? voting.length : m.expectedCount,
    present: m.attendance.length ? voting.filter((a) => a.status === 'present').length : m.presentCount,
    absentees: m.attendance.filter((a) => a.status === 'leave' || a.status === 'absent').map((a) => ({ name: a.name, status: ATTENDANCE_LABELS[a.status], reason: a.reason })),
    observers: m.observers,
    agenda: m.agenda,
    minutes: m.minutes,
    discussion: m.discussion,
    resolutions: m.resolutions.map((r) => ({ ...r, category: r.category ? MAJOR_CATEGORY_LABELS[r.category] : null })),
    quorum: m.quorum ? (m.quorum.met ? '到会人数超过应到会有表决权党员的半数，会议有效' : '到会人数未过半数') : null,
  }
}
