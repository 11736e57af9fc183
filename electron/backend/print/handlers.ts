import type { z } from 'zod'
import type { printContract, PrintDocument, printInput } from '../../shared/contract/print'
import { binder, minutes, notice, roster, sheetPageCount, signInSheet, signInSheets, statisticsReport } from '../../shared/print'
import { supervisionReport, urgeSlip } from '../../shared/print/supervision'
import { planPrint } from '../../shared/print/plan'
import { invalid } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import type { Handlers } from '../handler'
import { assessmentNotice } from '../assessments/notice'
import { meetingOf } from '../meetings/service'
import { settingsOf } from '../memo'
import { annualFacts } from '../statistics/facts'
import { minutesDataOf, signInDataOf } from './assemble'
import { binderDataOf } from './binder'
import { noticeDataOf, noticeNotes, rosterDataOf } from './people'
import { supervisionReportData, urgeSlipData } from './supervision'
import { listPlans } from '../plans/service'
import { findOrganization } from '../organizations/repository'

type Input = z.output<typeof printInput>

/** Builds the print: the assemblers fill the view models, the pure templates (electron/shared/print) make the HTML. */
function render(input: Input, ctx: CallContext): PrintDocument & { logged: Record<string, unknown> } {
  const settings = settingsOf(ctx)
  // without a unit name the line is left blank to write in by hand — never a reminder printed on the paper
  const unit = settings['unit.name'] || UNIT_BLANK
  switch (input.what) {
    case 'signin': {
      const m = meetingOf(ctx, input.meetingId)
      const data = signInDataOf(ctx, m, unit, input.blankRows ?? settings['print.signInBlankRows'])
      return { title: `${m.organizationName}签到表`, html: signInSheet(data), pages: sheetPageCount(data), logged: { meetingId: m.id, people: data.attendees.length } }
    }
    case 'minutes': {
      const m = meetingOf(ctx, input.meetingId)
      return { title: `${m.title}会议记录`, html: minutes(minutesDataOf(m, unit, input.internal)), pages: null, logged: { meetingId: m.id } }
    }
    case 'signinBatch': {
      // every meeting of the month (of one organization and its sub-organizations, or all), one sheet each
      const ids = ctx.db
        .prepare(
          `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id)
           SELECT id FROM meetings WHERE status = 'active' AND substr(held_on, 1, 7) = ? AND (? IS NULL OR organization_id IN (SELECT id FROM sub)) ORDER BY held_on, start_time, id`,
        )
        .pluck()
        .all(input.organizationId, input.month, input.organizationId) as number[]
      if (ids.length === 0) throw invalid(`${input.month}没有会议记录：请先在“会议记录”中登记本月计划召开的会议`)
      const sheets = ids.map((id, i) => {
        ctx.progress?.(i, ids.length, '生成签到表')
        return signInDataOf(ctx, meetingOf(ctx, id), unit, settings['print.signInBlankRows'])
      })
      const title = `${Number(input.month.slice(5))}月签到表（${ids.length}份）`
      return { title, html: signInSheets(sheets, title), pages: sheets.reduce((n, s) => n + sheetPageCount(s), 0), logged: { month: input.month, meetingIds: ids } }
    }
    case 'binder': {
      const data = binderDataOf(ctx, input.organizationId, input.year, unit, input.startPages)
      return { title: `${data.branchName}${input.year}年度工作记录`, html: binder(data), pages: null, logged: { organizationId: input.organizationId, year: input.year, meetings: data.meetings.length } }
    }
    case 'statistics': {
      return { title: `${input.year}年度党内统计年报表`, html: statisticsReport(annualFacts(ctx, input.year), unit), pages: null, logged: { year: input.year } }
    }
    case 'assessmentNotice': {
      const d = assessmentNotice(ctx, input.roundId, input.basis)
      return { ...d, logged: { roundId: input.roundId, basis: input.basis } }
    }
    case 'roster': {
      const data = rosterDataOf(ctx, input.filters, input.columns, unit, input.internal)
      return { title: data.title, html: roster(data), pages: null, logged: { filters: input.filters, columns: data.columns.map((c) => c.key), people: data.rows.length } }
    }
    case 'supervisionUrge': {
      const data = urgeSlipData(ctx, input.id, unit)
      return { title: `督办事项催办单（${data.item.id}）`, html: urgeSlip(data), pages: null, logged: { supervisionId: input.id } }
    }
    case 'meetingPlan': {
      const plans = listPlans(ctx, input.organizationId, input.year, null).filter((p) => p.state !== 'void')
      const organization = findOrganization(ctx.db, input.organizationId)?.name ?? ''
      if (!plans.length) throw invalid(`${organization}${input.year}年还没有会议计划：请先在“会议记录 → 会议计划”中添加`)
      const html = planPrint({ unitName: unit, organization, year: input.year, plans })
      return { title: `${organization}${input.year}年度会议计划`, html, pages: null, logged: { organizationId: input.organizationId, year: input.year } }
    }
    case 'supervisionReport': {
      const data = supervisionReportData(ctx, input.month, unit)
      return { title: `${input.month.slice(0, 4)}年第${Number(input.month.slice(5))}期督查督办工作通报`, html: supervisionReport(data), pages: null, logged: { month: input.month } }
    }
    case 'notice': {
      const data = noticeDataOf(ctx, input)
      const notes = noticeNotes(ctx, data)
      return { title: `${input.kind}公示`, html: notice(data), pages: null, ...(notes.length ? { notes } : {}), logged: { kind: input.kind, memberIds: input.memberIds, period: [input.periodFrom, input.periodTo] } }
    }
  }
}

/** a blank to fill in where the unit name goes */
const UNIT_BLANK = '＿'.repeat(12)

export const printHandlers: Handlers<typeof printContract> = {
  'print.document': (input, ctx) => {
    const { logged, ...rendered } = render(input, ctx)
    const doc = settingsOf(ctx)['unit.name'] ? rendered : { ...rendered, notes: [...(rendered.notes ?? []), '单位名称还没有设置，表头和封面上的单位名称留成了横线（可手写）。请在“系统设置 → 规则参数 → 单位名称”中填写后重新打印。'] }
    // every print is logged (docs/rules.md §9): what was printed, for whom, never the printed personal data itself
    recordAudit(ctx, { entity: 'print', entityId: null, before: null, after: { what: input.what, title: doc.title, ...logged } })
    return doc
  },
}
