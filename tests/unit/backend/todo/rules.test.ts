import { describe, expect, it } from 'vitest'
import { birthdayItems, candidateItems, meetingItems, personItems, supervisionItems, termItems, type PersonFacts } from '../../../../electron/backend/todo/rules'
import type { ComplianceCell } from '../../../../electron/shared/rules/compliance'
import { DEFAULT_SETTINGS } from '../../../../electron/shared/settings'
import { byUrgency, type TodoItem } from '../../../../electron/shared/todo'

const settings = DEFAULT_SETTINGS
const pick = (items: TodoItem[]) => items.map((i) => ({ due: i.due, overdue: i.overdue, subject: i.subject }))

// docs/deadlines.md §1: the 达标 grid's cells, read on a day
describe('§1 三会一课、主题党日、组织生活会：本期进行中到期，期满未达标逾期', () => {
  const cell = (over: Partial<ComplianceCell> = {}): ComplianceCell => ({
    organizationId: 2, organization: '内科党支部', type: 'committee_meeting', period: '2025-03', required: 1, held: 0, status: 'missing', reason: null, manual: false, ...over,
  })

  it('期间开始前一天没有待办；当天起到期日为本月最后一天，不算逾期', () => {
    expect(meetingItems([cell()], '2025-02-28')).toEqual([])
    const [first] = meetingItems([cell()], '2025-03-01')
    expect(first).toMatchObject({ kind: '三会一课', organization: '内科党支部', due: '2025-03-31', overdue: false, subject: '2025年3月支部委员会：应开1次，已开0次' })
    expect(first!.rule).toContain('docs/deadlines.md §1')
  })

  it('到期日当天不逾期，次日起逾期', () => {
    expect(pick(meetingItems([cell()], '2025-03-31'))[0]).toMatchObject({ due: '2025-03-31', overdue: false })
    expect(pick(meetingItems([cell()], '2025-04-01'))[0]).toMatchObject({ due: '2025-03-31', overdue: true })
  })

  it('季度、年度的期间按达标表的期间：季度末、年末到期', () => {
    expect(meetingItems([cell({ type: 'party_lecture', period: '2025Q2' })], '2025-06-30')[0]).toMatchObject({ kind: '三会一课', due: '2025-06-30', overdue: false, subject: '2025年第2季度党课：应开1次，已开0次' })
    expect(meetingItems([cell({ type: 'party_lecture', period: '2025Q2' })], '2025-07-01')[0]!.overdue).toBe(true)
    expect(meetingItems([cell({ type: 'life_meeting', period: '2025' })], '2025-12-31')[0]).toMatchObject({ kind: '组织生活会', due: '2025-12-31', overdue: false })
    expect(meetingItems([cell({ type: 'appraisal', period: '2025' })], '2026-01-01')[0]).toMatchObject({ kind: '组织生活会', overdue: true })
    expect(meetingItems([cell({ type: 'theme_day', period: '2025-02' })], '2025-02-28')[0]).toMatchObject({ kind: '主题党日', due: '2025-02-28', overdue: false })
  })

  it('已达标、不适用、免于考核的没有待办；党委会不是支部的按期事项', () => {
    expect(meetingItems([cell({ status: 'ok', held: 1 }), cell({ status: 'exempt', reason: '未设支部委员会' }), cell({ status: 'exempt', manual: true })], '2025-04-01')).toEqual([])
    expect(meetingItems([cell({ type: 'standing_committee' })], '2025-04-01')).toEqual([])
  })
})

