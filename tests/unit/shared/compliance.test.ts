import { describe, expect, it } from 'vitest'
import { cellStateOn, complianceCell, periodNamed, periodOf, periodsBetween, requirements, type OrgFacts } from '../../../electron/shared/rules/compliance'
import { quorum, resolutionPasses, voteProblem } from '../../../electron/shared/rules/quorum'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'

const branch: OrgFacts = { id: 1, name: '内科党支部', foundedOn: '2010-01-01', dissolvedOn: null, hasCommittee: true, hasGroups: false }
const req = (type: string) => requirements(DEFAULT_SETTINGS).find((r) => r.type === type)!

describe('组织生活达标规则', () => {
  it('季度边界：3月31日属于第一季度，4月1日属于第二季度；12月属于第四季度', () => {
    expect(periodOf('2025-03-31', 'quarter')).toEqual({ key: '2025Q1', from: '2025-01-01', to: '2025-03-31' })
    expect(periodOf('2025-04-01', 'quarter').key).toBe('2025Q2')
    expect(periodOf('2025-12-31', 'quarter')).toEqual({ key: '2025Q4', from: '2025-10-01', to: '2025-12-31' })
    expect(periodOf('2024-02-10', 'month')).toEqual({ key: '2024-02', from: '2024-02-01', to: '2024-02-29' })
    expect(periodsBetween('2025-02-15', '2025-07-01', 'quarter').map((p) => p.key)).toEqual(['2025Q1', '2025Q2', '2025Q3'])
  })

  it('支部党员大会每季度一次：本季度开过即达标，上季度末开的不算本季度', () => {
    const q2 = periodOf('2025-05-01', 'quarter')
    expect(complianceCell(branch, req('party_congress'), q2, ['2025-03-31'], [])).toMatchObject({ held: 0, status: 'missing' })
    expect(complianceCell(branch, req('party_congress'), q2, ['2025-03-31', '2025-04-01'], [])).toMatchObject({ held: 1, required: 1, status: 'ok' })
  })

  it('一次会议可同时计入多种类型（同一日期分别计入各类型）', () => {
    const held = ['2025-05-10']
    const month = periodOf('2025-05-10', 'month')
    const quarter = periodOf('2025-05-10', 'quarter')
    expect(complianceCell(branch, req('theme_day'), month, held, []).status).toBe('ok')
    expect(complianceCell(branch, req('party_lecture'), quarter, held, []).status).toBe('ok')
    expect(complianceCell(branch, req('party_congress'), quarter, held, []).status).toBe('ok')
  })

  it('季度中途成立的支部本季度不适用，下季度起考核', () => {
    const young = { ...branch, foundedOn: '2025-02-10' }
    expect(complianceCell(young, req('party_congress'), periodOf('2025-02-10', 'quarter'), [], [])).toMatchObject({ status: 'exempt', reason: '组织于2025-02-10成立，本期不满一个周期' })
    expect(complianceCell(young, req('party_congress'), periodOf('2025-04-10', 'quarter'), [], []).status).toBe('missing')
  })

  it('未设支委会的支部，支委会不适用；未设党小组的，党小组会不适用', () => {
    const small = { ...branch, hasCommittee: false }
    expect(complianceCell(small, req('committee_meeting'), periodOf('2025-05-01', 'month'), [], []).status).toBe('exempt')
    expect(complianceCell(branch, req('group_meeting'), periodOf('2025-05-01', 'month'), [], []).reason).toBe('未设党小组')
  })

  it('登记免于考核的期间显示原因', () => {
    const cell = complianceCell(branch, req('theme_day'), periodOf('2025-02-01', 'month'), [], [{ organizationId: 1, type: 'theme_day', period: '2025-02', note: '春节及疫情防控，经院党委同意顺延' }])
    expect(cell).toMatchObject({ status: 'exempt', reason: '已登记免于考核：春节及疫情防控，经院党委同意顺延', manual: true })
    // exempt by rule (no committee) is not something the office can withdraw
    expect(complianceCell({ ...branch, hasCommittee: false }, req('committee_meeting'), periodOf('2025-02-01', 'month'), [], []).manual).toBe(false)
  })
})

describe('表决与法定人数', () => {
  it('有表决权的党员过半数到会方为有效', () => {
    expect(quorum(10, 5).met).toBe(false)
    expect(quorum(10, 6).met).toBe(true)
    expect(quorum(9, 5).met).toBe(true)
  })

  it('决议须经应到会（不是实到会）有表决权党员的半数以上同意', () => {
    // 10 should attend, 6 present, all 6 agree → passes; 5 agree → fails even though 5 of 6 present agreed
    expect(resolutionPasses(6, 10)).toBe(true)
    expect(resolutionPasses(5, 10)).toBe(false)
  })

  it('票数不能超过出席的有表决权人数', () => {
    expect(voteProblem(5, 1, 1, 6)).toBe('表决票数（7）超过出席的有表决权党员人数（6）')
    expect(voteProblem(5, 1, 0, 6)).toBeNull()
  })
})

describe('期间未结束的格子', () => {
  const cell = (period: string, status: 'ok' | 'missing' | 'exempt') => ({ period, status })
  it('本期还在进行且尚未开会的，是“进行中”而不是未达标；已开够的立即达标', () => {
    expect(cellStateOn(cell('2025-03', 'missing'), '2025-03-15')).toBe('pending')
    expect(cellStateOn(cell('2025Q1', 'missing'), '2025-03-31')).toBe('pending')
    expect(cellStateOn(cell('2025', 'missing'), '2025-12-31')).toBe('pending')
    expect(cellStateOn(cell('2025-03', 'ok'), '2025-03-02')).toBe('ok')
  })
  it('期间结束后没开够的是未达标，尚未开始的期间是“未开始”', () => {
    expect(cellStateOn(cell('2025Q1', 'missing'), '2025-04-01')).toBe('missing')
    expect(cellStateOn(cell('2025-02', 'missing'), '2025-03-01')).toBe('missing')
    expect(cellStateOn(cell('2025Q3', 'missing'), '2025-06-30')).toBe('future')
    expect(cellStateOn(cell('2025-04', 'exempt'), '2025-01-01')).toBe('exempt')
  })
  it('期间的名称对应起止日期', () => {
    expect(periodNamed('2024Q1')).toMatchObject({ from: '2024-01-01', to: '2024-03-31', unit: 'quarter' })
    expect(periodNamed('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29', unit: 'month' })
    expect(periodNamed('2024')).toMatchObject({ from: '2024-01-01', to: '2024-12-31', unit: 'year' })
  })
})
