import { MAJOR_CATEGORY_LABELS, MEETING_TYPE_LABELS, type Meeting } from '../../shared/meetings'
import type { Absentee, MeetingHeader, MinutesData, SignInSheetData } from '../../shared/print'
import type { CallContext } from '../context'
import { expectedAttendees } from '../meetings/roster'

/** Builds the print view models of a meeting (electron/shared/print/types.ts) from the meeting record. */

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

/** 备注 on the sign-in sheet: 列席, 预备党员 (attends, does not vote), and a recorded 请假 with its reason. */
function noteOf(p: { status: string; voting: boolean; reason?: string | null }): string | null {
  const parts = [p.status === 'observer' ? '列席' : p.voting ? null : '预备党员', p.status === 'leave' ? `请假${p.reason ? `：${p.reason}` : ''}` : null].filter(Boolean)
  return parts.length ? parts.join('；') : null
}

/**
 * A meeting's sign-in sheet: the recorded attendance list, or — before the meeting, when nobody is recorded
 * yet — the branch's members on the meeting date (支委会: the sitting committee). Names and a note only: the
 * sheet's person type cannot carry ID numbers, phones or addresses.
 */
export function signInDataOf(ctx: CallContext, m: Meeting, unitName: string, blankRows: number): SignInSheetData {
  const people = m.attendance.length ? m.attendance.filter((a) => a.status !== 'excluded') : expectedAttendees(ctx.db, m.organizationId, m.heldOn, m.types)
  return {
    ...headerOf(m, unitName),
    attendees: people.map((p) => ({ name: p.name, note: noteOf(p) })),
    blankRows,
  }
}

/**
 * The minutes as printed (and bound into the annual binder). 应到 counts everyone expected (预备党员 too);
 * the quorum sentence — 支部党员大会 only — counts the voting members (党章: more than half must attend).
 */
export function minutesDataOf(m: Meeting, unitName: string, internal = true): MinutesData {
  const expected = m.attendance.filter((a) => a.status !== 'observer' && a.status !== 'excluded')
  const observers = m.attendance.filter((a) => a.status === 'observer').map((a) => a.name)
  const q = m.quorum
  const congress = m.types.includes('party_congress')
  return {
    ...headerOf(m, unitName),
    recorder: m.recorder,
    lecturer: m.lecturer,
    expected: m.attendance.length ? expected.length : m.expectedCount,
    present: m.attendance.length ? expected.filter((a) => a.status === 'present').length : m.presentCount,
    presentNames: m.attendance.length ? expected.filter((a) => a.status === 'present').map((a) => a.name) : null,
    absentees: expected.filter((a) => a.status === 'leave' || a.status === 'absent').map((a) => ({ name: a.name, status: (a.status === 'leave' ? '请假' : '缺席') as Absentee['status'], reason: a.reason })),
    observers: [m.observers, observers.join('、')].filter(Boolean).join('；') || null,
    agenda: m.agenda,
    minutes: m.minutes,
    discussion: m.discussion,
    resolutions: m.resolutions.map((r) => ({ ...r, category: r.category ? MAJOR_CATEGORY_LABELS[r.category] : null })),
    quorum:
      congress && q
        ? `应到会有表决权的正式党员 ${q.expectedVoting} 人，实到 ${q.presentVoting} 人，${q.met ? '超过半数，会议有效' : '未超过半数，不能进行表决'}`
        : null,
    internal,
  }
}