// docs/deadlines.md §2: term end 2026-03-01; reminders at 6 (2025-09-01) and 3 months (2025-12-01) before
describe('§2 换届：届满前6个月、3个月提醒，届满后逾期', () => {
  const org = [{ id: 2, name: '内科党支部', termEndsOn: '2026-03-01' }]

  it('届满前6个月的前一天没有待办，当天和次日提醒“6个月内”', () => {
    expect(termItems(org, '2025-08-31', settings)).toEqual([])
    expect(pick(termItems(org, '2025-09-01', settings))).toEqual([{ due: '2026-03-01', overdue: false, subject: '任期将于2026-03-01届满（6个月内），请准备换届' }])
    expect(termItems(org, '2025-09-02', settings)[0]!.subject).toContain('6个月内')
  })

  it('届满前3个月的前一天仍是“6个月内”，当天和次日改为“3个月内”', () => {
    expect(termItems(org, '2025-11-30', settings)[0]!.subject).toContain('6个月内')
    expect(termItems(org, '2025-12-01', settings)[0]!.subject).toContain('3个月内')
    expect(termItems(org, '2025-12-02', settings)[0]!.subject).toContain('3个月内')
  })

  it('届满当天到期不逾期，次日起逾期', () => {
    expect(termItems(org, '2026-02-28', settings)[0]!.overdue).toBe(false)
    expect(termItems(org, '2026-03-01', settings)[0]!.overdue).toBe(false)
    const [late] = termItems(org, '2026-03-02', settings)
    expect(late).toMatchObject({ kind: '换届', overdue: true, subject: '任期已于2026-03-01届满，应按期换届（延期须经上级批准）' })
    expect(late!.rule).toContain('docs/deadlines.md §2')
  })

  it('提醒的月数取自规则参数；没有任期的组织没有待办', () => {
    expect(termItems(org, '2025-09-01', { ...settings, 'org.termReminderMonths': [3] })).toEqual([])
    expect(termItems([{ id: 3, name: '第一党小组', termEndsOn: null }], '2030-01-01', settings)).toEqual([])
  })
})

const person = (over: Partial<PersonFacts>): PersonFacts => ({ id: 7, name: '王某', stage: 'probationary', organizationId: 2, organizationName: '内科党支部', joinedOn: null, extensionMonths: null, activistOn: null, candidateOn: null, politicalReviewOn: null, trainingHours: null, ...over })

// docs/deadlines.md §3: joined 2024-05-10 → probation ends 2025-05-10, listed from 2025-04-10
describe('§3 预备期满：期满前一个月列出，期满日到期，次日起逾期', () => {
  const p = person({ joinedOn: '2024-05-10' })

  it('期满前一个月的前一天没有待办，当天起列出', () => {
    expect(personItems([p], '2025-04-09', settings)).toEqual([])
    expect(personItems([p], '2025-04-10', settings)[0]).toMatchObject({ kind: '预备期满', person: '王某', memberId: 7, due: '2025-05-10', overdue: false })
  })

  it('期满前一天、当天不逾期，次日逾期', () => {
    expect(personItems([p], '2025-05-09', settings)[0]!.overdue).toBe(false)
    expect(personItems([p], '2025-05-10', settings)[0]!.overdue).toBe(false)
    const [late] = personItems([p], '2025-05-11', settings)
    expect(late).toMatchObject({ overdue: true, subject: '预备期已于2025-05-10满，召开支部大会讨论转正' })
    expect(late!.rule).toContain('党章 第七条')
  })

  it('延长预备期后按延长后的期满日（党章 第七条：延长6至12个月）', () => {
    const extended = person({ joinedOn: '2024-05-10', extensionMonths: 6 })
    expect(personItems([extended], '2025-05-11', settings)).toEqual([])
    expect(personItems([extended], '2025-11-10', settings)[0]).toMatchObject({ due: '2025-11-10', overdue: false })
    expect(personItems([extended], '2025-11-11', settings)[0]!.overdue).toBe(true)
  })
})

// docs/deadlines.md §4: activist since 2024-05-10 → a full year on 2025-05-10
describe('§4 积极分子：培养满一年当天起可列为发展对象，从不逾期', () => {
  const a = person({ stage: 'activist', activistOn: '2024-05-10' })

  it('满一年前一天没有待办，当天和次日列出且不逾期', () => {
    expect(personItems([a], '2025-05-09', settings)).toEqual([])
    expect(personItems([a], '2025-05-10', settings)[0]).toMatchObject({ kind: '积极分子', person: '王某', due: '2025-05-10', overdue: false, subject: '培养满一年（2025-05-10），可列为发展对象' })
    const [later] = personItems([a], '2025-05-11', settings)
    expect(later!.overdue).toBe(false)
    expect(later!.rule).toContain('发展党员工作细则 第十三条')
  })

  it('培养期取自规则参数；发展对象、正式党员没有此项', () => {
    expect(personItems([a], '2025-05-10', { ...settings, 'dev.activistMinMonths': 18 })).toEqual([])
    expect(personItems([person({ stage: 'candidate', activistOn: '2020-01-01' }), person({ stage: 'full', joinedOn: '2010-01-01' })], '2025-05-10', settings)).toEqual([])
  })
})

