import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

async function hospital() {
  const backend = testBackend()
  const committee = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const branch = await ok(backend, 'orgs.create', { name: '内科第一党支部', type: 'branch', parentId: committee.id, departments: ['心内科', '呼吸科'], termStartedOn: '2023-01-10' })
  return { backend, committee, branch }
}

describe('党组织', () => {
  it('新建党委默认任期5年、党支部默认3年，并记录所辖科室', async () => {
    const { committee, branch } = await hospital()
    expect(committee.termYears).toBe(5)
    expect(branch.termYears).toBe(3)
    expect(branch.departments).toEqual(['心内科', '呼吸科'])
    expect(branch.termEndsOn).toBe('2026-01-10')
  })

  it('党支部不能直接作为最高一级，党小组只能设在党支部之下', async () => {
    const { backend, committee } = await hospital()
    const top = await fails(backend, 'orgs.create', { name: '孤立支部', type: 'branch', parentId: null })
    expect(top.message).toContain('党支部不能设在最高一级')
    const group = await fails(backend, 'orgs.create', { name: '第一党小组', type: 'party_group', parentId: committee.id })
    expect(group.message).toContain('上级只能是：党支部、联合党支部')
  })

  it('拒绝与现有组织重名，撤销后的名称可以重新使用', async () => {
    const { backend, committee, branch } = await hospital()
    const dup = await fails(backend, 'orgs.create', { name: '内科第一党支部', type: 'branch', parentId: committee.id })
    expect(dup.code).toBe('CONFLICT')
    await ok(backend, 'orgs.dissolve', { id: branch.id, dissolvedOn: '2025-06-01', reason: '科室合并' })
    const again = await ok(backend, 'orgs.create', { name: '内科第一党支部', type: 'branch', parentId: committee.id })
    expect(again.id).not.toBe(branch.id)
  })

  it('不能把组织移到自己的下级之下', async () => {
    const { backend, committee } = await hospital()
    const general = await ok(backend, 'orgs.create', { name: '外科党总支', type: 'general_branch', parentId: committee.id })
    const sub = await ok(backend, 'orgs.create', { name: '二级党委', type: 'committee', parentId: committee.id })
    const err = await fails(backend, 'orgs.move', { id: committee.id, parentId: sub.id })
    expect(err.message).toContain('不能把组织移到它自己或它的下级组织之下')
    const moved = await ok(backend, 'orgs.move', { id: general.id, parentId: sub.id })
    expect(moved.parentId).toBe(sub.id)
  })

  it('撤销不删除记录：有下级时拒绝，撤销后仍可查到并可恢复', async () => {
    const { backend, committee, branch } = await hospital()
    const blocked = await fails(backend, 'orgs.dissolve', { id: committee.id, dissolvedOn: '2025-06-01', reason: '测试' })
    expect(blocked.message).toContain('请先撤销或转移其下级组织：内科第一党支部')
    const done = await ok(backend, 'orgs.dissolve', { id: branch.id, dissolvedOn: '2025-06-01', reason: '科室合并' })
    expect(done.status).toBe('dissolved')
    const all = await ok(backend, 'orgs.list', {})
    expect(all.map((o) => o.name)).toContain('内科第一党支部')
    const back = await ok(backend, 'orgs.reinstate', { id: branch.id })
    expect(back.status).toBe('active')
    expect(back.dissolvedOn).toBeNull()
  })

  it('撤销日期早于成立日期时给出中文提示', async () => {
    const { backend, committee } = await hospital()
    const b = await ok(backend, 'orgs.create', { name: '新支部', type: 'branch', parentId: committee.id, foundedOn: '2024-05-01' })
    const err = await fails(backend, 'orgs.dissolve', { id: b.id, dissolvedOn: '2024-01-01', reason: '误建' })
    expect(err.message).toBe('撤销日期不能早于成立日期（2024-05-01）')
  })

  it('输入不合法时逐项说明，且不写入任何数据', async () => {
    const { backend } = await hospital()
    const err = await fails(backend, 'orgs.create', { name: '  ', type: 'branchx', parentId: null, foundedOn: '2024-02-30' })
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('请填写组织名称')
    expect(err.message).toContain('请选择组织类型')
    expect(err.message).toContain('成立日期不是有效日期')
    expect(await ok(backend, 'orgs.list', {})).toHaveLength(2)
  })

  it('每次修改都写入审计日志，含修改前后内容和操作人', async () => {
    const { backend, branch } = await hospital()
    await ok(backend, 'orgs.update', { id: branch.id, name: '心血管内科党支部', type: 'branch', departments: ['心内科'] })
    const log = await ok(backend, 'audit.list', { entity: 'organization', entityId: branch.id })
    expect(log.map((e) => e.method)).toEqual(['orgs.update', 'orgs.create'])
    expect(log[0]!.user).toBe('测试干事')
    expect((log[0]!.before as { name: string }).name).toBe('内科第一党支部')
    expect((log[0]!.after as { name: string }).name).toBe('心血管内科党支部')
  })

  it('换届提醒：届满前6个月内提示，届满后为红色警告', async () => {
    const { backend, committee } = await hospital()
    // clock is 2025-06-15; the branch's term ends 2026-01-10 (within 7 months → no reminder yet)
    const soon = await ok(backend, 'orgs.create', { name: '药学部党支部', type: 'branch', parentId: committee.id, termStartedOn: '2022-09-01' })
    expect(soon.warnings.map((w) => w.code)).toContain('term_expiring')
    const late = await ok(backend, 'orgs.create', { name: '行政党支部', type: 'branch', parentId: committee.id, termStartedOn: '2022-01-01' })
    expect(late.warnings.find((w) => w.code === 'term_expired')?.level).toBe('danger')
  })
})

describe('规则参数', () => {
  it('调整阈值后提示随之变化，恢复默认后回到全国默认值，修改记入审计', async () => {
    const { backend, branch } = await hospital()
    expect(branch.warnings.map((w) => w.code)).toContain('too_few_full_members')
    await ok(backend, 'settings.update', { key: 'org.minFullMembers', value: 0 })
    expect((await ok(backend, 'orgs.get', { id: branch.id })).warnings.map((w) => w.code)).not.toContain('too_few_full_members')
    const back = await ok(backend, 'settings.update', { key: 'org.minFullMembers', value: null })
    expect(back.values['org.minFullMembers']).toBe(3)
    const log = await ok(backend, 'audit.list', { entity: 'setting' })
    expect(log.map((e) => e.after)).toEqual([{ 'org.minFullMembers': 3 }, { 'org.minFullMembers': 0 }])
  })

  it('拒绝类型不对或不存在的设置项', async () => {
    const backend = testBackend()
    expect((await fails(backend, 'settings.update', { key: 'org.minFullMembers', value: '三' })).message).toContain('类型不正确')
    expect((await fails(backend, 'settings.update', { key: 'org.nope', value: 1 })).message).toContain('没有名为')
    expect((await fails(backend, 'settings.update', { key: 'org.termReminderMonths', value: [6, -1] })).message).toContain('0至120')
  })
})
