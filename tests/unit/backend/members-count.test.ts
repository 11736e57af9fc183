import { describe, expect, it } from 'vitest'
import { ok, testBackend } from '../helpers'

describe('名册的人数说明它数的是谁', () => {
  it('在册人员按人员类别分开计数：党员（正式、预备）与入党申请人、积极分子、发展对象分列，合计即列表人数', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    const add = (name: string, f: Record<string, unknown>) => ok(backend, 'members.create', { organizationId: b.id, fields: { name, gender: '女', ...f } })
    await add('正式一', { joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    await add('正式二', { joinedOn: '2000-01-01', convertedOn: '2001-01-01' })
    await add('预备', { joinedOn: '2025-01-01' })
    await add('申请人', { birthDate: '2000-01-01', appliedOn: '2025-01-01' })
    await add('积极分子', { birthDate: '2000-01-01', appliedOn: '2024-01-01', activistOn: '2024-06-01' })
    const r = await ok(backend, 'members.list', {})
    expect(r.total).toBe(5)
    expect(r.byStage).toEqual({ applicant: 1, activist: 1, candidate: 0, probationary: 1, full: 2 })
    // a filter narrows the parts too
    expect((await ok(backend, 'members.list', { stages: ['full', 'probationary'] })).byStage).toMatchObject({ full: 2, probationary: 1, applicant: 0 })
  })
})