// docs/deadlines.md §5
describe('§5 督办事项：时限当天到期，次日起逾期', () => {
  const s = [{ id: 4, title: '落实党委会决议：改造门诊楼', organizationId: 1, organization: '中共示范医院委员会', dueOn: '2025-06-30', milestone: null }]
  it('时限前一天、当天不逾期，次日逾期', () => {
    expect(supervisionItems(s, '2025-06-29')[0]).toMatchObject({ kind: '督办', supervisionId: 4, due: '2025-06-30', overdue: false })
    expect(supervisionItems(s, '2025-06-30')[0]!.overdue).toBe(false)
    expect(supervisionItems(s, '2025-07-01')[0]!.overdue).toBe(true)
  })
})

// docs/deadlines.md §14: a 节点 “完成方案设计” on 2025-05-15 before the 时限 2025-06-30
describe('§14 督办事项的节点：未完成的下一个节点到期，节点次日起逾期', () => {
  const s = [{ id: 4, title: '改造门诊楼', organizationId: 1, organization: '中共示范医院委员会', dueOn: '2025-06-30', milestone: { title: '完成方案设计', dueOn: '2025-05-15' } }]
  it('节点前一天、当天不逾期，次日逾期；事项注明是哪个节点', () => {
    expect(supervisionItems(s, '2025-05-14')[0]).toMatchObject({ due: '2025-05-15', overdue: false, subject: '改造门诊楼（节点：完成方案设计）' })
    expect(supervisionItems(s, '2025-05-15')[0]!.overdue).toBe(false)
    const [late] = supervisionItems(s, '2025-05-16')
    expect(late).toMatchObject({ due: '2025-05-15', overdue: true })
    expect(late!.rule).toContain('docs/deadlines.md §14')
  })
  it('节点就在时限当天时按时限列出', () => {
    expect(supervisionItems([{ ...s[0]!, milestone: { title: '验收', dueOn: '2025-06-30' } }], '2025-06-01')[0]).toMatchObject({ due: '2025-06-30', subject: '改造门诊楼' })
  })
})

describe('排序：逾期在前，再按到期日由近到远', () => {
  it('逾期的排在未逾期之前，同类按到期日', () => {
    const item = (due: string, overdue: boolean, subject = '事项'): TodoItem => ({ kind: '督办', organization: '甲', organizationId: 1, subject, due, overdue, rule: '' })
    const sorted = [item('2025-07-01', false), item('2025-05-01', true), item('2025-06-20', false), item('2025-06-01', true)].sort(byUrgency)
    expect(sorted.map((i) => [i.due, i.overdue])).toEqual([['2025-05-01', true], ['2025-06-01', true], ['2025-06-20', false], ['2025-07-01', false]])
  })
})

