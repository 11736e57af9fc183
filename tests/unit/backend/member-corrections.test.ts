import { describe, expect, it } from 'vitest'
import { fails, ok, testBackend } from '../helpers'

// the test clock is 2025-06-15
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  const branch = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  const other = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  const person = async (name: string, fields: Record<string, unknown> = { joinedOn: '2010-01-01', convertedOn: '2011-01-01' }) =>
    (await ok(backend, 'members.create', { organizationId: branch.id, fields: { name, gender: '男', department: '心内科', ...fields } as never })).member.id
  return { backend, branch, other, person }
}

describe('更正登记有误的变动（不删除，留下两条记录）', () => {
  it('误登记的出党被更正：回到名册和原支部，支委会职务恢复，时间线保留出党和更正两条，统计不计这次出党', async () => {
    const { backend, branch, person } = await hospital()
    const id = await person('张三')
    await ok(backend, 'committees.appoint', { organizationId: branch.id, memberId: id, post: 'secretary', electedOn: '2023-01-01' })
    const left = await ok(backend, 'members.event', { type: 'left', id, date: '2025-05-01', leaveReason: '除名', documentNo: '院党委〔2025〕7号' })
    expect(left.member.status).toBe('left')
    const step = left.events.find((e) => e.type === 'left')!
    expect(step.revocable).toBe(true)
    expect((await fails(backend, 'members.revoke', { id, eventId: step.id, reason: '' })).message).toBe('请填写更正原因')

    const d = await ok(backend, 'members.revoke', { id, eventId: step.id, reason: '登记错了人，应为张山' })
    expect(d.member).toMatchObject({ status: 'normal', leftOn: null, leftReason: null, organizationName: '内科党支部' })
    expect(d.memberships).toEqual([{ organizationName: '内科党支部', fromDate: '2010-01-01', toDate: null }])
    const revoked = d.events.find((e) => e.id === step.id)!
    expect(revoked.revokedBy).toMatchObject({ on: '2025-06-15', reason: '登记错了人，应为张山' })
    expect(revoked.revocable).toBe(false)
    expect(d.events.at(-1)).toMatchObject({ type: 'revoked', revokes: step.id, reason: '登记错了人，应为张山' })
    expect((await ok(backend, 'committees.list', { organizationId: branch.id })).find((p) => p.memberId === id)?.endedOn).toBeNull()
    expect((await ok(backend, 'stats.annual', { year: 2025 })).left.除名).toBe(0)
    // the audit log keeps the correction with its reason
    const audit = (await ok(backend, 'audit.list', { entity: 'member', entityId: id })) as { method: string }[]
    expect(audit.map((a) => a.method)).toContain('members.revoke')
    // one correction per step
    expect((await fails(backend, 'members.revoke', { id, eventId: step.id, reason: '再来一次' })).message).toContain('已经更正过')
  })

  it('误登记的支部调动被更正：回到原支部，科室改回原来的，调入支部的那段关系不再计入任何名单', async () => {
    const { backend, branch, other, person } = await hospital()
    const id = await person('李四')
    const moved = await ok(backend, 'members.event', { type: 'moved', id, date: '2025-03-01', organizationId: other.id, department: '普外科' })
    expect(moved.member).toMatchObject({ organizationName: '外科党支部', department: '普外科' })
    expect(moved.events.at(-1)!.reason).toBe('科室：心内科 → 普外科')
    const d = await ok(backend, 'members.revoke', { id, eventId: moved.events.at(-1)!.id, reason: '调错了支部' })
    expect(d.member).toMatchObject({ organizationName: '内科党支部', department: '心内科' })
    expect((await ok(backend, 'members.list', { organizationId: other.id })).total).toBe(0)
    expect((await ok(backend, 'members.list', { organizationId: branch.id })).total).toBe(1)
    expect((await ok(backend, 'meetings.expected', { organizationId: other.id, heldOn: '2025-04-01', types: ['party_congress'] })).map((e) => e.name)).toEqual([])
    expect((await ok(backend, 'meetings.expected', { organizationId: branch.id, heldOn: '2025-04-01', types: ['party_congress'] })).map((e) => e.name)).toEqual(['李四'])
  })

  it('支部调动时科室可以不变', async () => {
    const { backend, other, person } = await hospital()
    const id = await person('王五')
    const d = await ok(backend, 'members.event', { type: 'moved', id, date: '2025-03-01', organizationId: other.id })
    expect(d.member.department).toBe('心内科')
  })

  it('转正登记错了可以更正，回到预备党员；后来又改过转正日期时不能直接更正，说明先更正后来的', async () => {
    const { backend, other, person } = await hospital()
    const a = await person('赵六', { joinedOn: '2024-03-01' })
    const converted = await ok(backend, 'members.event', { type: 'converted', id: a, date: '2025-03-01' })
    expect(converted.member.stage).toBe('full')
    const moved = await ok(backend, 'members.event', { type: 'moved', id: a, date: '2025-04-01', organizationId: other.id })
    // the move changed nothing the conversion changed: the conversion can still be corrected on its own
    const conversion = moved.events.find((e) => e.type === 'converted')!
    expect(conversion.revocable).toBe(true)
    const back = await ok(backend, 'members.revoke', { id: a, eventId: conversion.id, reason: '支部大会尚未讨论' })
    expect(back.member).toMatchObject({ stage: 'probationary', convertedOn: null, organizationName: '外科党支部' })

    const b = await person('周九', { joinedOn: '2024-03-01' })
    const step = (await ok(backend, 'members.event', { type: 'converted', id: b, date: '2025-03-01' })).events.at(-1)!
    await ok(backend, 'members.update', { id: b, fields: { name: '周九', gender: '男', department: '心内科', joinedOn: '2024-03-01', convertedOn: '2025-03-02' } })
    const e = await fails(backend, 'members.revoke', { id: b, eventId: step.id, reason: '日期错了' })
    expect(e.message).toBe('不能更正2025-03-01的“转为正式党员”：此后周九的转正日期又有变动。请先更正后来的登记，再更正这一步')
  })

  it('建档时写入的历史不能用“更正”撤销，说明应修改档案', async () => {
    const { backend, person } = await hospital()
    const id = await person('钱七')
    const d = await ok(backend, 'members.get', { id })
    const admitted = d.events.find((e) => e.type === 'admitted')!
    expect(admitted.revocable).toBe(false)
    expect((await fails(backend, 'members.revoke', { id, eventId: admitted.id, reason: '错了' })).message).toContain('请在“修改档案”中改正相应的日期')
  })

  it('去世不是出党：登记去世后离开名册，显示为已去世；出党方式只有党章规定的几种，且须填批准文号', async () => {
    const { backend, person } = await hospital()
    const id = await person('孙八')
    const bad = await fails(backend, 'members.event', { type: 'left', id, date: '2025-05-01', leaveReason: '死亡', documentNo: 'x' })
    expect(bad.message).toContain('去世请登记“去世”，不是出党')
    expect((await fails(backend, 'members.event', { type: 'left', id, date: '2025-05-01', leaveReason: '劝退' })).message).toBe('请填写批准文号')
    const d = await ok(backend, 'members.event', { type: 'died', id, date: '2025-05-01' })
    expect(d.member).toMatchObject({ status: 'left', leftReason: '死亡' })
    expect(d.events.at(-1)!.type).toBe('died')
  })
})
