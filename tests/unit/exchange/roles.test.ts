import { describe, expect, it } from 'vitest'
import { contract, type Method } from '../../../electron/shared/contract'
import { roleMay } from '../../../electron/shared/permissions'
import { fails, ok, testBackend } from '../helpers'

const exchangeMethods = Object.keys(contract).filter((m) => m.startsWith('exchange.')) as Method[]
const may = (role: 'admin' | 'clerk' | 'leader' | 'secretary', m: Method) => roleMay(role, m, contract[m].access)

describe('上报与交换：谁能做什么', () => {
  it('支部书记不能调用任何 exchange 接口，只读领导只能查看；只有管理员能信任单位', () => {
    expect(exchangeMethods.length).toBeGreaterThan(5)
    for (const m of exchangeMethods) expect(may('secretary', m), m).toBe(false)
    // a 只读领导 of a 局党办 looks at the 上级 workspace but makes no 审核决定
    for (const m of ['exchange.packages', 'exchange.identity', 'exchange.verify', 'exchange.reportStatus', 'exchange.citySums', 'exchange.receivedRounds'] as const) expect(may('leader', m), m).toBe(true)
    for (const m of ['exchange.export', 'exchange.import', 'exchange.card', 'exchange.trust', 'exchange.decide'] as const) expect(may('leader', m), m).toBe(false)
    expect(may('clerk', 'exchange.import')).toBe(true)
    expect(may('clerk', 'exchange.trust')).toBe(false)
    expect(may('admin', 'exchange.trust')).toBe(true)
  })

  it('后台同样拒绝：支部书记直接调用导出被拒绝', async () => {
    const backend = testBackend('2025-06-15T10:00:00+08:00', '系统', 'web')
    await ok(backend, 'auth.setup', { username: 'admin', displayName: '党办王主任', password: 'a-long-password' })
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    await ok(backend, 'users.create', { username: 'sec', displayName: '内科刘书记', role: 'secretary', organizationId: b.id, password: 'secretary-pass-1' })
    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'sec', password: 'secretary-pass-1' })
    expect((await fails(backend, 'exchange.packages', {})).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'exchange.export', { kind: 'annual-statistics', year: 2025, to: 'B-100' })).code).toBe('FORBIDDEN')
  })
})
