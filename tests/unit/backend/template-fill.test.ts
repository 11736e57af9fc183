import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { rowsOf } from '../../fixtures/workbooks'
import { fails, ok, testBackend } from '../helpers'

/** Seven organizations: more than the four blank rows of their form. */
async function hospital() {
  const backend = testBackend()
  const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null, foundedOn: '2001-07-01', termStartedOn: '2021-03-15' })
  await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-05-04' })
  await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  const nursing = await ok(backend, 'orgs.create', { name: '护理党总支', type: 'general_branch', parentId: c.id })
  await ok(backend, 'orgs.create', { name: '门诊护理党支部', type: 'branch', parentId: nursing.id })
  await ok(backend, 'orgs.create', { name: '病房护理党支部', type: 'branch', parentId: nursing.id })
  await ok(backend, 'orgs.create', { name: '离退休党支部', type: 'branch', parentId: c.id })
  return { backend, nursing }
}

const HEADERS = ['序号', '党组织全称', '组织类型', '隶属党组织', '建立日期', '换届日期', '届满日期', '核对']
const THIN = { style: 'thin' as const }
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/**
 * A higher committee's form as they send it: merged title, a header (one or two lines), four blank rows with
 * borders, their 序号 (1, then =A4+1 dragged down), a drop-down for 组织类型, date formats, a per-row check
 * formula, then 填表人/审核人, a 合计 row counting the rows, and a note.
 */
