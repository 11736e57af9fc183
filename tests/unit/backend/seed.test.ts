import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

describe('演示数据生成', () => {
  it('同一种子生成完全相同的医院，组织结构符合规则（支部在总支之下）', async () => {
    const a = testBackend()
    const b = testBackend()
    const sa = await ok(a, 'demo.seed', { scale: 'small' })
    await ok(b, 'demo.seed', { scale: 'small' })
    const la = await ok(a, 'orgs.list', {})
    const lb = await ok(b, 'orgs.list', {})
    expect(la.map((o) => [o.name, o.type, o.parentId, o.foundedOn])).toEqual(lb.map((o) => [o.name, o.type, o.parentId, o.foundedOn]))
    expect(sa.branches).toBeGreaterThan(40)
    const byId = new Map(la.map((o) => [o.id, o]))
    for (const o of la.filter((x) => x.type === 'branch' || x.type === 'joint_branch')) expect(byId.get(o.parentId!)!.type).toBe('general_branch')
  })

  it('已有数据时拒绝生成，以免与真实数据混在一起', async () => {
    const backend = testBackend()
    await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    expect((await fails(backend, 'demo.seed', { scale: 'small' })).message).toContain('只能加载到空数据库')
  })
})
