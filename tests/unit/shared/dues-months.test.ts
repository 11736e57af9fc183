import { describe, expect, it } from 'vitest'
import { liableMonths, unpaidRun, type DuesHistory } from '../../../electron/shared/rules/dues-months'

const A = 1
const B = 2
const member = (h: Partial<DuesHistory>): DuesHistory => ({ joinedOn: '2000-07-01', memberships: [{ organizationId: A, from: '2000-07-01', to: null }], transfers: [], suspensions: [], ...h })
const months = (h: DuesHistory, from = '2025-01', to = '2025-12') => liableMonths(h, from, to).map((m) => m.month.slice(5))
const all = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'))

describe('哪些月份应交党费', () => {
  it('正式党员全年 12 个月都应交，归所在支部', () => {
    const owed = liableMonths(member({}), '2025-01', '2025-12')
    expect(owed.map((m) => m.month.slice(5))).toEqual(all(1, 12))
    expect(new Set(owed.map((m) => m.organizationId))).toEqual(new Set([A]))
  })

  it('预备党员从支部大会通过之日起交纳：4月15日通过，4月起应交（不是5月）；之前是申请人，不交', () => {
    const h = member({ joinedOn: '2025-04-15', memberships: [{ organizationId: A, from: '2023-03-01', to: null }] })
    expect(months(h)).toEqual(all(4, 12))
    expect(months(member({ joinedOn: null }))).toEqual([])
  })

  it('转出：介绍信注明党费交至5月，本支部应交到5月；没有注明时转出当月仍应交（1日转出的除外）', () => {
    const out = (on: string, paidTo: string | null) => member({ memberships: [{ organizationId: A, from: '2000-07-01', to: on }], transfers: [{ type: 'out', on, paidTo }] })
    expect(months(out('2025-06-10', '2025-05'))).toEqual(all(1, 5))
    expect(months(out('2025-06-10', null))).toEqual(all(1, 6))
    expect(months(out('2025-06-01', null))).toEqual(all(1, 5))
  })

  it('转入：介绍信注明党费交至3月，从4月起在本支部交纳；没有注明时从转入当月起', () => {
    const into = (paidTo: string | null) => member({ memberships: [{ organizationId: B, from: '2025-03-20', to: null }], transfers: [{ type: 'in', on: '2025-03-20', paidTo }] })
    expect(months(into('2025-03'))).toEqual(all(4, 12))
    expect(months(into(null))).toEqual(all(3, 12))
    // the letter says paid to January: February and March are owed here too, as arrears (补交)
    expect(months(into('2025-01'))).toEqual(all(2, 12))
  })

  it('出党、死亡：当月1日仍是党员的，当月应交；之后不再交', () => {
    const gone = (on: string) => member({ memberships: [{ organizationId: A, from: '2000-07-01', to: on }] })
    expect(months(gone('2025-08-20'))).toEqual(all(1, 8))
    expect(months(gone('2025-08-01'))).toEqual(all(1, 7))
  })

  it('支部调动：每个月归当月1日所在的支部；调动当月仍归原支部', () => {
    const h = member({ memberships: [{ organizationId: A, from: '2000-07-01', to: '2025-06-15' }, { organizationId: B, from: '2025-06-15', to: null }] })
    const owed = liableMonths(h, '2025-01', '2025-12')
    expect(owed).toHaveLength(12)
    expect(owed.filter((m) => m.organizationId === A).map((m) => m.month.slice(5))).toEqual(all(1, 6))
    expect(owed.filter((m) => m.organizationId === B).map((m) => m.month.slice(5))).toEqual(all(7, 12))
  })

  it('停止党籍期间（某月1日处于停止党籍）不交，恢复当月起再交', () => {
    const h = member({ suspensions: [{ from: '2025-03-10', to: '2025-07-05' }] })
    expect(months(h)).toEqual(['01', '02', '03', '07', '08', '09', '10', '11', '12'])
  })

  it('组织关系转出后又转回：两段分别计算，中间在外单位的月份不交', () => {
    const h = member({
      memberships: [{ organizationId: A, from: '2000-07-01', to: '2025-03-10' }, { organizationId: B, from: '2025-09-01', to: null }],
      transfers: [{ type: 'out', on: '2025-03-10', paidTo: '2025-03' }, { type: 'in', on: '2025-09-01', paidTo: '2025-09' }],
    })
    expect(months(h)).toEqual(['01', '02', '03', '10', '11', '12'])
  })
})

describe('连续未交', () => {
  it('从最近一个已结束的月份往前数连续未交的月份；已交的月份截断，不应交的月份跳过', () => {
    const owed = ['2025-01', '2025-02', '2025-03', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']
    expect(unpaidRun(owed, new Set(['2025-01']), '2025-08')).toBe(6)
    expect(unpaidRun(owed, new Set(['2025-01', '2025-06']), '2025-08')).toBe(2)
    expect(unpaidRun(owed, new Set(owed), '2025-09')).toBe(0)
  })
})
