import { describe, expect, it } from 'vitest'
import { SCOPED_METHODS } from '../../../electron/backend/branch-scope'
import { contract, type Method } from '../../../electron/shared/contract'
import { roleMay, SECRETARY_METHODS } from '../../../electron/shared/permissions'
import { fails, ok, testBackend } from '../helpers'

const may = (role: 'admin' | 'clerk' | 'leader' | 'secretary', m: Method) => roleMay(role, m, contract[m].access)

describe('界面与后台按同一套规则判断角色能做什么', () => {
  it('支部书记可调用的接口：界面用的清单与后台逐条限定本支部的规则一一对应', () => {
    expect([...SECRETARY_METHODS].sort()).toEqual([...SCOPED_METHODS].sort())
    for (const m of SECRETARY_METHODS) expect(m in contract, m).toBe(true)
  })

  it('只读领导不能新建、导入、保存设置；支部书记不能导入、不能改规则参数；只有管理员管理账号', () => {
    for (const m of ['members.create', 'meetings.create', 'orgs.create', 'imports.commit', 'assessments.createRound', 'settings.update'] as const) expect(may('leader', m), m).toBe(false)
    for (const m of ['imports.preview', 'imports.commit', 'settings.update', 'orgs.update', 'assessments.createRound', 'stats.checks'] as const) expect(may('secretary', m), m).toBe(false)
    expect(may('secretary', 'meetings.create')).toBe(true)
    expect(may('clerk', 'users.create')).toBe(false)
    expect(may('clerk', 'settings.update')).toBe(false)
    expect(may('admin', 'settings.update')).toBe(true)
  })

  it('只读领导查看身份证号原值：按钮不显示，直接调用时说明不查看的原因（不是“不能修改数据”）', async () => {
    expect(may('leader', 'members.reveal')).toBe(false)
    expect(may('clerk', 'members.reveal')).toBe(true)
    const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
    await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    const m = await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '赵敏', idNumber: '34052419800101001X', joinedOn: '2005-01-01', convertedOn: '2006-01-01' } })
    await ok(backend, 'users.create', { username: 'leader', displayName: '李书记', role: 'leader', password: 'leader-pass-1' })
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'leader', password: 'leader-pass-1' })
    const e = await fails(backend, 'members.reveal', { id: m.member.id, field: 'idNumber' })
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toBe('只读领导账号不查看身份证号、电话、住址的原值（名册中遮蔽显示）；确需核对时请党务干事查看，查看记入审计日志')
  })
})
