import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../../helpers'

// the test clock is 2025-06-15; the list is asked for a given day (docs/deadlines.md)
async function hospital(transport: 'cli' | 'web' = 'cli') {
  const backend = testBackend('2025-06-15T10:00:00+08:00', '测试干事', transport)
  if (transport === 'web') await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  // 支部工作条例: a term of 3 years → ends 2025-09-01, within 3 months of 2025-06-15
  const medicine = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01', termStartedOn: '2022-09-01' })
  const surgery = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
  const member = (organizationId: number, name: string, fields: Record<string, unknown>) => ok(backend, 'members.create', { organizationId, fields: { name, gender: '男', ...fields } } as never)
  await member(medicine.id, '甲', { joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
  await member(medicine.id, '预备', { appliedOn: '2022-01-01', activistOn: '2022-06-01', candidateOn: '2023-07-01', joinedOn: '2024-06-01' })
  await member(surgery.id, '积极', { appliedOn: '2023-01-01', activistOn: '2024-03-01' })
  // docs/deadlines.md §12: a 发展对象 since 2025-05-01 with neither 政治审查 nor 集中培训 on record
  await member(surgery.id, '对象', { appliedOn: '2023-01-01', activistOn: '2024-01-01', candidateOn: '2025-05-01' })
  return { backend, committee: c, medicine, surgery }
}

describe('待办事项（todo.list）：一个引擎给出全部到期事项', () => {
  it('换届、预备期满、积极分子、发展对象、政治生日和本期的三会一课同在一张表，逾期在前、到期近的在前', async () => {
    const { backend } = await hospital()
    const items = await ok(backend, 'todo.list', { asOf: '2025-06-15' })
    const kinds = new Set(items.map((i) => i.kind))
    expect([...kinds].sort()).toEqual(['三会一课', '主题党日', '预备期满', '换届', '积极分子', '发展对象', '政治生日', '组织生活会'].sort())
    expect(items.filter((i) => i.kind === '发展对象').map((i) => [i.person, i.subject.slice(0, 4), i.due, i.overdue])).toEqual([['对象', '集中培训', '2025-08-01', false], ['对象', '政治审查', '2025-08-01', false]])
    // joined 2024-06-01: the first 政治生日 is this June; 甲 joined in January, so not this month
    expect(items.filter((i) => i.kind === '政治生日')).toEqual([expect.objectContaining({ person: '预备', due: '2025-06-01', overdue: false, subject: '入党1周年（2024-06-01入党），政治生日' })])
    expect(items.find((i) => i.kind === '换届')).toMatchObject({ organization: '内科党支部', due: '2025-09-01', overdue: false })
    expect(items.find((i) => i.kind === '预备期满')).toMatchObject({ person: '预备', due: '2025-06-01', overdue: true })
    expect(items.find((i) => i.kind === '积极分子')).toMatchObject({ person: '积极', organization: '外科党支部', due: '2025-03-01', overdue: false })
    // May's 支部党员大会 quarter has not ended, but May's 主题党日 has: overdue, and ahead of everything not overdue
    expect(items.find((i) => i.kind === '主题党日' && i.subject.startsWith('2025年5月'))).toMatchObject({ due: '2025-05-31', overdue: true })
    const firstOnTime = items.findIndex((i) => !i.overdue)
    expect(items.slice(firstOnTime).every((i) => !i.overdue)).toBe(true)
    expect(items.slice(0, firstOnTime).map((i) => i.due)).toEqual(items.slice(0, firstOnTime).map((i) => i.due).sort())
  })

  it('达标表怎样算，待办就怎样算：开过一次完整的支部党员大会，本季度的这一项就不再列出', async () => {
    const { backend, medicine } = await hospital()
    const congress = async () => (await ok(backend, 'todo.list', { asOf: '2025-06-15', organizationId: medicine.id })).filter((i) => i.subject === '2025年第2季度支部党员大会：应开1次，已开0次')
    expect(await congress()).toHaveLength(1)
    await ok(backend, 'meetings.create', { organizationId: medicine.id, types: ['party_congress'], title: '支部党员大会', heldOn: '2025-05-20', host: '甲', recorder: '甲', minutes: '记录', presentCount: 2, expectedCount: 2 } as never)
    expect(await congress()).toEqual([])
  })

  it('按党组织筛选时只列该组织及其下级的事项', async () => {
    const { backend, surgery } = await hospital()
    const items = await ok(backend, 'todo.list', { asOf: '2025-06-15', organizationId: surgery.id })
    expect(new Set(items.map((i) => i.organization))).toEqual(new Set(['外科党支部']))
  })

  it('支部书记只看到本支部的待办，即使请求的是全院', async () => {
    const { backend, medicine } = await hospital('web')
    await ok(backend, 'users.create', { username: 'neike', displayName: '内科刘书记', role: 'secretary', organizationId: medicine.id, password: 'secretary-1' })
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'neike', password: 'secretary-1' })
    const items = await ok(backend, 'todo.list', { asOf: '2025-06-15' })
    expect(items.length).toBeGreaterThan(0)
    expect(new Set(items.map((i) => i.organization))).toEqual(new Set(['内科党支部']))
  })

  it('日期写错时给出中文原因', async () => {
    const { backend } = await hospital()
    expect((await fails(backend, 'todo.list', { asOf: '2025-02-30' })).message).toContain('日期不是有效日期')
  })
})
