import { describe, expect, it } from 'vitest'
import type { Ledger } from '../../../electron/shared/contract/dues'
import { fails, ok } from '../helpers'
import { duesHospital, withBases } from './dues-hospital'

const rowOf = (l: Ledger, name: string) => l.rows.find((r) => r.name === name)!
/** the months of a ledger row that are owed here, as "01".."12" */
const owedMonths = (l: Ledger, name: string) => rowOf(l, name).cells.filter((c) => c.owed).map((c) => c.month.slice(5))
const count = (backend: Awaited<ReturnType<typeof duesHospital>>['backend'], table: string) => backend.context.db.prepare(`SELECT count(*) FROM ${table} WHERE voided_at IS NULL`).pluck().get() as number

describe('党费收缴台账', () => {
  it('每人每月的应交：预备党员从支部大会通过的当月起，转出的交到介绍信注明的月份，转入的从注明月份的下一月起，积极分子不交', async () => {
    const { backend, m, medicine } = await duesHospital()
    await withBases(backend, m)
    const l = await ok(backend, 'dues.ledger', { year: 2025, organizationId: medicine })
    expect(l.rows.map((r) => r.name).sort()).toEqual(['刘洋', '张伟', '李娜', '王芳', '赵敏', '陈静'].sort())
    expect(owedMonths(l, '张伟')).toHaveLength(12)
    expect(owedMonths(l, '赵敏')[0]).toBe('04')
    expect(rowOf(l, '赵敏').cells[2]).toMatchObject({ owed: false, why: '不需交纳' })
    expect(owedMonths(l, '刘洋')).toEqual(['01', '02', '03', '04', '05'])
    expect(owedMonths(l, '陈静')[0]).toBe('04')
    // standards from the bases: 8500 × 1.5% = 127.50; 5000.01 pension × 1% = 50.00; student 0.20; 10000.01 × 2% = 200.00
    expect(rowOf(l, '张伟').monthlyFen).toBe(12750)
    expect(rowOf(l, '李娜').monthlyFen).toBe(5000)
    expect(rowOf(l, '王芳').monthlyFen).toBe(20)
    expect(rowOf(l, '陈静').monthlyFen).toBe(20000)
    // nothing paid by mid-October: January to September are behind, six or more in a row is flagged
    expect(rowOf(l, '张伟')).toMatchObject({ unpaidMonths: 9, unpaidRun: 9, flagged: true, dueFen: 12750 * 10 })
    expect(rowOf(l, '赵敏')).toMatchObject({ unpaidMonths: 6, flagged: true })
    expect(rowOf(l, '刘洋')).toMatchObject({ unpaidMonths: 5, flagged: false })
  })

  it('年中调整基数：从调整的月份起按新标准，之前的月份不变；标准表写明起始月份和之前的标准', async () => {
    const { backend, m, medicine } = await duesHospital()
    await withBases(backend, m)
    await ok(backend, 'dues.setBase', { memberId: m.张伟, fromMonth: '2025-07', category: 'salary', baseFen: 1000001, source: 'self', note: '晋升后工资调整' })
    const l = await ok(backend, 'dues.ledger', { year: 2025, organizationId: medicine })
    const cells = rowOf(l, '张伟').cells
    expect(cells.slice(0, 6).map((c) => c.dueFen)).toEqual(Array(6).fill(12750))
    expect(cells.slice(6).map((c) => c.dueFen)).toEqual(Array(6).fill(20000))
    const s = await ok(backend, 'dues.standards', { year: 2025, organizationId: medicine })
    expect(s.rows.find((r) => r.name === '张伟')).toMatchObject({ fromMonth: '2025-07', rateBp: 200, monthlyFen: 20000, earlier: [{ fromMonth: '2025-01', monthlyFen: 12750 }] })
    // the same month twice replaces (the old one is voided, not overwritten or deleted)
    await ok(backend, 'dues.setBase', { memberId: m.张伟, fromMonth: '2025-07', category: 'salary', baseFen: 990000 })
    expect(backend.context.db.prepare("SELECT count(*) FROM dues_bases WHERE member_id = ? AND from_month = '2025-07'").pluck().get(m.张伟)).toBe(2)
    expect(rowOf(await ok(backend, 'dues.ledger', { year: 2025, organizationId: medicine }), '张伟').cells[6]!.dueFen).toBe(14850)
  })

  it('一次为全支部登记某月已交；有一人已交过则整批退回、一条也不写；补交标明补交，超过6个月提示', async () => {
    const { backend, m, medicine } = await duesHospital()
    await withBases(backend, m)
    const everyone = [m.张伟, m.李娜, m.王芳, m.赵敏, m.陈静].map((memberId) => ({ memberId }))
    expect(await ok(backend, 'dues.pay', { month: '2025-09', paidOn: '2025-09-25', method: 'cash', members: everyone })).toEqual({ marked: 5, warnings: [] })
    const before = count(backend, 'dues_payments')
    const again = await fails(backend, 'dues.pay', { month: '2025-09', paidOn: '2025-10-08', method: 'cash', members: [{ memberId: m.刘洋 }, { memberId: m.张伟 }] })
    expect(again.message).toContain('张伟2025年9月的党费已于2025-09-25登记（127.50元），不能重复登记')
    expect(again.message).toContain('刘洋已于2025-06-10转出（党费交至2025-05）')
    expect(count(backend, 'dues_payments')).toBe(before)

    const late = await ok(backend, 'dues.pay', { month: '2025-03', paidOn: '2025-10-10', method: 'transfer', members: [{ memberId: m.张伟 }] })
    expect(late.warnings.join()).toContain('已超过6个月')
    const l = await ok(backend, 'dues.ledger', { year: 2025, organizationId: medicine })
    expect(rowOf(l, '张伟').cells[2]).toMatchObject({ paidFen: 12750, paidOn: '2025-10-10', method: 'transfer', backPay: true })
    expect(rowOf(l, '张伟').cells[8]).toMatchObject({ paidFen: 12750, backPay: false })
    // September paid: the run of unpaid months is broken
    expect(rowOf(l, '张伟')).toMatchObject({ unpaidRun: 0, flagged: false, unpaidMonths: 7 })
  })

  it('不该交的月份不能登记：入党之前、转出之后、积极分子；没有基数又没填金额的也退回', async () => {
    const { backend, m } = await duesHospital()
    await withBases(backend, m)
    expect((await fails(backend, 'dues.pay', { month: '2025-03', paidOn: '2025-03-20', method: 'cash', members: [{ memberId: m.赵敏 }] })).message).toContain('赵敏于2025-04-15入党（支部大会通过），从2025-04起交纳党费')
    expect((await fails(backend, 'dues.pay', { month: '2025-07', paidOn: '2025-07-20', method: 'cash', members: [{ memberId: m.刘洋 }] })).message).toContain('转出')
    expect((await fails(backend, 'dues.pay', { month: '2025-05', paidOn: '2025-05-20', method: 'cash', members: [{ memberId: m.周强 }] })).message).toContain('周强不是党员')
    expect((await fails(backend, 'dues.pay', { month: '2025-03', paidOn: '2025-03-25', method: 'cash', members: [{ memberId: m.陈静 }] })).message).toContain('党费已交至2025-03')
    await ok(backend, 'dues.voidBase', { id: backend.context.db.prepare('SELECT id FROM dues_bases WHERE member_id = ?').pluck().get(m.孙磊) as number, reason: '录错了人' })
    expect((await fails(backend, 'dues.pay', { month: '2025-05', paidOn: '2025-05-20', method: 'cash', members: [{ memberId: m.孙磊 }] })).message).toContain('孙磊还没有核定党费基数')
    // with an amount typed, the month can still be recorded (the standard is fixed later)
    expect((await ok(backend, 'dues.pay', { month: '2025-05', paidOn: '2025-05-20', method: 'cash', members: [{ memberId: m.孙磊, paidFen: 9300 }] })).marked).toBe(1)
  })

  it('交纳记录作废后该月重新成为未交，可以重新登记；作废留痕', async () => {
    const { backend, m, medicine } = await duesHospital()
    await withBases(backend, m)
    await ok(backend, 'dues.pay', { month: '2025-08', paidOn: '2025-08-20', method: 'payroll', members: [{ memberId: m.李娜, paidFen: 4000 }] })
    const cell = rowOf(await ok(backend, 'dues.ledger', { year: 2025, organizationId: medicine }), '李娜').cells[7]!
    await ok(backend, 'dues.voidPayment', { id: cell.paymentId!, reason: '金额录错' })
    expect(rowOf(await ok(backend, 'dues.ledger', { year: 2025, organizationId: medicine }), '李娜').cells[7]!.paymentId).toBeNull()
    await ok(backend, 'dues.pay', { month: '2025-08', paidOn: '2025-08-20', method: 'payroll', members: [{ memberId: m.李娜 }] })
    expect(backend.context.db.prepare('SELECT count(*) FROM dues_payments WHERE member_id = ?').pluck().get(m.李娜)).toBe(2)
    const audit = backend.context.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'dues_payment' ORDER BY id").pluck().all() as string[]
    expect(audit.map((a) => JSON.parse(a) as { reason?: string }).some((a) => a.reason === '金额录错')).toBe(true)
  })

  it('减免须写明支部决定；按决定的数额交纳', async () => {
    const { backend, m } = await duesHospital()
    expect((await fails(backend, 'dues.setBase', { memberId: m.李娜, fromMonth: '2025-01', category: 'reduced', reducedFen: 0 })).message).toContain('减免须经党支部研究')
    const r = await ok(backend, 'dues.setBase', { memberId: m.李娜, fromMonth: '2025-01', category: 'reduced', reducedFen: 0, decision: '2025年1月8日支委会研究同意免交，院党委1月15日批准' })
    expect(r).toMatchObject({ category: 'reduced', monthlyFen: 0, source: 'decision' })
    expect((await fails(backend, 'dues.setBase', { memberId: m.张伟, fromMonth: '2025-01', category: 'salary', baseFen: 25000000 })).message).toContain('超过每月200000元')
    expect((await fails(backend, 'dues.setBase', { memberId: m.周强, fromMonth: '2025-01', category: 'salary', baseFen: 500000 })).message).toContain('还没有入党日期')
    expect((await fails(backend, 'dues.setBase', { memberId: m.刘洋, fromMonth: '2025-07', category: 'salary', baseFen: 500000 })).message).toContain('转出')
  })
})
