import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/backend/boot/dispatch'
import { b64, csv, rowsOf, workbook, type Aoa } from '../../fixtures/workbooks'
import { fails, ok, testBackend } from '../helpers'

const file = (rows: Aoa, bookType: 'xlsx' | 'biff8' = 'xlsx', merges?: string[]) => ({
  kind: 'organizations' as const,
  fileName: bookType === 'xlsx' ? '组织.xlsx' : '组织.xls',
  contentBase64: b64(workbook(rows, bookType, { merges })),
})

/** A messy sheet: a merged title row, spaced headers, a child before its parent, a footer. */
const MESSY: Aoa = [
  ['××医院党组织一览表', null, null, null, null],
  ['组织 名称', '组织类别', '上级党组织', '成立时间', '科室'],
  ['内科第一党支部', '党支部', '中共示范医院委员会', '2019.7.1', '心内科、呼吸科'],
  ['中共示范医院委员会', '党委', null, new Date(Date.UTC(2001, 6, 1)), null],
  ['外科党支部', '支部', '中共示范医院委员会', '2020年3月5日', '普外科，骨科'],
  [null, null, null, null, null],
  ['制表人：张三', null, null, null, null],
]

async function preview(backend: Backend, input: ReturnType<typeof file>, mode: 'skip' | 'update' | 'fill' = 'skip') {
  return ok(backend, 'imports.preview', { ...input, mode })
}

