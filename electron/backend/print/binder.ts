import type { AttendanceLine, BinderData } from '../../shared/print'
import { invalid } from '../../shared/result'
import type { CallContext } from '../context'
import { meetingOf } from '../meetings/service'
import { findOrganization } from '../organizations/repository'
import { minutesDataOf } from './assemble'

/**
 * 年度党支部工作记录汇编: every active (not voided) meeting record of the branch in the year, in date order,
 * and each member's attendance over those meetings (列席 and 不计应到 are not counted as expected).
 */
export function binderDataOf(ctx: CallContext, organizationId: number, year: number, unitName: string, startPages: number[] | null): BinderData {
  const org = findOrganization(ctx.db, organizationId)
  if (!org) throw invalid('该党组织不存在，请刷新后重新选择')
  const range = [`${year}-01-01`, `${year}-12-31`] as const
  const ids = ctx.db
    .prepare("SELECT id FROM meetings WHERE organization_id = ? AND status = 'active' AND held_on BETWEEN ? AND ? ORDER BY held_on, start_time, id")
    .pluck()
    .all(org.id, ...range) as number[]
  const meetings = ids.map((id, i) => {
    ctx.progress?.(i, ids.length, '整理会议记录')
    return minutesDataOf(meetingOf(ctx, id), unitName, false)
  })
  const attendance = ctx.db
    .prepare(
      `SELECT m.name, count(*) AS expected, sum(a.status = 'present') AS attended, sum(a.status = 'leave') AS leave, sum(a.status = 'absent') AS absent
       FROM attendance a JOIN members m ON m.id = a.member_id JOIN meetings x ON x.id = a.meeting_id
       WHERE x.organization_id = ? AND x.status = 'active' AND x.held_on BETWEEN ? AND ? AND a.status NOT IN ('observer', 'excluded')
       GROUP BY m.id ORDER BY m.id`,
    )
    .all(org.id, ...range) as AttendanceLine[]
  return { unitName, branchName: org.name, year, meetings, attendance, startPages }
}
