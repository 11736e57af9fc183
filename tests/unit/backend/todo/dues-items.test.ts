import { describe, expect, it } from 'vitest'
import { ok } from '../../helpers'
import { duesHospital, withBases } from '../dues-hospital'

// docs/deadlines.md §7: a month's dues are behind from the day after the month ends; the test clock is 2025-10-15
describe('待办事项中的党费：月份结束仍未交的列出，连续6个月的说明党章第九条', () => {
  it('4月未交：4月30日不列（4月还在收缴），5月1日列为逾期，日期是4月30日', async () => {
    const { backend, m } = await duesHospital()
    await withBases(backend, m)
    const everyone = Object.entries(m).filter(([name]) => !['周强', '刘洋', '赵敏', '陈静', '王芳'].includes(name)).map(([, memberId]) => ({ memberId }))
    for (const month of ['2025-01', '2025-02', '2025-03']) await ok(backend, 'dues.pay', { month, paidOn: `${month}-20`, method: 'cash', members: everyone })
    const dues = async (asOf: string) => (await ok(backend, 'todo.list', { asOf })).filter((i) => i.kind === '党费' && i.person === '张伟')
    expect(await dues('2025-04-30')).toEqual([])
    expect(await dues('2025-05-01')).toEqual([
      expect.objectContaining({ organization: '内科党支部', person: '张伟', subject: '1个月党费未交（2025年4月起）', due: '2025-04-30', overdue: true }),
    ])
    // by mid-October April to September are behind: six in a row
    const [item] = await dues('2025-10-15')
    expect(item).toMatchObject({ subject: '6个月党费未交（2025年4月起，已连续6个月未交）', due: '2025-04-30', overdue: true })
    expect(item!.rule).toContain('党章 第九条')
    // paid up: nothing listed
    await ok(backend, 'dues.pay', { month: '2025-04', paidOn: '2025-10-15', method: 'cash', members: [{ memberId: m.张伟! }] })
    expect((await dues('2025-10-15'))[0]).toMatchObject({ subject: '5个月党费未交（2025年5月起）', due: '2025-05-31' })
  })

  it('没有用党费台账的医院没有党费待办', async () => {
    const { backend } = await duesHospital()
    expect((await ok(backend, 'todo.list', { asOf: '2025-10-15' })).filter((i) => i.kind === '党费')).toEqual([])
  })
})
