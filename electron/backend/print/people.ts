import type { z } from 'zod'
import type { printInput, rosterFilters } from '../../shared/contract/print'
import { STAGE_LABELS, type Member, type Stage } from '../../shared/members'
import { rosterColumns, ROSTER_DEFAULT_COLUMNS, type NoticeData, type NoticePerson, type RosterData } from '../../shared/print'
import { invalid } from '../../shared/result'
import { probationEndsOn } from '../../shared/rules/membership'
import { countWorkingDays, parseHolidayCalendar, unknownYears, unknownYearsNote } from '../../shared/rules/working-days'
import { todayLocal } from '../../shared/dates'
import type { CallContext } from '../context'
import { DATASETS } from '../exports/datasets'
import { listMembers } from '../members/list'
import { findMembersWhere } from '../members/repository'
import { settingsOf } from '../memo'
import { findOrganization } from '../organizations/repository'

const ALL = { organizationId: null, from: null, to: null }

type NoticeInput = Extract<z.output<typeof printInput>, { what: 'notice' }>

/**
 * 党员名册 for the roster screen's current filters. The print takes party members only (正式 and 预备, as
 * the roster dataset defines them) and only catalogue columns — never ID number, phone or address.
 */
export function rosterDataOf(ctx: CallContext, filters: z.output<typeof rosterFilters>, keys: string[], unitName: string, internal: boolean): RosterData {
  const ids = listMembers(ctx, { ...filters, page: 1, pageSize: 1_000_000 }).rows.map((r) => r.id)
  // the dataset reads every member when given no ids, so an empty match must stop here
  const rows = ids.length ? DATASETS.members.rows(ctx, ids, ALL) : []
  if (rows.length === 0) throw invalid('没有符合当前筛选条件的党员（名册只打印正式党员和预备党员）')
  const org = filters.organizationId === null ? null : findOrganization(ctx.db, filters.organizationId)
  const stages = filters.stages.filter((s: Stage) => s === 'full' || s === 'probationary')
  const scope = [org ? `${org.name}${filters.includeSub ? '（含下级组织）' : ''}` : null, stages.length ? stages.map((s) => STAGE_LABELS[s]).join('、') : null, filters.q ? `查找“${filters.q}”` : null]
    .filter(Boolean)
    .join('　')
  return {
    unitName,
    title: '党员名册',
    scope: scope || null,
    asOf: todayLocal(ctx.now()),
    columns: rosterColumns(keys.length ? keys : ROSTER_DEFAULT_COLUMNS),
    rows: rows as RosterData['rows'],
    internal,
  }
}

/** Which stage each 公示 is for: people are announced before the step (发展党员工作细则). */
const NOTICE_STAGE: Record<NoticeInput['kind'], Stage> = { 发展对象: 'activist', 预备党员: 'candidate', 转正: 'probationary' }

/**
 * A 公示 for chosen people. Only the fields a notice may show are copied — name, gender, ethnicity, birth
 * year-month, education, department, title and the step's dates — so the member record's ID number, phone
 * and address never reach the template (whose person type would refuse them anyway).
 */
export function noticeDataOf(ctx: CallContext, input: NoticeInput): NoticeData {
  if (input.periodTo < input.periodFrom) throw invalid('公示结束日期早于开始日期', 'periodTo')
  const people = findMembersWhere(ctx.db, 'm.id IN (SELECT value FROM json_each(?))', [JSON.stringify(input.memberIds)])
  if (people.length !== new Set(input.memberIds).size) throw invalid('所选人员中有人不存在，请刷新后重新选择')
  const wrong = people.filter((p) => p.stage !== NOTICE_STAGE[input.kind])
  if (wrong.length) throw invalid(`${wrong.map((p) => p.name).join('、')}不是${STAGE_LABELS[NOTICE_STAGE[input.kind]]}，不能列入“${input.kind}”公示`)
  const settings = settingsOf(ctx)
  const person = (p: Member): NoticePerson => ({
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthYearMonth: p.birthDate ? p.birthDate.slice(0, 7) : null,
    education: p.education,
    department: p.department,
    title: p.title,
    keyDates: {
      appliedOn: p.appliedOn,
      activistOn: p.activistOn,
      candidateOn: p.candidateOn,
      joinedOn: p.joinedOn,
      probationEndsOn: p.joinedOn ? probationEndsOn(p.joinedOn, p.extensionMonths, settings) : null,
    },
  })
  return {
    kind: input.kind,
    issuer: input.issuer,
    issuedOn: todayLocal(ctx.now()),
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    workingDays: countWorkingDays(input.periodFrom, input.periodTo, parseHolidayCalendar(settings['calendar.holidays']).calendar),
    feedback: input.feedback,
    people: people.map(person),
  }
}

/** What the clerk is told above a 公示's preview (never printed): a period shorter than the setting, a year not in the calendar. */
export function noticeNotes(ctx: CallContext, d: NoticeData): string[] {
  const settings = settingsOf(ctx)
  const { calendar } = parseHolidayCalendar(settings['calendar.holidays'])
  const wanted = settings['print.noticeWorkingDays']
  return [
    d.workingDays < wanted ? `公示期只有${d.workingDays}个工作日，少于设置的${wanted}个工作日，请核对公示期。` : null,
    unknownYearsNote(unknownYears(d.periodFrom, d.periodTo, calendar)),
  ].filter((n): n is string => !!n)
}
