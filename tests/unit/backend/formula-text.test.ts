import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { addStyledSheet, newWorkbook, writeStyledWorkbook } from '../../../electron/backend/excel/styled'
import { b64, workbook } from '../../fixtures/workbooks'
import { entriesOf } from '../../fixtures/zip'
import { ok, testBackend } from '../helpers'

/** What Excel (or WPS, with a Chinese input method) would read as the start of a formula once the cell is edited. */
const STARTS = ['=HYPERLINK("http://x","看")', '+86 139', '-', '@SUM(A1)', '\t=1+1', '\r=1+1', '＝1+1', '＋86 139', '－5', '＠SUM(A1)']

/** as read back: XML turns a carriage return into a line feed (the cell was written with its CR, and formatted then) */
const asRead = (text: string): string => text.replace(/\r/g, '\n')

/** Every cell of the workbook that holds one of those texts: its value and number format, and no formula anywhere. */
async function cellsOf(bytes: Buffer): Promise<{ text: string; numFmt: string | undefined }[]> {
  for (const e of entriesOf(bytes)) if (e.name.startsWith('xl/worksheets/')) expect(e.data.toString(), e.name).not.toMatch(/<f[ >]/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  const out: { text: string; numFmt: string | undefined }[] = []
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && STARTS.map(asRead).includes(cell.value)) out.push({ text: cell.value, numFmt: cell.numFmt })
      }),
    )
  }
  return out
}

describe('我们写出的任何工作簿里，像公式的文字都保持为文字（含全角 ＝＋－＠、制表符与回车）', () => {
  it('错误行工作簿：干事文件里的表头和单元格都写成“文本”格式', async () => {
    const backend = testBackend()
    // a column headed like a formula, and names like formulas in rows that fail (their type is wrong)
    // (a row of only "-" would be a blank form row, and no error)
    const failing = STARTS.filter((s) => s !== '-')
    const rows = [['组织名称', '组织类型', STARTS[0]!], ...failing.map((s) => [s, '不是类型', s])]
    const wb = await ok(backend, 'imports.errorWorkbook', { kind: 'organizations', fileName: '组织.xlsx', contentBase64: b64(workbook(rows)), mode: 'skip' })
    const cells = await cellsOf(Buffer.from(wb.contentBase64, 'base64'))
    // the header, and each text twice in its row
    expect(cells).toHaveLength(1 + 2 * failing.length)
    for (const c of cells) expect(c, JSON.stringify(c.text)).toMatchObject({ numFmt: '@' })
  })

  it('导出与带标题的表：标题、副标题、表头和内容都一样', async () => {
    const spec = { name: '表', title: '＝标题', subtitle: '＋副标题', columns: [{ header: STARTS[6]!, key: 'a' }], rows: STARTS.map((a) => ({ a })) }
    const streamed = await cellsOf(await writeStyledWorkbook([{ ...spec, title: STARTS[7]!, subtitle: STARTS[8]! }]))
    expect(streamed.map((c) => c.text).sort()).toEqual([STARTS[7]!, STARTS[8]!, STARTS[6]!, ...STARTS].map(asRead).sort())
    for (const c of streamed) expect(c, JSON.stringify(c.text)).toMatchObject({ numFmt: '@' })
    const book = newWorkbook()
    addStyledSheet(book, { ...spec, title: STARTS[7]!, subtitle: STARTS[8]! })
    const built = await cellsOf(Buffer.from(await book.xlsx.writeBuffer()))
    expect(built).toHaveLength(3 + STARTS.length)
    for (const c of built) expect(c, JSON.stringify(c.text)).toMatchObject({ numFmt: '@' })
  })

  it('导出的名称以全角＝开头：原样显示，写在“文本”单元格里', async () => {
    const backend = testBackend()
    await ok(backend, 'orgs.create', { name: '＝HYPERLINK("http://x")', type: 'committee', parentId: null })
    const file = await ok(backend, 'exports.workbook', { source: 'organizations', columns: ['name', 'type'] })
    expect(await cellsOf(Buffer.from(file.contentBase64, 'base64'))).toEqual([])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(wb.worksheets[0]!.getCell('A4')).toMatchObject({ value: '＝HYPERLINK("http://x")', numFmt: '@' })
  })
})
