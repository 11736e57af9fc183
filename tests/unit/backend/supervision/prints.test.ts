import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../../helpers'

// 催办单 and 督查通报 (docs/deadlines.md §9); the test clock is 2025-07-10, ten days after the 时限
async function overdueItem() {
  const backend = testBackend('2025-07-10T10:00:00+08:00')
  await ok(backend, 'settings.update', { key: 'unit.name', value: '示范医院' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, departments: ['总务科', '医务科'] })
  const late = await ok(backend, 'supervision.create', { source: 'manual', instructedBy: '党委书记', title: '完成门诊楼改造招标', organizationId: c.id, leadDepartment: '总务科', responsible: '李科长', assignedOn: '2025-06-01', dueOn: '2025-06-30' })
  await ok(backend, 'supervision.act', { action: 'urge', id: late.id, on: '2025-07-08', note: '请于7月15日前书面反馈' })
  const done = await ok(backend, 'supervision.create', { source: 'document', documentNo: '示卫党〔2025〕3号', title: '报送党建工作总结', organizationId: c.id, leadDepartment: '医务科', assignedOn: '2025-06-02', dueOn: '2025-07-05' })
  await ok(backend, 'supervision.act', { action: 'request', id: done.id, on: '2025-07-03', result: '已报送' })
  await ok(backend, 'supervision.act', { action: 'complete', id: done.id, on: '2025-07-04', result: '已报送' })
  return { backend, late, done }
}
const text = (html: string) => html.replace(/<[^>]+>/g, '')

describe('催办单', () => {
  it('写明事项、牵头部门、时限与逾期天数、最近一次催办的内容，落款党委办公室和催办日期', async () => {
    const { backend, late } = await overdueItem()
    const doc = await ok(backend, 'print.document', { what: 'supervisionUrge', id: late.id })
    const t = text(doc.html)
    expect(doc.title).toBe(`督办事项催办单（${late.id}）`)
    for (const s of ['完成门诊楼改造招标', '领导交办：党委书记', '总务科', '李科长', '2025年6月30日（已逾期10天）', '请于7月15日前书面反馈', '第1次催办', '示范医院党委办公室', '2025年7月8日']) expect(t).toContain(s)
  })
})

describe('督查通报', () => {
  it('本月的数字按今天计：事项数、办结率、按时办结率、逾期事项及其催办次数、本月办结事项', async () => {
    const { backend } = await overdueItem()
    const t = text((await ok(backend, 'print.document', { what: 'supervisionReport', month: '2025-07' })).html)
    expect(t).toContain('2025年第7期')
    expect(t).toContain('截至2025年7月10日，党委督办事项共2项，已办结1项，办结率50.0%；应办结2项，按时办结1项，按时办结率50.0%；逾期未办结1项。7月新立项0项，办结1项。')
    expect(t).toMatch(/逾期未办结事项.*完成门诊楼改造招标.*总务科.*李科长.*2025\.6\.30.*10.*1次/s)
    expect(t).toMatch(/本月办结事项.*报送党建工作总结.*医务科.*2025\.7\.4/s)
  })

  it('过去的月份按月末计（之后才办结的在当时仍未办结）；还没到的月份说明原因', async () => {
    const { backend } = await overdueItem()
    const t = text((await ok(backend, 'print.document', { what: 'supervisionReport', month: '2025-06' })).html)
    expect(t).toContain('截至2025年6月30日，党委督办事项共2项，已办结0项')
    expect(t).toContain('本期没有逾期未办结的事项')
    expect((await fails(backend, 'print.document', { what: 'supervisionReport', month: '2025-08' })).message).toBe('2025年8月还没有到，不能通报：请选择本月或以前的月份')
  })
})
