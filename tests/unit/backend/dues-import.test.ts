import { describe, expect, it } from 'vitest'
import { b64, rowsOf, workbook } from '../../fixtures/workbooks'
import { fails, ok } from '../helpers'
import { duesHospital, financeList } from './dues-hospital'

const file = (rows: (string | number | null)[][], name = '2025年党费基数.xlsx') => ({ kind: 'dues-bases' as const, fileName: name, contentBase64: b64(workbook(rows)), year: 2025 })

describe('导入财务处提供的党费基数', () => {
  it('预览逐行说明：按身份证号对应到名册，十处错误各有中文原因，有效的六行待新增', async () => {
    const { backend, idOf } = await duesHospital()
    const p = await ok(backend, 'imports.preview', { ...file(financeList(idOf)), mode: 'update' })
    expect(p.headerRow).toBe(2)
    expect(p.counts).toEqual({ insert: 6, update: 0, skip: 0, error: 10 })
    const issue = (row: number) => p.rows.find((r) => r.row === row)!.issues.map((i) => `${i.column}：${i.message}`).join('；')
    expect(p.rows.find((r) => r.row === 3)!.description).toBe('张伟（在职，基数8500.00元，2025-01起）')
    expect(issue(8)).toContain('身份证号码：身份证号被 Excel 存成了数字')
    expect(issue(10)).toContain('名册中没有这个身份证号的党员')
    expect(issue(11)).toContain('刘洋已于2025-06-10转出（党费交至2025-05）')
    expect(issue(12)).toContain('周强是入党积极分子，还不是党员')
    expect(issue(13)).toContain('身份证号登记的是孙磊，与本行的“孙蕾”不符')
    expect(issue(14)).toContain('人员类别“临时工”无法识别')
    expect(issue(15)).toContain('计算基数（元）：计算基数“八千”不是数字')
    expect(issue(16)).toContain('超过每月200000元')
    expect(issue(17)).toContain('减免须经党支部研究')
    expect(issue(18)).toContain('起始月份2024-12不在2025年')
    // a 所在党支部 that differs from the roster is said, not refused: the base is found by ID number
    const moved = financeList(idOf).slice(0, 3)
    moved[2]![3] = '外科党支部'
    expect((await ok(backend, 'imports.preview', { ...file(moved), mode: 'update' })).rows[0]).toMatchObject({ action: 'insert', description: '张伟（在职，基数8500.00元，2025-01起；名册中在内科党支部，与表中的“外科党支部”不同）' })
    // the footer is not a row
    expect(p.rows.map((r) => r.row).at(-1)).toBe(18)
  })

  it('导入有效行，下载错误行改正后再导入；已有的相同基数跳过，基数有变化的预览写明原值 → 新值', async () => {
    const { backend, idOf, medicine } = await duesHospital()
    const first = await ok(backend, 'imports.commit', { ...file(financeList(idOf)), mode: 'update' })
    expect([first.inserted, first.updated, first.skipped, first.errors.length]).toEqual([6, 0, 0, 10])
    const errorBook = await ok(backend, 'imports.errorWorkbook', { ...file(financeList(idOf)), mode: 'update' })
    const errorRows = rowsOf(errorBook.contentBase64)
    expect(errorRows[0]).toEqual(['序号', '姓名', '身份证号码', '所在党支部', '人员类别', '计算基数（元）', '起始月份', '备注', '原行号', '错误说明'])
    expect(errorRows).toHaveLength(11)
    // the clerk fixes 孙磊's ID number (typed as text now) and sends the whole list again
    const fixed = financeList(idOf).filter((_, i) => i < 9 || i > 17)
    fixed[7] = [6, '孙磊', idOf.孙磊!, '外科党支部', '在职', '6,200.00', null, null]
    const second = await ok(backend, 'imports.commit', { ...file(fixed, '2025年党费基数-改.xlsx'), mode: 'update' })
    expect([second.inserted, second.updated, second.skipped, second.errors.length]).toEqual([1, 0, 6, 0])

    // finance corrects 李娜's pension: the preview says old → new before anything changes
    const corrected = [fixed[0]!, fixed[1]!, [2, '李娜', idOf.李娜!, null, '退休', '5,000.00', null, null]]
    const p = await ok(backend, 'imports.preview', { ...file(corrected, '更正.xlsx'), mode: 'update' })
    expect(p.rows[0]).toMatchObject({ action: 'update', reason: '离退休，基数5000.01元，每月50.00元 → 离退休，基数5000.00元，每月25.00元' })
    expect((await ok(backend, 'imports.preview', { ...file(corrected, '更正.xlsx'), mode: 'skip' })).counts).toMatchObject({ update: 0, skip: 1 })
    const third = await ok(backend, 'imports.commit', { ...file(corrected, '更正.xlsx'), mode: 'update' })
    expect(third.updated).toBe(1)
    const s = await ok(backend, 'dues.standards', { year: 2025, organizationId: medicine })
    expect(s.rows.find((r) => r.name === '李娜')!.monthlyFen).toBe(2500)

    // undo the correction: the earlier base is in force again (nothing deleted: the imported one is voided)
    await ok(backend, 'imports.undo', { batchId: third.batchId! })
    expect((await ok(backend, 'dues.standards', { year: 2025, organizationId: medicine })).rows.find((r) => r.name === '李娜')!.monthlyFen).toBe(5000)
    expect(backend.context.db.prepare('SELECT count(*) FROM dues_bases').pluck().get()).toBe(8)
  })

  it('已按导入的基数登记了党费的批次不能整批撤销；没有选年度时说明', async () => {
    const { backend, idOf, m } = await duesHospital()
    const r = await ok(backend, 'imports.commit', { ...file(financeList(idOf)), mode: 'update' })
    await ok(backend, 'dues.pay', { month: '2025-02', paidOn: '2025-02-20', method: 'cash', members: [{ memberId: m.张伟 }] })
    expect((await fails(backend, 'imports.undo', { batchId: r.batchId! })).message).toContain('张伟：已按此基数登记了1个月的党费')
    expect((await fails(backend, 'imports.preview', { ...file(financeList(idOf)), year: null })).message).toBe('请选择党费基数所属的年度')
  })
})
