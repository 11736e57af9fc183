/// <reference lib="dom" />
import { readFileSync } from 'node:fs'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workbook, type Aoa } from '../fixtures/workbooks'
import { checkChar } from '../../electron/shared/rules/id-number'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'

/** the visible tab of the exchange page (every tab keeps its own panel) */
const pane = (page: Page) => page.locator('.el-tab-pane:visible')

describe('Excel 导入（浏览器中的真实界面）', () => {
  let app: TestApp
  const dir = mkdtempSync(join(tmpdir(), 'dangban-e2e-xlsx-'))
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('预览 → 导入有效行 → 下载错误行改正后再导入 → 整批撤销', async () => {
    const { page } = app
    const file = join(dir, '党组织名单.xlsx')
    writeFileSync(
      file,
      workbook([
        ['××医院党组织名单'],
        ['组织名称', '组织类型', '上级组织', '成立日期'],
        ['中共示范医院委员会', '党委', null, '2001-07-01'],
        ['内科党支部', '党支部', '中共示范医院委员会', '2019年7月1日'],
        ['外科党支部', '党支', '中共示范医院委员会', '2020/3/5'],
        ['制表人：王芳'],
      ]),
    )
    await page.getByRole('menuitem', { name: '数据导入导出' }).click()
    await page.getByRole('tab', { name: '导入党组织' }).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    await expect.poll(() => page.locator('.summary').innerText(), { timeout: 150_000 }).toContain('错误 1')
    expect(await page.locator('.summary').innerText()).toContain('新增 2')
    expect(await page.getByLabel('导入预览').innerText()).toContain('组织类型“党支”无法识别')

    // the error workbook, corrected by the clerk, goes back in
    const download = page.waitForEvent('download', { timeout: 150_000 })
    await page.getByRole('button', { name: /下载错误行/ }).click()
    const d = await download
    const saved = join(dir, d.suggestedFilename())
    copyFileSync(await d.path(), saved)
    expect(saved).toMatch(/党组织名单-错误行\.xlsx$/)

    await page.getByRole('button', { name: '确认导入 2 行' }).click()
    await expect.poll(() => page.getByLabel('导入记录').innerText(), { timeout: 150_000 }).toContain('新增 2，更新 0，跳过 0，错误 1')

    const wb = XLSX.read(readFileSync(saved))
    const ws = wb.Sheets[wb.SheetNames[0]!]!
    expect(ws.B2!.v).toBe('党支')
    ws.B2!.v = '党支部'
    writeFileSync(saved, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(saved)
    await expect.poll(() => page.locator('.summary').innerText(), { timeout: 150_000 }).toContain('新增 1')
    await page.getByRole('button', { name: '确认导入 1 行' }).click()
    await expect.poll(() => page.getByLabel('导入记录').innerText(), { timeout: 150_000 }).toContain('党组织名单-错误行.xlsx')

    await page.getByRole('menuitem', { name: '党组织' }).click()
    await expect.poll(() => page.locator('.el-tree').innerText()).toContain('外科党支部')

    // undo the second batch as a whole, with its file on screen (its row now 跳过)
    await page.getByRole('menuitem', { name: '数据导入导出' }).click()
    await page.getByRole('tab', { name: '导入党组织' }).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(saved)
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('跳过 1')
    await page.getByRole('button', { name: '整批撤销' }).first().click()
    await page.getByRole('button', { name: '撤销该批次' }).click()
    await expect.poll(() => page.getByLabel('导入记录').innerText(), { timeout: 150_000 }).toContain('已撤销')
    // the file still on screen is read again: its row is new again, not 跳过
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('新增 1')
    await page.getByRole('menuitem', { name: '党组织' }).click()
    await expect.poll(() => page.locator('.el-tree').innerText()).toContain('内科党支部')
    expect(await page.locator('.el-tree').innerText()).not.toContain('外科党支部')
    await page.getByRole('menuitem', { name: '数据导入导出' }).click()
    await expect.poll(() => page.getByLabel('导入记录').innerText(), { timeout: 150_000 }).toContain('已撤销')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('import.png') })
  })

  it('导出党组织为 Excel，并按上级模板填写', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '导出党组织' }).click()
    const download = page.waitForEvent('download', { timeout: 150_000 })
    await pane(page).getByRole('button', { name: '导出 Excel' }).click()
    const d = await download
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(await d.path())).Sheets['党组织一览表']!, { header: 1 })
    // 序号 first, then the 采集表's own words (docs/export-columns.md)
    expect(rows[2]!.slice(0, 2)).toEqual(['序号', '党组织名称'])
    expect(rows.slice(3).map((r) => [r[0], r[1]])).toEqual([
      [1, '中共示范医院委员会'],
      [2, '内科党支部'],
    ])

    const template = join(dir, '上级附表.xlsx')
    writeFileSync(template, workbook([['附表：党组织情况'], ['序号', '党组织全称', '建立日期']]))
    await pane(page).getByLabel('选择上级模板').setInputFiles(template)
    await expect.poll(() => page.getByLabel('模板列对应').innerText()).toContain('党组织全称')
    const filled = page.waitForEvent('download')
    await pane(page).getByRole('button', { name: '生成填好的模板' }).click()
    const f = await filled
    expect(f.suggestedFilename()).toBe('上级附表-已填写.xlsx')
    const out = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(await f.path())).Sheets.Sheet1!, { header: 1 })
    expect(out[0]).toEqual(['附表：党组织情况'])
    expect([out[2]![1], out[2]![2]]).toEqual(['中共示范医院委员会', '2001-07-01'])
  })

  it('文件里叫法不同的列由干事手工对应，导入后记住，下一份同样的文件自动识别', async () => {
    const { page } = app
    const file = join(dir, '内科名单.xlsx')
    const rows = (name: string, id: string) => [
      ['党员名字', '性别', '身份证号', '所在党支部', '入党日期', '转正日期'],
      [name, '女', id, '内科党支部', '2005-07-01', '2006-07-01'],
    ]
    writeFileSync(file, workbook(rows('王芳', '11010519491231002X')))
    await page.getByRole('tab', { name: '导入党员' }).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    await expect.poll(() => pane(page).innerText(), { timeout: 150_000 }).toContain('没有找到必填列：姓名')
    await choose(page, '“党员名字”对应的字段', '姓名（必填）')
    await expect.poll(() => pane(page).locator('.summary').innerText(), { timeout: 150_000 }).toContain('新增 1')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('import-columns.png') })
    await pane(page).getByRole('button', { name: '确认导入 1 行' }).click()
    await expect.poll(() => page.getByLabel('导入记录').innerText(), { timeout: 150_000 }).toContain('内科名单.xlsx')
    // what was written stays on screen (not the file read again, every row now 跳过 — 已存在)
    await expect.poll(() => pane(page).getByLabel('导入结果').innerText(), { timeout: 150_000 }).toMatch(/新增\s*1\s*更新\s*0\s*跳过\s*0\s*错误\s*0/)

    // the next file from the same branch is read the same way without asking
    writeFileSync(file, workbook(rows('李娜', '110105198503010024')))
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    await expect.poll(() => pane(page).locator('.summary').innerText(), { timeout: 150_000 }).toContain('新增 1')
    expect(await pane(page).getByRole('group', { name: '列的对应' }).innerText()).toContain('手工')
  })

  it('导入后留下结果：新增、更新、跳过、错误的行数，下载错误行，查看导入的记录，撤销本批', async () => {
    const { page } = app
    const file = join(dir, '外科名单.xlsx')
    const withCheck = (body: string) => body + checkChar(body)
    writeFileSync(
      file,
      workbook([
        ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期'],
        ['周明', withCheck('11010519820401001'), '内科党支部', '2010-07-01', '2011-07-01'],
        ['吴刚', withCheck('11010519820401002'), '内科党支部', '2010-07-01', '2011-07-01'],
        // the roster already has 王芳 (skipped), and this row's branch does not exist
        ['王芳', '11010519491231002X', '内科党支部', '2005-07-01', '2006-07-01'],
        ['郑洁', withCheck('11010519820401003'), '骨科党支部', '2010-07-01', '2011-07-01'],
      ]),
    )
    await page.getByRole('tab', { name: '导入党员' }).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('错误 1')
    await pane(page).getByRole('button', { name: '确认导入 2 行' }).click()
    const result = pane(page).getByLabel('导入结果')
    await expect.poll(() => result.innerText()).toMatch(/新增\s*2\s*更新\s*0\s*跳过\s*1\s*错误\s*1/)
    expect(await result.innerText()).toContain('“外科名单.xlsx”已导入')
    // the preview is gone: nothing on screen suggests the file is still to be imported
    expect(await pane(page).getByRole('button', { name: /确认导入/ }).count()).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('import-result.png') })

    const download = page.waitForEvent('download', { timeout: 150_000 })
    await result.getByRole('button', { name: '下载错误行' }).click()
    const errorBook = XLSX.read(readFileSync(await (await download).path()))
    const names = XLSX.utils.sheet_to_json<unknown[]>(errorBook.Sheets[errorBook.SheetNames[0]!]!, { header: 1 }).map((r) => r[0])
    expect(names).toContain('郑洁')
    expect(names).not.toContain('周明')

    // 撤销本批 right from the result: the two new people go, the panel says so and offers no second undo
    await result.getByRole('button', { name: '撤销本批' }).click()
    await page.getByRole('button', { name: '撤销该批次' }).click()
    await expect.poll(() => result.innerText()).toContain('已撤销“外科名单.xlsx”的导入')
    expect(await result.getByRole('button', { name: '撤销本批' }).count()).toBe(0)
    await expect.poll(() => page.getByLabel('导入记录').first().innerText(), { timeout: 150_000 }).toContain('已撤销')

    // imported again, the result leads to the records
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('新增 2')
    await pane(page).getByRole('button', { name: '确认导入 2 行' }).click()
    await expect.poll(() => result.innerText()).toMatch(/新增\s*2/)
    await result.getByRole('button', { name: '到党员名册查看' }).click()
    await expect.poll(() => page.getByLabel('人员列表').innerText()).toContain('周明')
    await page.getByRole('menuitem', { name: '数据导入导出' }).click()
  })

  it('认不出的值一次对应：把「硕士研究生在读」都当作硕士研究生，写它的每一行重新检查后有效；导入后记住', async () => {
    const { page } = app
    const withCheck = (body: string) => body + checkChar(body)
    const head = ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期', '学历']
    const file = join(dir, '学历名单.xlsx')
    writeFileSync(
      file,
      workbook([
        head,
        ['冯涛', withCheck('11010519830501001'), '内科党支部', '2012-07-01', '2013-07-01', '硕士研究生在读'],
        ['陈晨', withCheck('11010519830501002'), '内科党支部', '2012-07-01', '2013-07-01', '硕士研究生在读'],
        ['褚红', withCheck('11010519830501003'), '内科支部', '2012-07-01', '2013-07-01', '大学本科'],
      ]),
    )
    await page.getByRole('tab', { name: '导入党员' }).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('错误 3')
    const unknown = pane(page).getByLabel('认不出的值')
    expect(await unknown.innerText()).toContain('【学历】“硕士研究生在读”')
    expect(await unknown.innerText()).toContain('2 行（第 2、3 行）')
    expect(await unknown.innerText()).toContain('找不到党支部“内科支部”，是否是：内科党支部')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('import-unknown-values.png') })

    // chosen once, for both rows; the preview is checked again
    await choose(page, '把“硕士研究生在读”都当作', '硕士研究生')
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('错误 1')
    expect(await pane(page).getByLabel('已对应的值').innerText()).toContain('【学历】“硕士研究生在读” → 硕士研究生（2 行）')
    await choose(page, '把“内科支部”都当作', '内科党支部')
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('新增 3')
    expect(await pane(page).locator('.summary').first().innerText()).toContain('错误 0')
    expect(await unknown.count()).toBe(0)
    await pane(page).getByRole('button', { name: '确认导入 3 行' }).click()
    await expect.poll(() => pane(page).getByLabel('导入结果').innerText(), { timeout: 150_000 }).toMatch(/新增\s*3/)

    // the next file from the same source is read the same way without asking
    const next = join(dir, '学历名单二.xlsx')
    writeFileSync(next, workbook([head, ['卫东', withCheck('11010519830501004'), '内科党支部', '2012-07-01', '2013-07-01', '硕士研究生在读']]))
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(next)
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('新增 1')
    expect(await pane(page).getByLabel('已对应的值').innerText()).toContain('“硕士研究生在读” → 硕士研究生（1 行）')
  })

  it('一千多行的名册分页预览：先看错误行，再逐页查看全部', async () => {
    const { page } = app
    const file = join(dir, '全院名册.xlsx')
    const pad = (n: number, w = 2) => String(n).padStart(w, '0')
    const people: Aoa = Array.from({ length: 1200 }, (_, i) => {
      const body = `110105${1970 + (i % 30)}${pad(1 + (i % 12))}${pad(1 + (i % 28))}${pad(100 + (i % 800), 3)}`
      // the last three rows carry a wrong check digit
      const check = i >= 1197 ? (checkChar(body) === '0' ? '1' : '0') : checkChar(body)
      return [`党员${i + 1}`, body + check, '内科党支部', '2020-07-01', '2021-07-01', '良好']
    })
    writeFileSync(file, workbook([['姓名', '身份证号', '所在党支部', '入党日期', '转正日期', '表现情况'], ...people]))
    await page.getByRole('tab', { name: '导入党员' }).click()
    // a file this size is posted from a worker: the page's thread never encodes it (it used to hold the window)
    const worker = page.waitForEvent('worker')
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    expect((await worker).url()).toContain('post-worker')
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('新增 1197')
    // a column that feeds no field is named, so nothing is left out without the clerk knowing
    expect(await pane(page).locator('.summary').nth(1).innerText()).toContain('其中的内容不会导入：表现情况')
    // a file with errors opens on its error rows
    await expect.poll(() => pane(page).getByLabel('导入预览').innerText()).toContain('校验位错误')
    expect(await pane(page).getByLabel('导入预览').locator('tbody tr').count()).toBe(3)
    await pane(page).getByRole('radiogroup', { name: '筛选预览行' }).getByText('全部 1200').click()
    // every row is there, 50 to a page: the window never holds a thousand-row table
    await expect.poll(() => pane(page).getByLabel('导入预览').locator('tbody tr').count()).toBe(50)
    expect(await pane(page).getByLabel('预览分页').innerText()).toContain('共 1200 条')
    await pane(page).getByLabel('预览分页').getByText('2', { exact: true }).click()
    await expect.poll(() => pane(page).getByLabel('导入预览').locator('tbody tr').first().innerText()).toMatch(/^52\s/)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('import-paged.png') })
  })

  it('几个工作表的文件：说明还有哪些表，干事选一个表导入', async () => {
    const { page } = app
    const wb = XLSX.utils.book_new()
    const head = ['姓名', '身份证号', '所在党支部', '入党日期', '转正日期']
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([head, ['赵敏', '110105198001010040', '内科党支部', '2005-07-01', '2006-07-01']]), '内科')
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([head, ['钱伟', '110105198001010016', '内科党支部', '2005-07-01', '2006-07-01'], ['孙丽', '110105198001010067', '内科党支部', '2005-07-01', '2006-07-01']]), '内科二组')
    const file = join(dir, '分表名册.xlsx')
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    await page.getByRole('tab', { name: '导入党员' }).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    await expect.poll(() => pane(page).innerText(), { timeout: 150_000 }).toContain('文件中还有 1 个工作表也有这样的表：内科二组')
    await choose(page, '要导入的工作表', '内科二组')
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('工作表“内科二组”')
    expect(await pane(page).locator('.summary').first().innerText()).toContain('新增 2')
    expect(await pane(page).innerText()).toContain('文件中还有 1 个工作表也有这样的表：内科')
  })

  it('超过 30 MB 的文件在读取之前就说明要拆分，不发送、不预览', async () => {
    const { page } = app
    const big = join(dir, '全市名册.xlsx')
    writeFileSync(big, Buffer.alloc(31 * 1024 * 1024))
    await page.getByRole('tab', { name: '导入党员' }).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(big)
    await expect.poll(() => page.locator('.el-message--error').last().innerText()).toBe('“全市名册.xlsx”文件超过 30 MB，请拆分后分批导入')
  })

  it('按期间导出三会一课台账', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '导出三会一课台账' }).click()
    await expect.poll(() => pane(page).getByLabel('导出范围：期间').count()).toBeGreaterThan(0)
    const download = page.waitForEvent('download', { timeout: 150_000 })
    await pane(page).getByRole('button', { name: '导出 Excel' }).click()
    const d = await download
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(await d.path())).Sheets['三会一课台账']!, { header: 1 })
    expect(String(rows[1]![0])).toContain('期间：')
    expect(rows[2]!.slice(0, 5)).toEqual(['序号', '党组织', '会议类型', '日期', '主题'])
  })
})
