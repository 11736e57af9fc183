import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { b64, rowsOf } from '../../fixtures/workbooks'
import { fails, ok, testBackend } from '../helpers'

async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, foundedOn: '2001-07-01' })
  await ok(backend, 'orgs.create', { name: '=HYPERLINK("http://x")', type: 'branch', parentId: c.id })
  await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, departments: ['心内科', '呼吸科'], termStartedOn: '2024-01-15' })
  return backend
}

/** A higher committee's own form: a title, a header in their words, a styled first row, a footer note. */
async function theirTemplate(): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('附表2')
  ws.mergeCells('A1:D1')
  ws.getCell('A1').value = '基层党组织情况统计表'
  ws.getRow(3).values = ['序号', '党组织全称', '隶属党组织', '建立日期']
  ws.getCell('B4').font = { name: '仿宋', size: 12, bold: true }
  ws.getCell('B4').border = { top: { style: 'thin' }, bottom: { style: 'thin' } }
  ws.getColumn(2).width = 44
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

describe('导出与填写上级模板', () => {
  it('导出带标题行、单位与日期的表格，公式样式的名称被中和为文本', async () => {
    const backend = await hospital()
    const file = await ok(backend, 'exports.workbook', { source: 'organizations', columns: ['name', 'type', 'departments', 'termEndsOn'] })
    expect(file.fileName).toBe('党组织一览表-2025-06-15.xlsx')
    expect(file.rows).toBe(3)
    const rows = rowsOf(file.contentBase64)
    expect(rows[0]![0]).toBe('党组织一览表')
    expect(String(rows[1]![0])).toContain('导出日期：2025年6月15日')
    // organizations are not chosen by a period, so none is printed even when one is given
    const dated = await ok(backend, 'exports.workbook', { source: 'organizations', columns: ['name'], scope: { organizationId: null, from: '2025-01-01', to: '2025-12-31' } })
    expect(String(rowsOf(dated.contentBase64)[1]![0])).not.toContain('期间')
    expect(rows[2]).toEqual(['党组织名称', '组织类别', '所辖科室', '届满日期'])
    // shown exactly as typed (no apostrophe on paper), in a 文本 cell: never a formula, even after editing
    expect(rows[4]![0]).toBe('=HYPERLINK("http://x")')
    expect(rows[5]).toEqual(['内科党支部', '党支部', '心内科、呼吸科', '2027-01-15'])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(ws.pageSetup.paperSize).toBe(9)
    expect(ws.getCell('A3').font.bold).toBe(true)
    // the header row repeats on every printed page; body cells bordered
    expect(ws.pageSetup.printTitlesRow).toBe('3:3')
    expect(ws.getCell('B5').border.top).toMatchObject({ style: 'thin' })
    expect(ws.getCell('A5').type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell('A5').numFmt).toBe('@')
    expect(ws.getCell('A6').numFmt).toBeUndefined()
    // every printed page says which page of how many
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
  })

  it('放不下的长内容所在的行加高，整段都能打印出来；短内容的行保持原高', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const many = ['心血管内科', '呼吸与危重症医学科', '消化内科', '肾内科', '内分泌科', '神经内科', '风湿免疫科', '老年医学科']
    await ok(backend, 'orgs.create', { name: '内科第一党支部', type: 'branch', parentId: c.id, departments: many })
    const file = await ok(backend, 'exports.workbook', { source: 'organizations', columns: ['name', 'departments'] })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getCell('A4').value).toBe('中共示范医院委员会')
    expect(ws.getRow(4).height).toBeUndefined()
    expect(ws.getCell('B5').value).toBe(many.join('、'))
    expect(ws.getRow(5).height).toBeGreaterThanOrEqual(30)
  })

  it('名册导出：序号、年龄（按出生年月）、党龄（从转正算，预备党员空着），列名和顺序同全国党员信息采集的16项', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    // born 20 June 1975: 50 by the month on 15 June 2025 (the day itself stays hidden)
    await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '王芳', gender: '女', birthDate: '1975-06-20', joinedOn: '2000-07-01', convertedOn: '2001-07-01' } })
    await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '李四', gender: '男', birthDate: '1996-01-02', joinedOn: '2024-09-01' } })
    const all = rowsOf((await ok(backend, 'exports.workbook', { source: 'members', includeSensitive: true })).contentBase64)
    expect(all[2]).toEqual([
      '序号', '姓名', '性别', '公民身份号码', '民族', '出生年月', '年龄', '出生日期', '学历', '人员类别', '所在党支部', '入党日期', '转正日期', '党龄',
      '工作岗位', '联系电话', '家庭住址', '党籍状态', '是否为失联党员', '是否为流动党员', '学位', '职称', '科室', '行政职务', '职业类别',
    ])
    const col = (h: string) => all[2]!.indexOf(h)
    expect(all.slice(3).map((r) => [r[0], r[col('姓名')], r[col('出生年月')], r[col('年龄')], r[col('党龄')]])).toEqual([
      [1, '王芳', '1975-06', 50, 23],
      [2, '李四', '1996-01', 29, null],
    ])
  })

  it('一列都没选时不导出，说明要选列（不会变成导出全部列）', async () => {
    const backend = await hospital()
    expect((await fails(backend, 'exports.workbook', { source: 'members', columns: [] })).message).toBe('请至少选择一列')
  })

  it('每次导出都记入审计日志', async () => {
    const backend = await hospital()
    await ok(backend, 'exports.workbook', { source: 'organizations' })
    const log = await ok(backend, 'audit.list', { entity: 'export' })
    expect(log[0]!.after).toMatchObject({ source: 'organizations', rows: 3, sensitive: false })
  })

  it('填写上级模板：按列名对应字段，保留对方的标题与样式，对应关系下次自动沿用', async () => {
    const backend = await hospital()
    const template = await theirTemplate()
    const seen = await ok(backend, 'exports.inspectTemplate', { source: 'organizations', fileName: '附表2.xlsx', contentBase64: template })
    expect(seen.headerRow).toBe(3)
    expect(seen.columns).toEqual([
      { header: '序号', field: null, numbered: true },
      { header: '党组织全称', field: 'name', numbered: false },
      { header: '隶属党组织', field: 'parent', numbered: false },
      { header: '建立日期', field: 'foundedOn', numbered: false },
    ])
    // the clerk maps 建立日期 to nothing this time
    const filled = await ok(backend, 'exports.fillTemplate', { source: 'organizations', fileName: '附表2.xlsx', contentBase64: template, mapping: { 序号: null, 党组织全称: 'name', 隶属党组织: 'parent', 建立日期: null } })
    expect(filled.fileName).toBe('附表2-已填写.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(filled.contentBase64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('附表2')!
    expect(ws.getCell('A1').value).toBe('基层党组织情况统计表')
    expect(ws.getCell('B4').value).toBe('中共示范医院委员会')
    expect(ws.getCell('B6').value).toBe('内科党支部')
    expect(ws.getCell('C6').value).toBe('中共示范医院委员会')
    expect(ws.getCell('D4').value).toBeNull()
    expect(ws.getCell('B6').font).toMatchObject({ name: '仿宋', bold: true })
    expect(ws.getColumn(2).width).toBe(44)
    const again = await ok(backend, 'exports.inspectTemplate', { source: 'organizations', fileName: '附表2.xlsx', contentBase64: template })
    expect(again.columns.find((c) => c.header === '建立日期')!.field).toBeNull()
  })

  it('上级模板是 .xls 或损坏时说明如何处理', async () => {
    const backend = await hospital()
    const err = await fails(backend, 'exports.inspectTemplate', { source: 'organizations', fileName: 'a.xls', contentBase64: b64(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])) })
    expect(err.message).toContain('另存为 .xlsx')
  })
})
