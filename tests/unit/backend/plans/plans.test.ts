import { describe, expect, it } from 'vitest'
import { matchPlans, type HeldFacts, type PlanFacts } from '../../../../electron/shared/plans'
import { fails, ok, testBackend } from '../../helpers'

// docs/deadlines.md §10; the test clock is 2025-06-15
describe('会议计划：同月召开该类会议即算完成', () => {
  const plan = (id: number, plannedOn: string, meetingType: PlanFacts['meetingType'] = 'party_lecture'): PlanFacts => ({ id, organizationId: 1, meetingType, plannedOn })
  const held = (id: number, heldOn: string, types: HeldFacts['types'] = ['party_lecture'], organizationId = 1): HeldFacts => ({ id, organizationId, types, heldOn, title: `会议${id}` })

  it('月内改期仍算；下个月召开、别的组织或别的类型不算', () => {
    expect([...matchPlans([plan(1, '2025-03-10')], [held(7, '2025-03-31')]).keys()]).toEqual([1])
    expect(matchPlans([plan(1, '2025-03-10')], [held(7, '2025-04-01')]).size).toBe(0)
    expect(matchPlans([plan(1, '2025-03-10')], [held(7, '2025-03-10', ['party_lecture'], 2)]).size).toBe(0)
    expect(matchPlans([plan(1, '2025-03-10')], [held(7, '2025-03-10', ['theme_day'])]).size).toBe(0)
  })

  it('一次会议完成每种类型各一项计划，早的计划先；党员大会暨党课完成两项', () => {
    const m = matchPlans([plan(2, '2025-03-20'), plan(1, '2025-03-05')], [held(7, '2025-03-25')])
    expect([...m.keys()]).toEqual([1])
    const both = matchPlans([plan(1, '2025-03-05', 'party_congress'), plan(2, '2025-03-05')], [held(8, '2025-03-06', ['party_congress', 'party_lecture'])])
    expect([...both.keys()].sort()).toEqual([1, 2])
  })
})

async function branch() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  return { backend, b }
}
const base = { meetingType: 'party_lecture' as const, topic: '学习全会精神', speaker: '王伟', place: null }

describe('会议计划：保存、作废、与会议记录对照', () => {
  it('计划日当天未到期，次日起逾期未开；登记当月的党课后为已召开；工作台从当月1日起列出，注明依据', async () => {
    const { backend, b } = await branch()
    const p = await ok(backend, 'plans.save', { ...base, organizationId: b.id, plannedOn: '2025-06-15' })
    await ok(backend, 'plans.save', { ...base, organizationId: b.id, plannedOn: '2025-07-02', topic: '七一党课' })
    const states = async (asOf: string) => (await ok(backend, 'plans.list', { organizationId: b.id, year: 2025, asOf })).map((r) => r.state)
    expect(await states('2025-06-15')).toEqual(['pending', 'pending'])
    expect(await states('2025-06-16')).toEqual(['overdue', 'pending'])
    const todo = await ok(backend, 'todo.list', { asOf: '2025-06-16', organizationId: b.id })
    const planned = todo.filter((t) => t.rule.includes('§10'))
    // July's plan is not listed in June
    expect(planned).toEqual([expect.objectContaining({ kind: '三会一课', due: '2025-06-15', overdue: true, meetingType: 'party_lecture', subject: '计划6月15日召开党课：学习全会精神（主讲人 王伟），尚未登记' })])
    const m = await ok(backend, 'meetings.create', { organizationId: b.id, types: ['party_lecture'], title: '党课', heldOn: '2025-06-28', host: '王伟', recorder: '干事', minutes: '学习' } as never)
    const after = await ok(backend, 'plans.list', { organizationId: b.id, year: 2025, asOf: '2025-06-30' })
    expect(after[0]).toMatchObject({ id: p.id, state: 'held', held: { meetingId: m.id, heldOn: '2025-06-28' } })
    expect((await ok(backend, 'todo.list', { asOf: '2025-06-30', organizationId: b.id })).filter((t) => t.rule.includes('§10'))).toEqual([])
  })

  it('没有主题、不是三会一课的类型被拒绝且什么也不写；作废须写原因，作废后不再提醒、不能修改，记入审计', async () => {
    const { backend, b } = await branch()
    expect((await fails(backend, 'plans.save', { ...base, organizationId: b.id, plannedOn: '2025-06-20', topic: ' ' })).message).toContain('主题')
    expect((await fails(backend, 'plans.save', { ...base, organizationId: b.id, plannedOn: '2025-06-20', meetingType: 'standing_committee' as never })).message).toContain('请选择会议类型')
    expect(await ok(backend, 'plans.list', { organizationId: b.id, year: 2025, asOf: null })).toEqual([])
    const p = await ok(backend, 'plans.save', { ...base, organizationId: b.id, plannedOn: '2025-06-10' })
    expect((await fails(backend, 'plans.void', { id: p.id, reason: '' })).message).toContain('作废原因')
    expect(await ok(backend, 'plans.void', { id: p.id, reason: '与主题党日合并' })).toMatchObject({ state: 'void', voidReason: '与主题党日合并' })
    expect((await fails(backend, 'plans.save', { ...base, id: p.id, organizationId: b.id, plannedOn: '2025-06-11' })).message).toBe('该计划已作废，不能修改：请另行添加')
    expect((await ok(backend, 'todo.list', { asOf: '2025-06-20', organizationId: b.id })).filter((t) => t.rule.includes('§10'))).toEqual([])
    expect((await ok(backend, 'audit.list', { entity: 'meeting_plan' } as never)).length).toBe(2)
  })

  it('计划打印：只印有效的计划，写明完成情况；没有计划时说明去哪里添加', async () => {
    const { backend, b } = await branch()
    expect((await fails(backend, 'print.document', { what: 'meetingPlan', organizationId: b.id, year: 2025 })).message).toBe('内科党支部2025年还没有会议计划：请先在“会议记录 → 会议计划”中添加')
    await ok(backend, 'plans.save', { ...base, organizationId: b.id, plannedOn: '2025-03-10' })
    const gone = await ok(backend, 'plans.save', { ...base, organizationId: b.id, plannedOn: '2025-04-10', topic: '取消的党课' })
    await ok(backend, 'plans.void', { id: gone.id, reason: '重复' })
    await ok(backend, 'meetings.create', { organizationId: b.id, types: ['party_lecture'], title: '党课', heldOn: '2025-03-12', host: '王伟', recorder: '干事', minutes: '学习' } as never)
    const html = (await ok(backend, 'print.document', { what: 'meetingPlan', organizationId: b.id, year: 2025 })).html.replace(/<[^>]+>/g, '')
    expect(html).toContain('2025年度“三会一课”及主题党日计划')
    expect(html).toMatch(/3月10日党课学习全会精神王伟.*3月12日已召开/s)
    expect(html).not.toContain('取消的党课')
  })
})
