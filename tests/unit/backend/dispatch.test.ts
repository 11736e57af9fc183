import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../electron/backend/audit'
import { handlers } from '../../../electron/backend/boot/handlers'
import { AppError } from '../../../electron/shared/result'
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

  it('撤销还有下级组织的党委被拒绝：什么也不改，审计日志也不留痕', async () => {
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

  it('一个操作写了一部分才出错：已写的记录和审计记录全部撤回（事务由调度统一开启）', async () => {
    const backend = testBackend()
    const real = handlers['orgs.create']
    // the ordinary create (its row and its audit entry), then a failure in a later step of the same action
    ;(handlers as Record<string, unknown>)['orgs.create'] = (input: never, ctx: never) => {
      real(input, ctx)
      throw new AppError('VALIDATION', '后面的一步出错')
    }
    try {
      const err = await fails(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
      expect(err.message).toBe('后面的一步出错')
    } finally {
      ;(handlers as Record<string, unknown>)['orgs.create'] = real
    }
    expect(await ok(backend, 'orgs.list', {})).toEqual([])
    expect(backend.context.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0)
  })

  it('审计日志逐条哈希链接，可校验完整', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '党委', type: 'committee', parentId: null })
    await ok(backend, 'orgs.update', { id: c.id, name: '中共示范医院委员会', type: 'committee' })
    expect(verifyAuditChain(backend.context.db)).toEqual({ ok: true, count: 2 })
  })
})
