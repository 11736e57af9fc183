import type { printContract } from '../../shared/contract/print'
import { todayLocal } from '../../shared/dates'
import { ATTENDANCE_LABELS, MAJOR_CATEGORY_LABELS, MEETING_TYPE_LABELS } from '../../shared/meetings'
import { minutes, notice, roster, signInSheet, statisticsReport } from '../../shared/print'
import { invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { Handlers } from '../handler'
import { meetingOf } from '../meetings/service'
import { expectedAttendees } from '../meetings/roster'
import { settingsOf } from '../memo'
import { findMembersWhere } from '../members/repository'
import { DATASETS } from '../exports/datasets'
import { annualStatistics } from '../statistics/annual'
import { reconcile } from '../statistics/checks'

/** The roster print never carries sensitive columns (ID, phone, address): use the Excel export for those. */
const ROSTER_DEFAULT = ['name', 'gender', 'ethnicity', 'birthDate', 'education', 'category', 'organization', 'joinedOn', 'convertedOn', 'title', 'department']

export const printHandlers: Handlers<typeof printContract> = {
  'print.document': (input, ctx) => {
    const unit = settingsOf(ctx)['unit.name'] || '（请在系统设置中填写单位名称）'
    let title: string
    let html: string
    if (input.what === 'signin' || input.what === 'minutes') {
      const m = meetingOf(ctx, input.meetingId)
      const types = m.types.map((t) => MEETING_TYPE_LABELS[t])
      const time = m.startTime ? `${m.startTime}${m.endTime ? `—${m.endTime}` : ''}` : null
      if (input.what === 'signin') {
        // the expected list on the meeting date, or the recorded attendance once there is one
        const people = m.attendance.length ? m.attendance.filter((a) => a.status !== 'excluded') : expectedAttendees(ctx.db, m.organizationId, m.heldOn, m.types)
        title = `${m.organizationName}签到表`
        html = signInSheet({ unitName: unit, organizationName: m.organizationName, title: m.title, types, heldOn: m.heldOn, time, place: m.place, host: m.host, attendees: people.map((p) => ({ name: p.name, note: p.voting ? null : '预备党员' })), blankRows: input.blankRows })
      } else {
        const voting = m.attendance.filter((a) => a.voting && a.status !== 'observer' && a.status !== 'excluded')
        title = `${m.title}会议记录`
        html = minutes({
          unitName: unit,
          organizationName: m.organizationName,
          title: m.title,
          types,
          heldOn: m.heldOn,
          time,
          place: m.place,
          host: m.host,
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
        })
      }
    } else if (input.what === 'statistics') {
      const on = `${input.year}-12-31`
      title = `${input.year}年度党内统计`
      html = statisticsReport(annualStatistics(ctx, input.year, on).stats, reconcile(ctx, input.year, on), unit)
    } else if (input.what === 'roster') {
      const ds = DATASETS.members
      const keys = input.columns.length ? input.columns : ROSTER_DEFAULT
      const columns = ds.columns.filter((c) => keys.includes(c.key) && !c.sensitive)
      const ids = input.organizationId === null ? [] : (ctx.db.prepare('SELECT id FROM members WHERE organization_id = ?').pluck().all(input.organizationId) as number[])
      if (input.organizationId !== null && ids.length === 0) throw invalid('该组织没有在册党员')
      title = '党员名册'
      html = roster({ unitName: unit, title, asOf: todayLocal(ctx.now()), columns: columns.map((c) => ({ key: c.key, label: c.label })), rows: ds.rows(ctx, ids) as Record<string, string | number | null>[], internal: true })
    } else {
      const people = findMembersWhere(ctx.db, `m.id IN (${input.memberIds.map(Number).join(',')})`)
      const keyDate = { 发展对象: 'activistOn', 预备党员: 'candidateOn', 转正: 'joinedOn' } as const
      title = `${input.kind}公示`
      html = notice({
        kind: input.kind,
        issuer: input.issuer,
        issuedOn: todayLocal(ctx.now()),
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        feedback: input.feedback,
        people: people.map((p) => ({ name: p.name, gender: p.gender, ethnicity: p.ethnicity, birthYearMonth: p.birthDate ? `${p.birthDate.slice(0, 4)}年${Number(p.birthDate.slice(5, 7))}月` : null, education: p.education, department: p.department, title: p.title, keyDate: p[keyDate[input.kind]] })),
      })
    }
    recordAudit(ctx, { entity: 'print', entityId: null, before: null, after: { ...input, title } })
    return { title, html }
  },
}
