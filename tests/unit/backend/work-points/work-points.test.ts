import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../../helpers'

// docs/deadlines.md §11; the test clock is 2025-06-15
async function hospital() {
  const backend = testBackend()
  await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, departments: ['党委办公室', '宣传科'] })
  return backend
}
const point = {
  year: 2025, kind: 'project' as const, title: '打造“红色先锋”党建品牌', leadDepartment: '宣传科', responsible: '王科长', dueOn: '2025-12-31',
  milestones: [{ title: '制定方案', dueOn: '2025-03-31', doneOn: '2025-03-20' }, { title: '评选首批示范岗', dueOn: '2025-06-30', doneOn: null }],
}

describe('年度工作要点：里程碑推进，工作台按下一个里程碑提醒', () => {
  it('在工作台以“督办”列出，到期日为下一个未完成的里程碑；里程碑当天不逾期、次日逾期；完成后不再列出', async () => {
    const backend = await hospital()
    const p = await ok(backend, 'workPoints.save', point)
    expect(p).toMatchObject({ state: 'active', milestones: [{ title: '制定方案' }, { title: '评选首批示范岗' }] })
    const item = async (asOf: string) => (await ok(backend, 'todo.list', { asOf })).find((t) => t.rule.includes('§11'))
    expect(await item('2025-06-30')).toMatchObject({ kind: '督办', organization: '中共示范医院委员会', workPointId: p.id, due: '2025-06-30', overdue: false, subject: '党建重点项目：打造“红色先锋”党建品牌（里程碑：评选首批示范岗）' })
    expect(await item('2025-07-01')).toMatchObject({ overdue: true })
    await ok(backend, 'workPoints.save', { ...point, id: p.id, completedOn: '2025-06-10', result: '品牌已发布，评出示范岗10个' })
    expect(await item('2025-07-01')).toBeUndefined()
    expect((await ok(backend, 'workPoints.list', { year: 2025, asOf: null }))[0]).toMatchObject({ state: 'completed', result: '品牌已发布，评出示范岗10个' })
  })

  it('时限不在本年、里程碑晚于时限、完成日期没有完成情况、不存在的科室：说明原因且什么也不写', async () => {
    const backend = await hospital()
    expect((await fails(backend, 'workPoints.save', { ...point, dueOn: '2026-01-10' })).message).toBe('完成时限（2026-01-10）应在2025年内')
    expect((await fails(backend, 'workPoints.save', { ...point, dueOn: '2025-05-31' })).message).toBe('第2个里程碑的日期（2025-06-30）晚于完成时限（2025-05-31）')
    expect((await fails(backend, 'workPoints.save', { ...point, completedOn: '2025-06-01' })).message).toBe('完成时请写明完成情况')
    expect((await fails(backend, 'workPoints.save', { ...point, leadDepartment: '基建科' })).message).toContain('没有名为“基建科”的科室')
    expect(await ok(backend, 'workPoints.list', { year: 2025, asOf: null })).toEqual([])
  })

  it('作废须写原因，留在列表中，不再提醒；支部的待办中没有党委的工作要点', async () => {
    const backend = await hospital()
    const c = (await ok(backend, 'orgs.list', {}))[0]!
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const p = await ok(backend, 'workPoints.save', point)
    expect((await ok(backend, 'todo.list', { asOf: '2025-06-20', organizationId: b.id })).filter((t) => t.rule.includes('§11'))).toEqual([])
    expect(await ok(backend, 'workPoints.void', { id: p.id, reason: '并入全院文化建设项目' })).toMatchObject({ state: 'void' })
    expect((await ok(backend, 'todo.list', { asOf: '2025-06-20' })).filter((t) => t.rule.includes('§11'))).toEqual([])
    expect(await ok(backend, 'workPoints.list', { year: 2025, asOf: null })).toHaveLength(1)
  })
})
