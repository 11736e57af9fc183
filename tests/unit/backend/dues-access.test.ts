import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { fails, ok } from '../helpers'
import { duesHospital, withBases } from './dues-hospital'

async function signInAs(backend: Backend, username: string, role: 'leader' | 'secretary' | 'clerk', organizationId?: number) {
  await ok(backend, 'users.create', { username, displayName: `${username}同志`, role, organizationId, password: 'password-123' } as never)
  await ok(backend, 'auth.logout', {})
  await ok(backend, 'auth.login', { username, password: 'password-123' })
}

const audits = (backend: Backend, entity: string) => (backend.context.db.prepare('SELECT after_json FROM audit_log WHERE entity = ? ORDER BY id').pluck().all(entity) as string[]).map((a) => JSON.parse(a) as Record<string, unknown>)

describe('党费计算基数是收入信息', () => {
  it('列表中默认遮蔽；干事“显示基数”时显示并留痕；只读领导不能查看，打印登记表也只印遮蔽的基数', async () => {
    const { backend, m, medicine } = await duesHospital('web')
    await withBases(backend, m)
    await signInAs(backend, 'ganshi', 'clerk')
    const masked = await ok(backend, 'dues.standards', { year: 2025, organizationId: medicine })
    expect(masked.masked).toBe(true)
    expect(masked.rows.every((r) => r.baseFen === null)).toBe(true)
    // the standard is still there (it is what members pay), and ID numbers stay masked on screens
    expect(masked.rows.find((r) => r.name === '张伟')).toMatchObject({ monthlyFen: 12750, rateBp: 150, idNumber: expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/) })
    expect(audits(backend, 'dues_base').filter((a) => a.revealed)).toHaveLength(0)
    const shown = await ok(backend, 'dues.standards', { year: 2025, organizationId: medicine, reveal: true })
    expect(shown.rows.find((r) => r.name === '张伟')!.baseFen).toBe(850000)
    expect(audits(backend, 'dues_base').filter((a) => a.revealed)).toEqual([{ revealed: 'base', year: 2025, organizationId: medicine, people: 6 }])
    // the audit log as a clerk reads it does not show a base either
    const log = await ok(backend, 'audit.list', { entity: 'dues_base', limit: 50 } as never)
    expect(log.length).toBeGreaterThan(0)
    expect(JSON.stringify(log)).not.toContain('850000')

    await ok(backend, 'auth.logout', {})
    await ok(backend, 'auth.login', { username: 'admin', password: 'a-long-password' })
    await signInAs(backend, 'lingdao', 'leader')
    expect((await ok(backend, 'dues.ledger', { year: 2025, organizationId: medicine })).rows.length).toBe(6)
    expect((await fails(backend, 'dues.standards', { year: 2025, organizationId: medicine, reveal: true })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'dues.print', { what: 'register', organizationId: medicine, month: '2025-03', showBase: true })).code).toBe('FORBIDDEN')
    const doc = await ok(backend, 'dues.print', { what: 'register', organizationId: medicine, month: '2025-03' })
    expect(doc.html).toContain('＊＊＊＊')
    expect(doc.html).not.toContain('8500.00')
    expect((await fails(backend, 'dues.pay', { month: '2025-03', paidOn: '2025-03-20', method: 'cash', members: [{ memberId: m.张伟 }] })).code).toBe('FORBIDDEN')
  })
})

describe('支部书记只看、只登记本支部的党费', () => {
  it('台账、标准和对账限定在本支部；为别的支部登记、查看别的支部党员的记录被拒绝；收缴率全院只看数字', async () => {
    const { backend, m, medicine, surgery } = await duesHospital('web')
    await withBases(backend, m)
    // 张伟 moved to 外科 in July: his months from August belong to 外科
    await ok(backend, 'members.event', { type: 'moved', id: m.张伟, date: '2025-07-10', organizationId: surgery })
    await signInAs(backend, 'neike', 'secretary', medicine)
    const l = await ok(backend, 'dues.ledger', { year: 2025, organizationId: surgery })
    expect(l.organizationId).toBe(medicine)
    expect(l.rows.map((r) => r.name)).not.toContain('孙磊')
    expect(l.rows.find((r) => r.name === '张伟')!.cells.filter((c) => c.owed).map((c) => c.month.slice(5))).toEqual(['01', '02', '03', '04', '05', '06', '07'])
    expect((await ok(backend, 'dues.standards', { year: 2025 })).rows.map((r) => r.organizationName)).not.toContain('外科党支部')

    expect((await ok(backend, 'dues.pay', { month: '2025-07', paidOn: '2025-07-05', method: 'cash', members: [{ memberId: m.张伟 }, { memberId: m.李娜 }] })).marked).toBe(2)
    // August is owed to 外科 now: not this secretary's to mark
    expect((await fails(backend, 'dues.pay', { month: '2025-08', paidOn: '2025-08-05', method: 'cash', members: [{ memberId: m.张伟 }] })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'dues.pay', { month: '2025-08', paidOn: '2025-08-05', method: 'cash', members: [{ memberId: m.孙磊 }] })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'dues.print', { what: 'record', memberId: m.孙磊, year: 2025 })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'dues.handover', { level: 'upward', organizationId: medicine, fromMonth: '2025-01', toMonth: '2025-06', amountFen: 100, handedOn: '2025-07-01' })).code).toBe('FORBIDDEN')
    expect((await fails(backend, 'imports.preview', { kind: 'dues-bases', fileName: 'a.xlsx', contentBase64: 'AA==', year: 2025 })).code).toBe('FORBIDDEN')
    await ok(backend, 'dues.handover', { level: 'branch', organizationId: medicine, fromMonth: '2025-07', toMonth: '2025-07', amountFen: 17750, handedOn: '2025-08-01', receiptNo: 'DF-007' })
    const rates = await ok(backend, 'dues.rates', { year: 2025 })
    expect(rates.rows.map((r) => r.organizationName)).toEqual(['内科党支部', '外科党支部'])
    expect(JSON.stringify(rates)).not.toContain('孙磊')
    const recon = await ok(backend, 'dues.reconcile', { year: 2025 })
    expect(recon.branches.map((b) => b.organizationName)).toEqual(['内科党支部'])
  })
})
