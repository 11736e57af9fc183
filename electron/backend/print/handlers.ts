import type { printContract } from '../../shared/contract/print'
import { todayLocal } from '../../shared/dates'
import { binder, minutes, notice, roster, signInSheet, signInSheets, statisticsReport } from '../../shared/print'
import { invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { Handlers } from '../handler'
import { meetingOf } from '../meetings/service'
import { findOrganization } from '../organizations/repository'
import { minutesDataOf, signInDataOf } from './assemble'
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
      if (input.what === 'signin') {
        title = `${m.organizationName}签到表`
        html = signInSheet(signInDataOf(ctx, m, unit, input.blankRows))
      } else {
        title = `${m.title}会议记录`
        html = minutes(minutesDataOf(m, unit))
      }
    } else if (input.what === 'signinBatch') {
      // every meeting of the month (of one organization, or all), one sign-in sheet each
      const ids = ctx.db
        .prepare(`SELECT id FROM meetings WHERE status = 'active' AND substr(held_on, 1, 7) = ? AND (? IS NULL OR organization_id = ?) ORDER BY held_on, id`)
        .pluck()
        .all(input.month, input.organizationId, input.organizationId) as number[]
      if (ids.length === 0) throw invalid(`${input.month}没有会议记录：请先在“会议记录”中登记本月计划召开的会议`)
      title = `${input.month}签到表（${ids.length}份）`
      html = signInSheets(ids.map((id) => signInDataOf(ctx, meetingOf(ctx, id), unit, 5)), title)
    } else if (input.what === 'binder') {
      const org = findOrganization(ctx.db, input.organizationId)
      if (!org) throw invalid('该党组织不存在')
      const ids = ctx.db.prepare("SELECT id FROM meetings WHERE organization_id = ? AND status = 'active' AND held_on BETWEEN ? AND ? ORDER BY held_on, id").pluck().all(org.id, `${input.year}-01-01`, `${input.year}-12-31`) as number[]
      const meetings = ids.map((id) => meetingOf(ctx, id))
      const attendance = ctx.db
        .prepare(
          `SELECT m.name, count(*) AS expected, sum(a.status = 'present') AS attended FROM attendance a JOIN members m ON m.id = a.member_id JOIN meetings x ON x.id = a.meeting_id
           WHERE x.organization_id = ? AND x.status = 'active' AND x.held_on BETWEEN ? AND ? AND a.status NOT IN ('observer','excluded') GROUP BY m.id ORDER BY m.id`,
        )
        .all(org.id, `${input.year}-01-01`, `${input.year}-12-31`) as { name: string; expected: number; attended: number }[]
      title = `${org.name}${input.year}年度工作记录`
      html = binder({ unitName: unit, branchName: org.name, year: input.year, meetings: meetings.map((m) => minutesDataOf(m, unit)), attendance })
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
