/// <reference lib="dom" />
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { people } from '../fixtures/roster'
import { workbook } from '../fixtures/workbooks'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'
import { dialog, fieldError, messageBox } from './support/forms'
import { pdfText, savePngs } from './support/pdf'

/**
 * 党费 in the real window: the finance department's list with mistakes imported (error rows
 * shown, the error workbook fixed and imported again), a month marked paid for a branch at once, a member who has
 * not paid for more than six months flagged, the base masked until shown, and the branch's 党费收缴登记表 printed.
 * Last year is used so that all twelve months have ended whatever today is.
 */
const Y = new Date().getFullYear() - 1
const dir = mkdtempSync(join(tmpdir(), 'dangban-e2e-dues-'))
const ids = people(6, 2026).map((p) => p.idNumber)
const NAMES = ['张伟', '李娜', '王芳', '陈静', '孙磊'] as const
const idOf = Object.fromEntries(NAMES.map((n, i) => [n, ids[i]!])) as Record<(typeof NAMES)[number], string>
const pane = (page: Page) => page.locator('.el-tab-pane:visible')

describe('党费（浏览器中的真实界面）', () => {
  let app: TestApp
  const memberId: Record<string, number> = {}
  beforeAll(async () => {
    app = await startApp()
    // the ledger starts with last January (a fresh install starts it in the month it was installed)
    await app.must('settings.update', { key: 'dues.ledgerFrom', value: `${Y}-01` })
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const medicine = await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    const surgery = await app.must('orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    for (const name of NAMES) {
      const r = (await app.must('members.create', { organizationId: name === '孙磊' ? surgery.id : medicine.id, fields: { name, idNumber: idOf[name], joinedOn: '2015-07-01', convertedOn: '2016-07-01' } })) as unknown as { member: { id: number } }
      memberId[name] = r.member.id
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  it('导入财务处的基数名单：错误行列出、改正后再导入；基数遮蔽，显示时留痕', async () => {
    const { page } = app
    const file = join(dir, `${Y}年党费基数.xlsx`)
    writeFileSync(
      file,
      workbook([
        [`${Y}年度党员交纳党费计算基数（财务处提供）`],
        ['序号', '姓名', '身份证号码', '所在党支部', '人员类别', '计算基数（元）', '起始月份'],
        [1, '张伟', idOf.张伟, '内科党支部', '在职', '8,500.00', `${Y}-01`],
        [2, '李娜', idOf.李娜, '内科党支部', '退休', 5000.01, null],
        [3, '王芳', idOf.王芳, '内科党支部', '临时工', 4200, null],
        [4, '陈静', idOf.陈静, '内科党支部', '在职', '八千', null],
        [5, '孙磊', Number(idOf.孙磊), '外科党支部', '在职', 6200, null],
        ['制表人：财务处 王会计'],
      ]),
    )
    await page.getByRole('menuitem', { name: '党费' }).click()
    await choose(page, '年度', `${Y}年`)
    await page.getByRole('tab', { name: '基数与标准' }).click()
    await page.getByText(`导入财务处提供的${Y}年党费基数`).click()
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(file)
    // the preview is a background job: on a loaded 2-core machine it may take a while
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('错误 3')
    expect(await pane(page).locator('.summary').first().innerText()).toContain('新增 2')
    const preview = await pane(page).getByLabel('导入预览').innerText()
    expect(preview).toContain('临时工')
    expect(preview).toContain('身份证号被 Excel 存成了数字')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('dues-import-errors.png') })

    const download = page.waitForEvent('download', { timeout: 150_000 })
    await pane(page).getByRole('button', { name: /下载错误行/ }).click()
    const saved = join(dir, (await download).suggestedFilename())
    copyFileSync(await (await download).path(), saved)
    await pane(page).getByRole('button', { name: '确认导入 2 行' }).click()
    await expect.poll(() => pane(page).getByLabel('导入记录').innerText(), { timeout: 150_000 }).toContain('新增 2')

    // the clerk corrects the three rows in the error workbook and imports it again
    const wb = XLSX.read(readFileSync(saved))
    const ws = wb.Sheets[wb.SheetNames[0]!]!
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 })
    const col = (h: string) => (rows[0] as string[]).findIndex((x) => x === h)
    const fix = (name: string, header: string, value: string | number) => {
      const r = rows.findIndex((row) => row[col('姓名')] === name)
      expect(r, name).toBeGreaterThan(0)
      ws[XLSX.utils.encode_cell({ r, c: col(header) })] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value }
    }
    fix('王芳', '人员类别', '学生')
    fix('陈静', '计算基数（元）', 8000)
    fix('孙磊', '身份证号码', idOf.孙磊)
    writeFileSync(saved, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    await pane(page).getByLabel('选择要导入的文件').setInputFiles(saved)
    await expect.poll(() => pane(page).locator('.summary').first().innerText(), { timeout: 150_000 }).toContain('新增 3')
    expect(await pane(page).locator('.summary').first().innerText()).toContain('错误 0')
    await pane(page).getByRole('button', { name: '确认导入 3 行' }).click()
    await expect.poll(() => pane(page).getByLabel('导入记录').innerText(), { timeout: 150_000 }).toContain('错误行')

    // the base is income: masked (like the ID number) until 显示基数, which is recorded
    const table = () => pane(page).getByLabel('党费标准').innerText()
    await expect.poll(table).toContain('孙磊')
    expect(await table()).toContain('＊＊＊＊')
    expect(await table()).not.toContain('8500.00')
    expect(await table()).not.toContain(idOf.张伟)
    expect(await table()).toContain('127.50')
    await pane(page).locator('.el-switch', { has: page.getByLabel('显示基数') }).click()
    await expect.poll(table).toContain('8500.00')
    expect(await table()).toContain('5000.01')
    const audit = app.backend.context.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'dues_base' AND after_json LIKE '%revealed%'").pluck().all() as string[]
    expect(audit.length).toBe(1)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('dues-standards.png') })
    await pane(page).locator('.el-switch', { has: page.getByLabel('显示基数') }).click()
    await expect.poll(table).not.toContain('8500.00')
    // each preview and commit is a background job in its own thread: minutes on a loaded 2-core machine
  }, 600_000)

  it('为一个支部标记某月已交；连续六个月以上未交的党员被标出；打印该支部的登记表', async () => {
    const { page } = app
    // January–June and August–December were collected already; 陈静 stopped paying after May
    const inner = ['张伟', '李娜', '王芳', '陈静']
    for (let m = 1; m <= 12; m++) {
      if (m === 7) continue
      const month = `${Y}-${String(m).padStart(2, '0')}`
      const who = inner.filter((n) => n !== '陈静' || m <= 5)
      await app.must('dues.pay', { month, paidOn: `${month}-20`, method: 'cash', members: who.map((n) => ({ memberId: memberId[n]!, paidFen: null })), note: null })
    }
    await page.getByRole('tab', { name: '收缴台账' }).click()
    // the tree starts folded: typing a part of the name finds the branch
    await page.getByRole('combobox', { name: '党组织', exact: true }).fill('内科')
    await page.locator('.el-select-dropdown:visible .el-tree-node__content', { hasText: '内科党支部' }).click()
    await expect.poll(() => pane(page).getByLabel('收缴台账').innerText()).toContain('张伟')
    expect(await pane(page).getByLabel('收缴台账').innerText()).not.toContain('孙磊')

    // July for the whole branch at once
    await choose(page, '月份', `${Y}年7月`)
    await pane(page).getByLabel('收缴台账').locator('thead .el-checkbox').first().click()
    await pane(page).getByRole('button', { name: '标记7月已交（4人）' }).click()
    const dialog = page.getByRole('dialog', { name: `登记${Y}年7月党费（4人）` })
    await dialog.getByLabel('交纳日期').fill(`${Y}-07-18`)
    await dialog.getByLabel('交纳日期').press('Enter')
    await dialog.getByRole('button', { name: '确定登记' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain(`已登记4人${Y}年7月的党费`)
    await expect.poll(() => page.getByRole('button', { name: '张伟7月' }).innerText()).toBe('✓')
    expect(await page.getByRole('button', { name: '陈静7月' }).innerText()).toBe('✓')

    // 陈静 paid July but nothing after: August–December is five months, not yet flagged
    const flag = () => pane(page).locator('.el-alert--error').innerText()
    expect(await pane(page).locator('.el-alert--error').count()).toBe(0)
    // voiding the July payment (a mistake): June–December, seven months without paying
    await page.getByRole('button', { name: '陈静7月' }).click()
    await page.getByLabel('作废原因').fill('陈静7月实际未交，误勾选')
    await page.getByRole('button', { name: '作废', exact: true }).click()
    await expect.poll(flag).toContain('陈静（7个月）')
    expect(await flag()).not.toContain('张伟')
    expect(await pane(page).getByLabel('收缴台账').innerText()).toContain('连续7个月未交')
    expect(await page.getByRole('button', { name: '陈静7月' }).innerText()).toBe('欠')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('dues-ledger.png') })

    // the branch's 登记表 for July, as it comes out of the printer
    await pane(page).getByRole('button', { name: '打印登记表' }).click()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain('党费收缴登记表')
    await expect.poll(() => page.locator('.toolbar .fonts').innerText()).toMatch(/打印字体：.*CJK/)
    const pdf = join(dir, 'register.pdf')
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    const text = pdfText(pdf).join('')
    expect(text).toContain('党费收缴登记表')
    expect(text).toContain('内科党支部')
    for (const n of inner) expect(text).toContain(n)
    expect(text).not.toContain('孙磊')
    expect(text).not.toContain('8500.00')
    expect(text).not.toContain('打印字体')
    const pngs = savePngs(pdf, 'dues-register')
    expect(pngs.length).toBeGreaterThan(0)
  }, 300_000)

  it('党费的对话框：金额写错时提示在该栏下；填了内容关闭时先询问，“继续填写”内容还在', async () => {
    const { page } = app
    // back from the print preview the test above opened
    await page.goBack()
    await choose(page, '年度', `${Y}年`)
    // 登记上缴: an amount that is no amount is pointed at under 上缴金额 as it is typed; ✕ asks before throwing it away
    await page.getByRole('tab', { name: '上缴与对账' }).click()
    await pane(page).getByRole('button', { name: '登记上缴' }).click()
    const handover = dialog(page)
    await handover.getByLabel('上缴金额').fill('12.345')
    await expect.poll(() => fieldError(handover, '上缴金额').innerText()).toContain('超过两位小数')
    await handover.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await messageBox(page).getByRole('button', { name: '继续填写' }).click()
    await expect.poll(() => messageBox(page).count()).toBe(0)
    expect(await handover.getByLabel('上缴金额').inputValue()).toBe('12.345')
    await page.keyboard.press('Escape')
    await messageBox(page).getByRole('button', { name: '不保存，关闭' }).click()
    await expect.poll(() => dialog(page).count()).toBe(0)

    // 登记基数: a base the backend refuses (0) is said under 月工资收入, not in a message at the top of the window
    await page.getByRole('tab', { name: '基数与标准' }).click()
    await pane(page).getByRole('button', { name: '登记基数' }).click()
    const base = dialog(page)
    await choose(page, '党员', '孙磊')
    await base.getByLabel('计算基数').fill('八千')
    await expect.poll(() => fieldError(base, '月工资收入（税后）').innerText()).toContain('不是数字')
    await base.getByLabel('计算基数').fill('0')
    await base.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => fieldError(base, '月工资收入（税后）').innerText()).toContain('计算基数为0')
    expect(await page.locator('.el-message--error').count()).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('dues-base-field-error.png') })
    // Esc with the amount typed: asked, and 继续填写 keeps what was typed
    await page.keyboard.press('Escape')
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await messageBox(page).getByRole('button', { name: '继续填写' }).click()
    await expect.poll(() => messageBox(page).count()).toBe(0)
    expect(await base.getByLabel('计算基数').inputValue()).toBe('0')
    // corrected, it is saved and the dialog closes
    await base.getByLabel('计算基数').fill('6200')
    await base.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog(page).count()).toBe(0)
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已登记孙磊')

    // 标记已交: a wrong amount is pointed at on its member's row
    await page.getByRole('tab', { name: '收缴台账' }).click()
    await page.getByRole('button', { name: '陈静8月' }).click()
    await dialog(page).getByRole('button', { name: '登记交纳' }).click()
    const pay = page.getByRole('dialog', { name: `登记${Y}年8月党费（1人）` })
    await pay.getByLabel('陈静实交金额').fill('-5')
    await pay.getByRole('button', { name: '确定登记' }).click()
    await expect.poll(() => pay.getByRole('alert').innerText()).toContain('不能为负数')
    await pay.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await messageBox(page).getByRole('button', { name: '不保存，关闭' }).click()
    await expect.poll(() => pay.count()).toBe(0)
    await dialog(page).getByRole('button', { name: '关闭', exact: true }).click()
    await expect.poll(() => dialog(page).count()).toBe(0)
  }, 300_000)
})
