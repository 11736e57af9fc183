import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { fails, ok, testBackend } from '../helpers'

/** A backend as the window sees it (transport 'web'): nothing but status, setup and login before signing in. */
async function withAccounts(): Promise<Backend> {
  const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
  await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
  await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  await ok(backend, 'users.create', { username: 'leader', displayName: '李书记', role: 'leader', password: 'leader-pass-1' })
  await ok(backend, 'users.create', { username: 'clerk', displayName: '张干事', role: 'clerk', password: 'clerk-pass-1' })
  await ok(backend, 'auth.logout', {})
  return backend
}

describe('账号与权限', () => {
  it('首次使用先设置管理员；之后不能再“设置”出第二个管理员', async () => {
    const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
    expect(await ok(backend, 'auth.status', {})).toEqual({ setupNeeded: true, user: null })
    expect((await fails(backend, 'orgs.list', {})).message).toBe('请先登录')
    const admin = await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
    expect(admin.role).toBe('admin')
    await ok(backend, 'auth.logout', {})
    expect((await fails(backend, 'auth.setup', { username: 'evil', displayName: '外人', password: 'whatever-123' })).message).toContain('已经设置过')
  })

  it('只读领导直接调用接口也不能修改任何数据，也不能导出或查看敏感信息', async () => {
    const backend = await withAccounts()
    await ok(backend, 'auth.login', { username: 'leader', password: 'leader-pass-1' })
    expect(await ok(backend, 'orgs.list', {})).toHaveLength(1)
    for (const [method, input] of [
      ['orgs.create', { name: '新支部', type: 'branch', parentId: 1 }],
      ['orgs.dissolve', { id: 1, dissolvedOn: '2025-01-01', reason: 'x' }],
      ['members.create', { organizationId: 1, fields: { name: '某', gender: '男', joinedOn: '2000-01-01' } }],
      ['settings.update', { key: 'unit.name', value: 'x' }],
      ['users.create', { username: 'x1', displayName: 'x', role: 'admin', password: '12345678' }],
      ['imports.commit', { kind: 'organizations', fileName: 'a.csv', contentBase64: 'YQ==' }],
      ['jobs.start', { method: 'imports.commit', input: {} }],
    ] as const) {
      const err = await fails(backend, method, input)
      expect(err.code, method).toBe('FORBIDDEN')
    }
    expect((await fails(backend, 'exports.workbook', { source: 'members', includeSensitive: true })).message).toContain('只读账号不能导出')
    expect(await ok(backend, 'orgs.list', {})).toHaveLength(1)
  })

  it('党务干事可以录入但不能管理账号；审计记录实际操作的人', async () => {
    const backend = await withAccounts()
    await ok(backend, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' })
    const org = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
    expect((await fails(backend, 'users.list', {})).message).toBe('只有管理员可以进行此操作')
    const log = await ok(backend, 'audit.list', { entity: 'organization', entityId: org.id })
    expect(log[0]!.user).toBe('张干事（clerk）')
  })

  it('密码错误不说明用户是否存在；连续输错5次后须等待（sign-in.test.ts 中有完整的过程）', async () => {
    const backend = await withAccounts()
    expect((await fails(backend, 'auth.login', { username: 'nobody', password: 'x' })).message).toBe('用户名或密码不正确')
    for (let i = 0; i < 5; i++) await fails(backend, 'auth.login', { username: 'clerk', password: 'wrong' })
    expect((await fails(backend, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' })).message).toBe('连续输错密码次数过多，请30秒后再试；忘记密码请联系管理员')
  })

  it('不能停用最后一个管理员', async () => {
    const backend = await withAccounts()
    await ok(backend, 'auth.login', { username: 'admin', password: 'a-long-password' })
    expect((await fails(backend, 'users.disable', { id: 1 })).message).toContain('不能停用自己')
  })
})

describe('审计日志的查看', () => {
  it('管理员可按操作人、对象、日期查询全部记录；非管理员看到的旧记录中身份证号被隐藏', async () => {
    const backend = await withAccounts()
    await ok(backend, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' })
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: 1 })
    const m = await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '王芳', idNumber: '11010519491231002X', joinedOn: '1975-07-01', convertedOn: '1976-07-01' } })
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'leader', password: 'leader-pass-1' })
    const seen = await ok(backend, 'audit.list', { entity: 'member', entityId: m.member.id })
    expect(JSON.stringify(seen)).not.toContain('11010519491231002X')
    expect((await fails(backend, 'audit.search', {})).code).toBe('FORBIDDEN')
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'admin', password: 'a-long-password' })
    const byClerk = await ok(backend, 'audit.search', { user: '张干事' })
    expect(byClerk.rows.map((r) => r.entity).sort()).toEqual(['login', 'member', 'organization'])
    expect(JSON.stringify(byClerk.rows)).toContain('11010519491231002X')
    expect((await ok(backend, 'audit.search', { entity: 'login' })).total).toBeGreaterThanOrEqual(3)
    expect((await ok(backend, 'audit.search', { from: '2030-01-01' })).total).toBe(0)
  })
})
