import { describe, expect, it } from 'vitest'
import { ok, testBackend } from '../helpers'

// the test clock is 2025-06-15
async function branchOfFive() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const b = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const ids: number[] = []
  for (const [i, name] of ['赵一', '钱二', '孙三', '李四', '周五'].entries())
    ids.push((await ok(backend, 'members.create', { organizationId: b.id, fields: { name, gender: '男', joinedOn: `200${i}-01-01`, convertedOn: `200${i + 1}-01-01` } })).member.id)
  return { backend, committee: c, branch: b, ids }
}

const statusOf = (cells: { type: string; period: string; status: string }[], type: string, period: string) => cells.find((c) => c.type === type && c.period === period)?.status

describe('达标情况按当期的班子和党小组计算', () => {
  it('3月10日选出支委会：此前的月份支委会不适用，3月不满一个月也不适用，4月起应开', async () => {
    const { backend, branch, ids } = await branchOfFive()
    for (const [i, post] of (['secretary', 'organization', 'propaganda'] as const).entries()) await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[i]!, post, electedOn: '2025-03-10' })
    const cells = await ok(backend, 'compliance.grid', { from: '2025-01-01', to: '2025-06-30', organizationId: branch.id })
    expect(['2025-02', '2025-03', '2025-04', '2025-05'].map((p) => statusOf(cells, 'committee_meeting', p))).toEqual(['exempt', 'exempt', 'missing', 'missing'])
  })

  it('支委会委员离任后不足3人，此后的月份支委会不适用', async () => {
    const { backend, branch, ids } = await branchOfFive()
    for (const [i, post] of (['secretary', 'organization', 'propaganda'] as const).entries()) await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: ids[i]!, post, electedOn: '2020-01-01' })
    const posts = await ok(backend, 'committees.list', { organizationId: branch.id })
    await ok(backend, 'committees.end', { postId: posts.find((p) => p.post === 'propaganda')!.id, endedOn: '2025-04-20' })
    const cells = await ok(backend, 'compliance.grid', { from: '2025-03-01', to: '2025-05-31', organizationId: branch.id })
    expect(['2025-03', '2025-04', '2025-05'].map((p) => statusOf(cells, 'committee_meeting', p))).toEqual(['missing', 'exempt', 'exempt'])
  })

  it('党小组4月成立：此前党小组会不适用（未设党小组），4月起应开；党小组会的应到名单是所在支部的名册', async () => {
    const { backend, branch } = await branchOfFive()
    const group = await ok(backend, 'orgs.create', { name: '外科第一党小组', type: 'party_group', parentId: branch.id, foundedOn: '2025-04-01' })
    const cells = await ok(backend, 'compliance.grid', { from: '2025-03-01', to: '2025-04-30', organizationId: branch.id })
    expect(cells.find((c) => c.type === 'group_meeting' && c.period === '2025-03')).toMatchObject({ status: 'exempt', reason: '未设党小组' })
    expect(statusOf(cells, 'group_meeting', '2025-04')).toBe('missing')
    const expected = await ok(backend, 'meetings.expected', { organizationId: group.id, heldOn: '2025-05-08', types: ['group_meeting'] })
    expect(expected.map((e) => e.name)).toEqual(['赵一', '钱二', '孙三', '李四', '周五'])
  })

  it('“套用模板”总是给出议程框架；“复制上次”带出上次同类会议并说明复制自哪一次', async () => {
    const { backend, branch } = await branchOfFive()
    await ok(backend, 'meetings.create', { organizationId: branch.id, types: ['theme_day'], title: '5月主题党日：社区义诊', heldOn: '2025-05-10', place: '门诊大厅', recorder: '钱二', agenda: '一、重温入党誓词\n二、义诊', presentCount: 5 })
    const last = await ok(backend, 'meetings.template', { organizationId: branch.id, types: ['theme_day'], source: 'last' })
    expect(last).toMatchObject({ agenda: '一、重温入党誓词\n二、义诊', place: '门诊大厅', recorder: '钱二', copiedFrom: { heldOn: '2025-05-10', title: '5月主题党日：社区义诊' } })
    const skeleton = await ok(backend, 'meetings.template', { organizationId: branch.id, types: ['theme_day'], source: 'template' })
    expect(skeleton).toMatchObject({ title: '主题党日', copiedFrom: null, place: null })
    expect(skeleton.agenda).toContain('交纳党费')
  })

  it('“复制上次”没有完全同类的会议时，复制最近一次包含这些类型的会议（如党员大会暨党课）；有完全同类的优先', async () => {
    const { backend, branch } = await branchOfFive()
    await ok(backend, 'meetings.create', { organizationId: branch.id, types: ['party_congress', 'party_lecture'], title: '二季度党员大会暨党课', heldOn: '2025-05-10', presentCount: 5 })
    const combined = await ok(backend, 'meetings.template', { organizationId: branch.id, types: ['party_congress'], source: 'last' })
    expect(combined.copiedFrom).toMatchObject({ title: '二季度党员大会暨党课' })
    await ok(backend, 'meetings.create', { organizationId: branch.id, types: ['party_congress'], title: '一季度党员大会', heldOn: '2025-03-10', presentCount: 5 })
    const exact = await ok(backend, 'meetings.template', { organizationId: branch.id, types: ['party_congress'], source: 'last' })
    expect(exact.copiedFrom).toMatchObject({ title: '一季度党员大会' })
    const none = await ok(backend, 'meetings.template', { organizationId: branch.id, types: ['party_congress', 'appraisal'], source: 'last' })
    expect(none.copiedFrom).toBeNull()
  })
})
