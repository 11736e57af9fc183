import { describe, expect, it } from 'vitest'
import { rowsOf } from '../../fixtures/workbooks'
import { ok } from '../helpers'
import { duesHospital, withBases } from './dues-hospital'

/** A hospital where 内科 paid January to September in full except: 张伟 never paid July–September, 李娜 paid short in May. */
async function paidHospital() {
  const h = await duesHospital()
  const { backend, m } = h
  await withBases(backend, m)
  for (const month of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']) {
    const members = [m.张伟, m.李娜, m.王芳, m.赵敏, m.刘洋, m.陈静, m.孙磊].filter((id) => !(id === m.张伟 && month >= '2025-07') && !(id === m.赵敏 && month < '2025-04') && !(id === m.刘洋 && month > '2025-05') && !(id === m.陈静 && month < '2025-04'))
    const list = members.map((memberId) => ({ memberId, paidFen: memberId === m.李娜 && month === '2025-05' ? 4000 : null }))
    for (const chunk of [list.filter((x) => x.memberId !== m.孙磊), list.filter((x) => x.memberId === m.孙磊)]) await ok(backend, 'dues.pay', { month, paidOn: `${month}-20`, method: 'payroll', members: chunk })
  }
  return h
}

describe('上缴与对账', () => {
  it('逐项列出差额：谁哪几个月未交、不足额，支部上缴与台账实收不符，大额党费未全额上缴', async () => {
    const { backend, m, medicine, committee } = await paidHospital()
    // 内科 handed over January–June; the amount is 10 元 short of its ledger
    const half = backend.context.db.prepare("SELECT sum(paid_fen) FROM dues_payments WHERE organization_id = ? AND month BETWEEN '2025-01' AND '2025-06'").pluck().get(medicine) as number
    const h = await ok(backend, 'dues.handover', { level: 'branch', organizationId: medicine, fromMonth: '2025-01', toMonth: '2025-06', amountFen: half - 1000, handedOn: '2025-07-05', receiptNo: 'DF-2025-01' })
    expect(h.differenceFen).toBe(-1000)
    await ok(backend, 'dues.extra', { memberId: m.李娜, paidOn: '2025-07-01', amountFen: 200000, note: '建党节自愿交纳' })
    await ok(backend, 'dues.handover', { level: 'upward', organizationId: committee, fromMonth: '2025-01', toMonth: '2025-06', amountFen: half, largeFen: 0, handedOn: '2025-07-10' })
    const r = await ok(backend, 'dues.reconcile', { year: 2025 })
    const neike = r.branches.find((b) => b.organizationName === '内科党支部')!
    expect(neike.owingFen).toBe(12750 * 3 + 1000)
    expect(neike.extraFen).toBe(200000)
    const text = r.differences.join('\n')
    expect(text).toContain('张伟：7月、8月、9月未交')
    expect(text).toContain('李娜：5月不足额（应交50.00元，实交40.00元）')
    expect(text).toContain('内科党支部2025年1月至2025年6月上缴')
    expect(text).toContain('相差10.00元')
    expect(text).toContain('大额党费2000.00元应全额上缴，已上缴的大额党费0.00元')
    expect(r.committee).toMatchObject({ largeFen: 200000, largeUpFen: 0 })
  })

  it('收缴率按支部、按月计算；当月之后的月份不计应交', async () => {
    const { backend } = await paidHospital()
    const rates = await ok(backend, 'dues.rates', { year: 2025 })
    const neike = rates.rows.find((r) => r.organizationName === '内科党支部')!
    const july = neike.months[6]!
    // July: 张伟 127.50 unpaid of 127.50 + 50 + 0.20 + 42 + 200 owed
    expect(july.dueFen).toBe(12750 + 5000 + 20 + 4200 + 20000)
    expect(july.paidFen).toBe(5000 + 20 + 4200 + 20000)
    expect(neike.months[11]).toMatchObject({ dueFen: 0, rate: null })
    expect(rates.rows.find((r) => r.organizationName === '外科党支部')!.months[0]!.rate).toBe(1)
  })

  it('考评自动取数“按时足额交纳党费”：已结束月份中当月足额交纳的比例 × 分值，说明计算过程', async () => {
    const { backend, medicine } = await paidHospital()
    const schemes = await ok(backend, 'assessments.schemes', {})
    const example = schemes.find((s) => s.isExample)!
    const round = await ok(backend, 'assessments.createRound', { schemeId: example.id, name: '2025年度星级评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: [medicine], stages: ['支部自评', '院党委考评'], rating: {} })
    const auto = await ok(backend, 'assessments.auto', { roundId: round.id, organizationId: medicine })
    const dues = auto.find((a) => a.key === 'dues')!
    // owed, ended months of 内科: 张伟 9 + 李娜 9 + 王芳 9 + 赵敏 6 + 刘洋 5 + 陈静 6 = 44; on time and in full: 44 − 3 unpaid − 1 short
    expect(dues.computation).toContain('应交党费44人次，当月足额交纳40人次（不足额1、未交3人次不计）')
    expect(dues.points).toBe(Math.round((40 / 44) * 5 * 10) / 10)
  })
})

describe('党费打印与导出', () => {
  it('登记表：本月应交的每个人、月交纳标准、已交的金额和日期、签名栏、本月补交的以前月份；基数遮蔽', async () => {
    const { backend, m, medicine } = await paidHospital()
    await ok(backend, 'dues.pay', { month: '2025-07', paidOn: '2025-10-09', method: 'cash', members: [{ memberId: m.张伟 }] })
    const sept = await ok(backend, 'dues.print', { what: 'register', organizationId: medicine, month: '2025-10' })
    expect(sept.title).toBe('内科党支部2025年10月党费收缴登记表')
    for (const text of ['党费收缴登记表', '本人签名', '收缴人（组织委员）', '张伟', '127.50', '＊＊＊＊', '本月补交以前月份的党费', '2025年7月', '2025.10.9']) expect(sept.html).toContain(text)
    expect(sept.html).not.toContain('刘洋')
    const shown = await ok(backend, 'dues.print', { what: 'register', organizationId: medicine, month: '2025-03', showBase: true })
    expect(shown.html).toContain('8500.00')
    const logged = JSON.parse(backend.context.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'print' ORDER BY id DESC").pluck().get() as string)
    expect(logged).toMatchObject({ what: 'dues.register', showBase: true, month: '2025-03' })
  })

  it('标准公示不印基数和比例，只印每月交纳额；本人年度记录逐月列出应交、实交和不需交纳的原因', async () => {
    const { backend, m, medicine } = await paidHospital()
    const notice = await ok(backend, 'dues.print', { what: 'notice', year: 2025, organizationId: medicine })
    expect(notice.html).toContain('关于2025年度党员交纳党费标准的公示')
    expect(notice.html).toContain('127.50')
    expect(notice.html).not.toContain('8500')
    expect(notice.html).not.toContain('1.5%')
    const record = await ok(backend, 'dues.print', { what: 'record', memberId: m.赵敏, year: 2025 })
    expect(record.html).toContain('党员交纳党费记录（2025年度）')
    expect(record.html).toContain('从2025-04起交纳党费')
    expect(record.html).toContain('42.00')
  })

  it('导出 Excel：登记表、年度情况、公示、本人记录各成一张带标题的表', async () => {
    const { backend, m, medicine } = await paidHospital()
    const report = await ok(backend, 'dues.export', { what: 'report', year: 2025 })
    const rows = rowsOf(report.contentBase64)
    expect(rows[0]![0]).toBe('2025年度党费收缴情况')
    expect(rows.find((r) => r[1] === '内科党支部')).toBeTruthy()
    expect(rows.some((r) => r[1] === '合计')).toBe(true)
    const register = rowsOf((await ok(backend, 'dues.export', { what: 'register', organizationId: medicine, month: '2025-05' })).contentBase64)
    expect(register.find((r) => r[1] === '李娜')).toEqual(expect.arrayContaining(['40.00', '不足额']))
    expect(rowsOf((await ok(backend, 'dues.export', { what: 'record', memberId: m.张伟, year: 2025 })).contentBase64).some((r) => r[5] === '未交')).toBe(true)
  })
})