// docs/deadlines.md §12: a 发展对象 from 2025-03-10 → 政治审查 and 集中培训 due 2025-06-10 (3 months, dev.candidatePrepMonths)
describe('§12 发展对象：政治审查、集中培训在确定为发展对象后3个月内完成', () => {
  const c = person({ stage: 'candidate', candidateOn: '2025-03-10' })
  const subjects = (items: TodoItem[]) => items.map((i) => i.subject)

  it('确定为发展对象前一天没有待办，当天起列出政治审查和集中培训两项', () => {
    expect(candidateItems([c], '2025-03-09', settings)).toEqual([])
    const items = candidateItems([c], '2025-03-10', settings)
    expect(subjects(items)).toEqual(['政治审查尚未完成（确定为发展对象（2025-03-10）后3个月内）', '集中培训尚未完成（不少于24学时；确定为发展对象（2025-03-10）后3个月内）'])
    expect(items.map((i) => [i.kind, i.person, i.due, i.overdue])).toEqual([['发展对象', '王某', '2025-06-10', false], ['发展对象', '王某', '2025-06-10', false]])
    expect(items[0]!.rule).toContain('发展党员工作细则 第十六条')
    expect(items[1]!.rule).toContain('发展党员工作细则 第十七条')
  })

  it('期限前一天、当天不逾期，次日逾期', () => {
    expect(candidateItems([c], '2025-06-09', settings).every((i) => !i.overdue)).toBe(true)
    expect(candidateItems([c], '2025-06-10', settings).every((i) => !i.overdue)).toBe(true)
    expect(candidateItems([c], '2025-06-11', settings).every((i) => i.overdue)).toBe(true)
  })

  it('登记了政治审查的不再列审查；培训学时够了的不再列培训，不够的注明已登记学时', () => {
    expect(subjects(candidateItems([person({ stage: 'candidate', candidateOn: '2025-03-10', politicalReviewOn: '2025-04-01', trainingHours: 24 })], '2025-07-01', settings))).toEqual([])
    expect(subjects(candidateItems([person({ stage: 'candidate', candidateOn: '2025-03-10', politicalReviewOn: '2025-04-01', trainingHours: 16 })], '2025-07-01', settings))).toEqual(['集中培训尚未完成（不少于24学时，已登记16学时；确定为发展对象（2025-03-10）后3个月内）'])
  })

  it('期限和学时取自规则参数；积极分子、预备党员没有此项', () => {
    expect(candidateItems([c], '2025-06-11', { ...settings, 'dev.candidatePrepMonths': 6 })[0]).toMatchObject({ due: '2025-09-10', overdue: false })
    expect(subjects(candidateItems([person({ stage: 'candidate', candidateOn: '2025-03-10', politicalReviewOn: '2025-04-01', trainingHours: 24 })], '2025-04-01', { ...settings, 'dev.trainingMinHours': 32 }))).toHaveLength(1)
    expect(candidateItems([person({ stage: 'activist', candidateOn: '2025-03-10' }), person({ stage: 'probationary', candidateOn: '2024-01-01', joinedOn: '2024-06-01' })], '2025-07-01', settings)).toEqual([])
  })
})

// docs/deadlines.md §13: joined 2015-07-01 → 政治生日 on 1 July every year, listed through July, never overdue
describe('§13 政治生日：入党日期的周年所在的月份列出，从不逾期', () => {
  const m = { id: 9, name: '李某', organizationId: 2, organizationName: '内科党支部', joinedOn: '2015-07-01' }

  it('前一月的最后一天没有；当月第一天（周年当天）列出，到月底仍列出且不逾期；次月起没有', () => {
    expect(birthdayItems([m], '2025-06-30')).toEqual([])
    expect(birthdayItems([m], '2025-07-01')).toEqual([expect.objectContaining({ kind: '政治生日', person: '李某', memberId: 9, due: '2025-07-01', overdue: false, subject: '入党10周年（2015-07-01入党），政治生日' })])
    expect(birthdayItems([m], '2025-07-02')[0]).toMatchObject({ due: '2025-07-01', overdue: false })
    expect(birthdayItems([m], '2025-07-31')[0]!.overdue).toBe(false)
    expect(birthdayItems([m], '2025-08-01')).toEqual([])
    expect(birthdayItems([m], '2025-07-15')[0]!.rule).toContain('docs/deadlines.md §13')
  })

  it('入党当年没有政治生日；2月29日入党的在平年记为2月28日', () => {
    expect(birthdayItems([{ ...m, joinedOn: '2025-07-20' }], '2025-07-25')).toEqual([])
    expect(birthdayItems([{ ...m, joinedOn: '2020-02-29' }], '2025-02-01')[0]).toMatchObject({ due: '2025-02-28', subject: '入党5周年（2020-02-29入党），政治生日' })
    expect(birthdayItems([{ ...m, joinedOn: '2020-02-29' }], '2028-02-01')[0]!.due).toBe('2028-02-29')
  })
})