describe('党组织 Excel 导入', () => {
  for (const bookType of ['xlsx', 'biff8'] as const) {
    it(`找到标题行下的表头，跳过页脚，子组织可先于上级出现（${bookType}）`, async () => {
      const backend = testBackend()
      const p = await preview(backend, file(MESSY, bookType, ['A1:E1']))
      expect(p.headerRow).toBe(2)
      expect(p.rows.map((r) => [r.row, r.action])).toEqual([[3, 'insert'], [4, 'insert'], [5, 'insert']])
      expect(await ok(backend, 'orgs.list', {})).toHaveLength(0)

      const result = await ok(backend, 'imports.commit', file(MESSY, bookType, ['A1:E1']))
      expect(result).toMatchObject({ inserted: 3, updated: 0, skipped: 0, errors: [] })
      const orgs = await ok(backend, 'orgs.list', {})
      const byName = new Map(orgs.map((o) => [o.name, o]))
      expect(byName.get('内科第一党支部')!.parentId).toBe(byName.get('中共示范医院委员会')!.id)
      expect(byName.get('内科第一党支部')!.foundedOn).toBe('2019-07-01')
      expect(byName.get('中共示范医院委员会')!.foundedOn).toBe('2001-07-01')
      expect(byName.get('外科党支部')!.departments).toEqual(['普外科', '骨科'])
    })
  }

  it('每个错误都指明行号、列名和原因；上级组织不存在时列出相近名称，绝不自动新建', async () => {
    const backend = testBackend()
    await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const p = await preview(backend, file([
      ['组织名称', '组织类型', '上级组织', '成立日期'],
      ['药学部党支部', '党支部', '中共示范医院委员', '2020-02-30'],
      ['护理党支部', '支委会', '中共示范医院委员会', null],
      ['护理党支部', '党支部', '中共示范医院委员会', '2020/3/1'],
      ['护理党支部', '党支部', '中共示范医院委员会', '20200301'],
      ['孤立支部', '党支部', null, null],
    ]))
    const issues = (row: number) => p.rows.find((r) => r.row === row)!.issues
    expect(issues(2)).toEqual([{ column: '成立日期', message: '成立日期“2020-02-30”不是存在的日期，请核对' }])
    expect(issues(3)[0]!.message).toContain('组织类型“支委会”无法识别')
    expect(p.rows.find((r) => r.row === 4)!.action).toBe('insert')
    expect(issues(5)).toEqual([{ column: '组织名称', message: '与第 4 行重复' }])
    expect(issues(6)[0]!.message).toContain('党支部不能设在最高一级')

    const fixedDate = await preview(backend, file([['组织名称', '组织类型', '上级组织'], ['药学部党支部', '党支部', '中共示范医院委员']]))
    expect(fixedDate.rows[0]!.issues[0]).toEqual({ column: '上级组织', message: '找不到上级组织“中共示范医院委员”，是否是：中共示范医院委员会？（不会自动新建）' })
  })

  it('已有的组织按导入方式处理：跳过已有 / 覆盖更新 / 只补空白', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const rows: Aoa = [['组织名称', '组织类型', '上级组织', '成立日期', '所辖科室'], ['内科党支部', '党支部', '中共示范医院委员会', '2012-05-05', '心内科']]
    expect((await preview(backend, file(rows), 'skip')).rows[0]!.action).toBe('skip')
    const fill = await ok(backend, 'imports.commit', { ...file(rows), mode: 'fill' })
    expect(fill.updated).toBe(1)
    let branch = (await ok(backend, 'orgs.list', {})).find((o) => o.name === '内科党支部')!
    expect(branch.foundedOn).toBe('2010-01-01') // kept: not blank
    expect(branch.departments).toEqual(['心内科']) // filled: was blank
    expect((await preview(backend, file(rows), 'fill')).rows[0]!.action).toBe('skip')
    await ok(backend, 'imports.commit', { ...file(rows), mode: 'update' })
    branch = (await ok(backend, 'orgs.list', {})).find((o) => o.name === '内科党支部')!
    expect(branch.foundedOn).toBe('2012-05-05')
  })

  it('整批撤销：新增的撤掉、更新的恢复原值；导入后又被修改过的批次拒绝撤销', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const rows: Aoa = [['组织名称', '组织类型', '上级组织', '成立日期'], ['内科党支部', '党支部', '中共示范医院委员会', '2012-05-05'], ['外科党支部', '党支部', '中共示范医院委员会', null]]
    const first = await ok(backend, 'imports.commit', { ...file(rows), mode: 'update' })
    expect(first).toMatchObject({ inserted: 1, updated: 1 })
    await ok(backend, 'imports.undo', { batchId: first.batchId! })
    const names = (await ok(backend, 'orgs.list', {})).map((o) => [o.name, o.foundedOn])
    expect(names).toEqual([['中共示范医院委员会', null], ['内科党支部', '2010-01-01']])
    expect((await fails(backend, 'imports.undo', { batchId: first.batchId! })).message).toContain('已于')

    const second = await ok(backend, 'imports.commit', { ...file(rows), mode: 'skip' })
    const surgery = (await ok(backend, 'orgs.list', {})).find((o) => o.name === '外科党支部')!
    await ok(backend, 'orgs.update', { id: surgery.id, name: '外科党支部', type: 'branch', note: '导入后修改' })
    const batches = await ok(backend, 'imports.batches', {})
    // named, so the clerk knows which record to look at
    expect(batches[0]!.blockedBy).toEqual(['外科党支部'])
    const refused = await fails(backend, 'imports.undo', { batchId: second.batchId! })
    expect(refused.message).toContain('导入后又被修改过（外科党支部）')
  })

  it('错误行可下载为工作簿：原有列加“错误说明”，改好后可再次导入', async () => {
    const backend = testBackend()
    await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const founded = new Date(Date.UTC(2019, 6, 1))
    const input = file([['组织名称', '组织类型', '上级组织', '成立日期'], ['好支部', '党支部', '中共示范医院委员会', founded], ['坏支部', '党支', '中共示范医院委员会', founded]])
    // the preview says whose row each error is
    expect((await ok(backend, 'imports.preview', input)).rows.find((r) => r.action === 'error')!.description).toBe('坏支部（党支）')
    const wb = await ok(backend, 'imports.errorWorkbook', { ...input, mode: 'skip' })
    expect(wb.fileName).toBe('组织-错误行.xlsx')
    const rows = rowsOf(wb.contentBase64)
    expect(rows[0]).toEqual(['组织名称', '组织类型', '上级组织', '成立日期', '原行号', '错误说明'])
    expect(rows).toHaveLength(2)
    expect(rows[1]!.slice(0, 3)).toEqual(['坏支部', '党支', '中共示范医院委员会'])
    expect(rows[1]![4]).toBe(3)
    expect(String(rows[1]![5])).toContain('【组织类型】组织类型“党支”无法识别')
    // laid out to print and work through: a real date cell, widths that fit, A4 landscape with page numbers
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(wb.contentBase64, 'base64') as unknown as ArrayBuffer)
    const ws = book.worksheets[0]!
    expect(ws.getCell('D2').value).toEqual(founded)
    expect(ws.getCell('D2').numFmt).toBe('yyyy-mm-dd')
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(20)
    expect(ws.getCell('A2').border.top).toMatchObject({ style: 'thin' })
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' })
    expect(ws.headerFooter.oddFooter).toContain('&P')
    // the clerk corrects the type in the error workbook and imports it again
    const fixed = [rows[0]!.slice(0, 4), ['坏支部', '党支部', '中共示范医院委员会', founded]] as Aoa
    // re-read as it is, each row says where it was in the clerk's first file
    expect((await ok(backend, 'imports.preview', { kind: 'organizations', fileName: '组织-错误行.xlsx', contentBase64: wb.contentBase64 })).rows[0]!.description).toBe('坏支部（党支）（原文件第 3 行）')
    const again = await ok(backend, 'imports.commit', { kind: 'organizations', fileName: '组织-错误行.xlsx', contentBase64: b64(workbook(fixed)), mode: 'skip' })
    expect(again.inserted).toBe(1)
  })

  it('读取 GBK 与 UTF-8 编码的 CSV', async () => {
    const rows: Aoa = [['组织名称', '组织类型', '上级组织'], ['中共示范医院委员会', '党委', null]]
    for (const enc of ['gbk', 'utf-8'] as const) {
      const backend = testBackend()
      const p = await ok(backend, 'imports.preview', { kind: 'organizations', fileName: 'orgs.csv', contentBase64: b64(csv(rows, enc)) })
      expect(p.rows[0]!.description).toBe('中共示范医院委员会（党委）')
    }
  })

  it('表头缺少必填列时整份文件不导入，并说明缺哪一列', async () => {
    const backend = testBackend()
    const p = await ok(backend, 'imports.preview', file([['组织名称', '上级组织'], ['甲', '乙']]))
    expect(p.missing).toEqual(['组织类型'])
    expect(p.rows).toEqual([])
    const err = await fails(backend, 'imports.commit', file([['组织名称', '上级组织'], ['甲', '乙']]))
    expect(err.message).toBe('表头缺少必填列：组织类型。请在第 1 行补上这些列，或在预览中把文件里的某一列对应为这些字段')
    expect(await ok(backend, 'orgs.list', {})).toHaveLength(0)
  })

  it('干事手工对应的列（含“忽略此列”）按导入类型记住，下一份同样来源的文件自动沿用，也可恢复默认', async () => {
    const backend = testBackend()
    const SOURCE: Aoa = [['单位名称', '级别', '上级组织', '成立日期'], ['中共示范医院委员会', '党委', null, '2001-07-01']]
    const first = await ok(backend, 'imports.preview', file(SOURCE))
    expect(first.missing).toEqual(['组织名称', '组织类型'])
    expect(first.columns.map((c) => c.field)).toEqual([null, null, 'parent', 'foundedOn'])
    const mapping = { 单位名称: 'name', 级别: 'type', 成立日期: null }
    const done = await ok(backend, 'imports.commit', { ...file(SOURCE), mapping })
    expect(done).toMatchObject({ inserted: 1, errors: [] })
    // the clerk chose to ignore 成立日期
    expect((await ok(backend, 'orgs.list', {}))[0]!.foundedOn).toBeNull()
    const next = await ok(backend, 'imports.preview', file([SOURCE[0]!, ['内科党支部', '党支部', '中共示范医院委员会', '2019-01-01']]))
    expect(next.missing).toEqual([])
    expect(next.columns.map((c) => [c.header, c.field, c.byHand])).toEqual([
      ['单位名称', 'name', true],
      ['级别', 'type', true],
      ['上级组织', 'parent', false],
      ['成立日期', null, true],
    ])
    expect(next.rows[0]!.action).toBe('insert')
    expect(await ok(backend, 'imports.forgetMappings', { kind: 'organizations' })).toEqual({ forgotten: 3 })
    expect((await ok(backend, 'imports.preview', file(SOURCE))).missing).toEqual(['组织名称', '组织类型'])
    expect((await fails(backend, 'imports.preview', { ...file(SOURCE), mapping: { 级别: 'rank' } })).message).toBe('“级别”对应的字段不存在，请重新选择')
  })

  it('下载的模板有下拉列表和填写说明', async () => {
    const t = await ok(testBackend(), 'imports.template', { kind: 'organizations' })
    expect(t.fileName).toBe('党组织导入模板.xlsx')
    expect(rowsOf(t.contentBase64)[0]).toEqual(['组织名称', '组织类型', '上级组织', '成立日期', '所辖科室', '任期年限', '本届任期开始'])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(t.contentBase64, 'base64') as unknown as ArrayBuffer)
    const typeCell = wb.getWorksheet('党组织导入')!.getCell('B3')
    expect(typeCell.dataValidation).toMatchObject({ type: 'list', formulae: ['代码表!$A$2:$A$7'] })
    // the list sheet names each list above its values
    const lists = wb.getWorksheet('代码表')!
    expect([lists.getCell('A1').value, lists.getCell('A2').value]).toEqual(['组织类型', '党委'])
    expect(wb.getWorksheet('填写说明')!.getCell('A3').value).toBe('必填列：组织名称、组织类型')
    // the example row is marked as one; its count is a number; date columns are text, so 2021.7 stays as typed
    const sheet = wb.getWorksheet('党组织导入')!
    expect(sheet.getCell('A2').note).toBe('示例行：可改写或删除；原样留着导入时自动跳过')
    expect(sheet.getCell('A2').font.italic).toBe(true)
    expect(sheet.getCell('F2').value).toBe(3)
    expect(sheet.getColumn(4).numFmt).toBe('@')
    expect(sheet.pageSetup.orientation).toBe('portrait')
    // the roster's template has 26 columns: it prints landscape
    const members = new ExcelJS.Workbook()
    await members.xlsx.load(Buffer.from((await ok(testBackend(), 'imports.template', { kind: 'members' })).contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(members.getWorksheet('党员导入')!.pageSetup.orientation).toBe('landscape')
  })

  it('导入的党组织已有党员时整批撤销被拒绝，说明原因，什么都不改', async () => {
    const backend = testBackend()
    await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const done = await ok(backend, 'imports.commit', file([['组织名称', '组织类型', '上级组织'], ['新建党支部', '党支部', '中共示范医院委员会']]))
    const branch = (await ok(backend, 'orgs.list', {})).find((o) => o.name === '新建党支部')!
    await ok(backend, 'members.create', { organizationId: branch.id, fields: { name: '王芳', gender: '女', joinedOn: '2005-07-01', convertedOn: '2006-07-01' } })
    expect((await fails(backend, 'imports.undo', { batchId: done.batchId! })).message).toBe('该批次导入的记录已被其他记录引用，整批撤销未执行，未作任何修改')
    expect((await ok(backend, 'orgs.list', {})).map((o) => o.name)).toContain('新建党支部')
  })
})