async function theirForm({ twoRowHeader = false, dropDownTo = 200 } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('附表3')
  ws.mergeCells('A1:H1')
  ws.getCell('A1').value = '基层党组织情况统计表'
  ws.getCell('A1').font = { name: '方正小标宋简体', size: 18 }
  ws.getCell('A2').value = '填报单位（盖章）：'
  const h = twoRowHeader ? 4 : 3
  if (twoRowHeader) {
    HEADERS.forEach((text, i) => (ws.getCell(3, i + 1).value = text))
    ws.getCell('C3').value = '基本情况'
    ws.getCell('C4').value = '组织类型'
    ws.getCell('D4').value = '隶属党组织'
    for (const c of ['A', 'B', 'E', 'F', 'G', 'H']) ws.mergeCells(`${c}3:${c}4`)
    ws.mergeCells('C3:D3')
  } else {
    ws.getRow(3).values = HEADERS
  }
  const first = h + 1
  for (let r = first; r < first + 4; r++) {
    ws.getRow(r).height = 20
    for (let c = 1; c <= 8; c++) ws.getCell(r, c).border = BOX
    ws.getCell(r, 2).font = { name: '仿宋', size: 12 }
    ws.getCell(r, 5).numFmt = 'yyyy年m月d日'
    ws.getCell(r, 6).numFmt = 'yyyy.mm'
    ws.getCell(r, 7).numFmt = '@'
    ws.getCell(r, 8).value = { formula: `IF(B${r}="","","已填")`, result: '' }
  }
  ws.getCell(first, 1).value = 1
  // as Excel stores a dragged formula: written once, shared by the cells below
  ws.fillFormula(`A${first + 1}:A${first + 3}`, `A${first}+1`, [2, 3, 4])
  // one validation over a range, as Excel saves it (exceljs has this but leaves it out of its typings)
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
  validations.add(`C${first}:C${dropDownTo}`, { type: 'list', allowBlank: true, formulae: ['"党委,党总支,党支部"'] })
  const footer = first + 4
  ws.mergeCells(`A${footer}:H${footer}`)
  ws.getCell(`A${footer}`).value = '填表人：            审核人：            填报日期：'
  ws.getCell(`A${footer}`).font = { name: '仿宋', size: 12, bold: true }
  ws.getRow(footer).height = 30
  ws.getCell(`A${footer + 2}`).value = '合计'
  ws.getCell(`B${footer + 2}`).value = { formula: `COUNTA(B${first}:B${first + 3})`, result: 0 }
  ws.getCell(`A${footer + 3}`).value = '说明：组织类型从下拉列表中选择。'
  ws.pageSetup.printArea = `A1:H${footer + 3}`
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

const MAPPING = { 序号: null, 党组织全称: 'name', 组织类型: 'type', 隶属党组织: 'parent', 建立日期: 'foundedOn', 换届日期: 'termStartedOn', 届满日期: 'termEndsOn', 核对: null }

async function fill(backend: Awaited<ReturnType<typeof hospital>>['backend'], contentBase64: string, scope?: { organizationId: number | null; from: string | null; to: string | null }) {
  const filled = await ok(backend, 'exports.fillTemplate', { source: 'organizations', fileName: '附表3.xlsx', contentBase64, mapping: MAPPING, ...(scope ? { scope } : {}) })
  const bytes = Buffer.from(filled.contentBase64, 'base64')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  // the sheet as Excel sees it: formatted texts, and the raw XML for the drop-downs
  const sheetJs = XLSX.read(bytes, { type: 'buffer', bookFiles: true, cellNF: true }) as XLSX.WorkBook & { files: Record<string, { content: Uint8Array }> }
  const file = (path: string) => Buffer.from(sheetJs.files[path]!.content).toString()
  return { ws: wb.getWorksheet('附表3')!, shown: sheetJs.Sheets['附表3']!, xml: file('xl/worksheets/sheet1.xml'), workbookXml: file('xl/workbook.xml') }
}

/** Excel's number for a day (days since 1899-12-30) */
const excelDay = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
const column = (ws: ExcelJS.Worksheet, letter: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(`${letter}${from + i}`).value)
const ourNames = async (backend: Awaited<ReturnType<typeof hospital>>['backend'], organizationId: number | null = null) =>
  rowsOf((await ok(backend, 'exports.workbook', { source: 'organizations', columns: ['name'], scope: { organizationId, from: null, to: null } })).contentBase64)
    .slice(3)
    .map((r) => r[0])

describe('按上级模板填写：对方的序号、表尾、格式与下拉列表', () => {
  it('(a) 未对应的序号列由我们写 1、2、3…（数字），其它未对应的列保留对方原有内容', async () => {
    const { backend } = await hospital()
    const { ws } = await fill(backend, await theirForm())
    expect(column(ws, 'A', 4, 10)).toEqual([1, 2, 3, 4, 5, 6, 7])
    // their per-row check formula in the blank rows is still there (it used to be blanked)
    expect(ws.getCell('H4').value).toMatchObject({ formula: 'IF(B4="","","已填")' })
    expect(ws.getCell('H7').value).toMatchObject({ formula: 'IF(B7="","","已填")' })
    expect(ws.getCell('A4').border).toMatchObject(BOX)
  })

  it('(b) 数据多于空白行时在表尾之前插入行：填表人、合计、说明完整地下移，合并与公式随之移动，合计的范围扩大', async () => {
    const { backend } = await hospital()
    const { ws, workbookXml } = await fill(backend, await theirForm())
    const names = await ourNames(backend)
    expect(names).toHaveLength(7)
    expect(column(ws, 'B', 4, 10)).toEqual(names)
    expect(ws.getCell('A1').value).toBe('基层党组织情况统计表')
    // 4 blank rows (4–7) + 3 inserted: the footer moved from row 8 to row 11
    expect(ws.getCell('A11').value).toBe('填表人：            审核人：            填报日期：')
    expect(ws.getCell('A11').font).toMatchObject({ name: '仿宋', bold: true })
    expect(ws.getRow(11).height).toBe(30)
    expect(ws.model.merges.sort()).toEqual(['A11:H11', 'A1:H1'].sort())
    expect(ws.getCell('A13').value).toBe('合计')
    expect(ws.getCell('B13').value).toMatchObject({ formula: 'COUNTA(B4:B10)' })
    expect(ws.getCell('A14').value).toBe('说明：组织类型从下拉列表中选择。')
    expect(ws.pageSetup.printArea).toBe('A1:H14')
    // inserted rows look like their blank rows, not like the footer row that was there
    expect(ws.getRow(9).height).toBe(20)
    expect(ws.getCell('B9').font).toMatchObject({ name: '仿宋', size: 12 })
    expect(ws.getCell('C9').border).toMatchObject(BOX)
    // their per-row check formula works on the added rows too, each on its own row
    expect(column(ws, 'H', 7, 10).map((v) => (v as { formula: string }).formula)).toEqual(['IF(B7="","","已填")', 'IF(B8="","","已填")', 'IF(B9="","","已填")', 'IF(B10="","","已填")'])
    // 序号 and 合计 hold results from before our rows: recomputed when opened
    expect(workbookXml).toContain('fullCalcOnLoad="1"')
  })

  it('(b) 两行表头：以下面一行为表头，合并的“序号”照样编号，表尾同样下移', async () => {
    const { backend } = await hospital()
    const template = await theirForm({ twoRowHeader: true })
    const seen = await ok(backend, 'exports.inspectTemplate', { source: 'organizations', fileName: '附表3.xlsx', contentBase64: template })
    expect(seen.headerRow).toBe(4)
    expect(seen.columns.map((c) => c.header)).toEqual(HEADERS)
    const { ws } = await fill(backend, template)
    expect(column(ws, 'A', 5, 11)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(column(ws, 'B', 5, 11)).toEqual(await ourNames(backend))
    expect(ws.getCell('C3').value).toBe('基本情况')
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A3:A4', 'C3:D3', 'A12:H12']))
    expect(ws.getCell('A12').value).toBe('填表人：            审核人：            填报日期：')
    expect(ws.getCell('B14').value).toMatchObject({ formula: 'COUNTA(B5:B11)' })
  })

  it('(c) 对方设为日期格式的列写入真正的日期，按对方的格式显示；文本格式的列仍写文本', async () => {
    const { backend } = await hospital()
    const { ws, shown } = await fill(backend, await theirForm())
    const names = await ourNames(backend)
    const row = (name: string) => 4 + names.indexOf(name)
    const [committee, inner, outer] = [row('中共示范医院委员会'), row('内科党支部'), row('外科党支部')]
    expect(ws.getCell(`E${committee}`).value).toEqual(new Date(Date.UTC(2001, 6, 1)))
    expect(ws.getCell(`E${committee}`).numFmt).toBe('yyyy年m月d日')
    expect(ws.getCell(`E${inner}`).value).toEqual(new Date(Date.UTC(2010, 4, 4)))
    expect(ws.getCell(`F${committee}`).value).toEqual(new Date(Date.UTC(2021, 2, 15)))
    // what Excel reads: a day number under their format
    expect(shown[`E${committee}`]).toMatchObject({ t: 'n', v: excelDay(2001, 7, 1), z: 'yyyy年m月d日' })
    expect(shown[`F${committee}`]).toMatchObject({ t: 'n', v: excelDay(2021, 3, 15), z: 'yyyy.mm' })
    // 届满日期 is formatted 文本 by them: it stays the text we have
    expect(ws.getCell(`G${committee}`).value).toBe('2026-03-15')
    expect(shown[`G${committee}`]).toMatchObject({ t: 's', v: '2026-03-15' })
    // no date: the cell stays empty
    expect(ws.getCell(`E${outer}`).value).toBeNull()
  })

  it('(d) 下拉列表仍是每列一个，覆盖所有填写的行（表尾随行下移）', async () => {
    const { backend } = await hospital()
    const { ws, xml } = await fill(backend, await theirForm())
    // one validation: their C4:C200, with the 3 rows inserted above row 8 (it came back as C4:C200 and C10:C200)
    expect(xml.match(/<dataValidation [^>]*sqref="[^"]*"/g)).toEqual(['<dataValidation type="list" allowBlank="1" sqref="C4:C203"'])
    expect(ws.getCell('C10').dataValidation).toMatchObject({ type: 'list', formulae: ['"党委,党总支,党支部"'] })
  })

  it('(d) 对方的下拉列表只画在空白行上：扩展到我们填写的每一行', async () => {
    const { backend } = await hospital()
    const { xml } = await fill(backend, await theirForm({ dropDownTo: 7 }))
    expect(xml.match(/sqref="[^"]*"/g)).toEqual(['sqref="C4:C10"'])
  })

  it('(e) 与普通导出相同的范围：只填所选党组织及其下级；数据少于空白行时表尾不动', async () => {
    const { backend, nursing } = await hospital()
    const { ws, xml } = await fill(backend, await theirForm(), { organizationId: nursing.id, from: null, to: null })
    const names = await ourNames(backend, nursing.id)
    expect([...names].sort()).toEqual(['护理党总支', '门诊护理党支部', '病房护理党支部'].sort())
    expect(column(ws, 'B', 4, 7)).toEqual([...names, null])
    expect(column(ws, 'A', 4, 6)).toEqual([1, 2, 3])
    // their fourth blank row is theirs as it was
    expect(ws.getCell('A7').value).toMatchObject({ formula: 'A6+1' })
    expect(ws.getCell('A8').value).toBe('填表人：            审核人：            填报日期：')
    expect(ws.getCell('B10').value).toMatchObject({ formula: 'COUNTA(B4:B7)' })
    expect(xml.match(/sqref="[^"]*"/g)).toEqual(['sqref="C4:C200"'])
    const log = await ok(backend, 'audit.list', { entity: 'export' })
    expect(log.find((e) => (e.after as { template?: string }).template)!.after).toMatchObject({ source: 'organizations', template: '附表3.xlsx', rows: 3, scope: { organizationId: nursing.id } })
  })

  it('(e) 会议台账按期间和党组织填写；期间颠倒时说明原因', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const inner = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const outer = await ok(backend, 'orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const meeting = (organizationId: number, heldOn: string, title: string) =>
      ok(backend, 'meetings.create', { organizationId, types: ['party_congress'], title, heldOn, host: '甲', recorder: '乙', minutes: '正文', attendance: [] } as never)
    await meeting(inner.id, '2025-01-20', '学习两会精神')
    await meeting(inner.id, '2025-04-18', '专题组织生活')
    await meeting(inner.id, '2024-11-02', '去年的会议')
    await meeting(outer.id, '2025-02-01', '外科的会')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('台账')
    ws.getRow(1).values = ['序号', '党支部', '会议日期', '会议主题']
    ws.getCell('C2').numFmt = 'yyyy.mm.dd'
    const template = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const scope = { organizationId: inner.id, from: '2025-01-01', to: '2025-12-31' }
    const input = { source: 'meetings' as const, fileName: '台账.xlsx', contentBase64: template, mapping: { 序号: null, 党支部: 'organization', 会议日期: 'heldOn', 会议主题: 'title' } }
    const filled = await ok(backend, 'exports.fillTemplate', { ...input, scope })
    const rows = rowsOf(filled.contentBase64)
    const ours = rowsOf((await ok(backend, 'exports.workbook', { source: 'meetings', columns: ['title', 'heldOn'], scope })).contentBase64).slice(3)
    // the ordinary export's columns come in our order: 日期, 主题
    expect(rows.slice(1).map((r) => r[3])).toEqual(ours.map((r) => r[1]))
    // 会议日期 in their yyyy.mm.dd: real dates, the same days as the ordinary export
    expect(rows.slice(1).map((r) => r[2])).toEqual(ours.map((r) => excelDay(...(String(r[0]).split('-').map(Number) as [number, number, number]))))
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [1, '内科党支部'],
      [2, '内科党支部'],
    ])
    expect(new Set(rows.slice(1).map((r) => r[3]))).toEqual(new Set(['学习两会精神', '专题组织生活']))
    const err = await fails(backend, 'exports.fillTemplate', { ...input, scope: { organizationId: null, from: '2025-12-31', to: '2025-01-01' } })
    expect(err.message).toContain('开始日期不能晚于结束日期')
  })

  it('对方是“常规”格式的出勤率列按百分比显示；对方自己定了格式的照对方的', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const m = await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '甲', gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })
    const meeting = (heldOn: string, status: 'present' | 'absent') =>
      ok(backend, 'meetings.create', { organizationId: b.id, types: ['party_congress'], title: '会', heldOn, host: '甲', recorder: '甲', minutes: '正文', attendance: [{ memberId: m.member.id, status }] } as never)
    await meeting('2025-01-20', 'present')
    await meeting('2025-02-20', 'absent')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('参会')
    ws.getRow(1).values = ['姓名', '出勤率', '参会率']
    ws.getCell('C2').numFmt = '0%'
    const filled = await ok(backend, 'exports.fillTemplate', { source: 'attendance', fileName: '参会.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), mapping: { 姓名: 'name', 出勤率: 'rate', 参会率: 'rate' } })
    const sheet = XLSX.read(Buffer.from(filled.contentBase64, 'base64')).Sheets['参会']!
    expect(sheet.B2).toMatchObject({ v: 0.5, w: '50.0%' })
    expect(sheet.C2).toMatchObject({ v: 0.5, w: '50%' })
  })

  it('模板的列对应了身份证号却没勾选“包含敏感信息”：不生成留空的表，说明怎么办；勾选后照常填写', async () => {
    const backend = testBackend()
    const c = await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await ok(backend, 'orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    await ok(backend, 'members.create', { organizationId: b.id, fields: { name: '王芳', gender: '女', idNumber: '11010519491231002X', joinedOn: '1975-07-01', convertedOn: '1976-07-01' } })
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('名册').getRow(1).values = ['姓名', '公民身份号码']
    const input = { source: 'members' as const, fileName: '名册.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), mapping: { 姓名: 'name', 公民身份号码: 'idNumber' } }
    expect((await fails(backend, 'exports.fillTemplate', input)).message).toBe('模板的“公民身份号码”列对应公民身份号码（敏感信息）：请先勾选“包含敏感信息”，或把这一列改为留空')
    const filled = await ok(backend, 'exports.fillTemplate', { ...input, includeSensitive: true })
    expect(rowsOf(filled.contentBase64)[1]).toEqual(['王芳', '11010519491231002X'])
    // the clerk's match is what is remembered for the next time this template is picked
    expect((await ok(backend, 'exports.inspectTemplate', { source: 'members', fileName: '名册.xlsx', contentBase64: input.contentBase64 })).columns).toEqual([
      { header: '姓名', field: 'name', numbered: false },
      { header: '公民身份号码', field: 'idNumber', numbered: false },
    ])
  })

  it('空白行里预先印着“（无）”“/”之类的占位：仍算空白行，数据从表头下第一行填起，合计范围覆盖全部数据', async () => {
    const { backend } = await hospital()
    const form = new ExcelJS.Workbook()
    await form.xlsx.load(Buffer.from(await theirForm(), 'base64') as unknown as ArrayBuffer)
    const sheet = form.getWorksheet('附表3')!
    for (const r of [4, 5, 6, 7]) sheet.getCell(`G${r}`).value = r % 2 ? '/' : '（无）'
    const { ws } = await fill(backend, Buffer.from(await form.xlsx.writeBuffer()).toString('base64'))
    expect(column(ws, 'B', 4, 10)).toEqual(await ourNames(backend))
    expect(ws.getCell('A11').value).toBe('填表人：            审核人：            填报日期：')
    expect(ws.getCell('B13').value).toMatchObject({ formula: 'COUNTA(B4:B10)' })
    expect(ws.getCell('B9').border).toMatchObject(BOX)
  })
})
