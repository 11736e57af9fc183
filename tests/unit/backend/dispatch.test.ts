import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/backend/audit'
import { fails, ok, testBackend } from '../helpers'

describe('后端调度', () => {
  it('未知的方法名返回中文错误而不是异常', async () => {
    const err = await fails(testBackend(), 'orgs.drop' as never, {})
    expect(err.code).toBe('UNKNOWN_METHOD')
    expect(err.message).toContain('未知的操作')
  })

  it('多余的字段被拒绝（输入在边界处严格校验）', async () => {
    const err = await fails(testBackend(), 'orgs.create', { name: '党委', type: 'committee', parentId: null, isAdmin: true })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues?.length).toBeGreaterThan(0)
  })

  it('写操作中途出错时整体回滚，审计日志也不留痕', async () => {
    const backend = testBackend()
    await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    // dissolving the committee with a child fails after validation, inside the transaction
    const c = (await ok(backend, 'orgs.list', {}))[0]!
    await ok(backend, 'orgs.create', { name: '支部甲', type: 'branch', parentId: c.id })
    const auditBefore = (await ok(backend, 'audit.list', {})).length
    await fails(backend, 'orgs.dissolve', { id: c.id, dissolvedOn: '2025-01-01', reason: '测试' })
    expect((await ok(backend, 'audit.list', {})).length).toBe(auditBefore)
    expect((await ok(backend, 'orgs.get', { id: c.id })).status).toBe('active')
  })

  it('审计日志逐条哈希链接，可校验完整', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '党委', type: 'committee', parentId: null })
    await ok(backend, 'orgs.update', { id: c.id, name: '中共示范医院委员会', type: 'committee' })
    expect(verifyAuditChain(backend.context.db)).toEqual({ ok: true, count: 2 })
  })
})
