/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, startApp, type TestApp } from './support/app'
import { dialog, messageBox, setDate } from './support/forms'
import { pdfText, savePngs } from './support/pdf'

/**
 * 会议计划 as a branch secretary's clerk keeps it (docs/deadlines.md §10): planned, printed to hand out, reminded on
 * the 工作台, overdue the day after, and carried out by the meeting record started from the plan.
 */
const dir = mkdtempSync(join(tmpdir(), 'dangban-plans-'))

describe('会议计划（浏览器中的真实界面）', () => {
  let app: TestApp
  let branchId = 0
  beforeAll(async () => {
    app = await startApp({ today: '2026-03-02' })
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    branchId = b.id
    for (const name of ['张三', '李四', '王五']) await app.must('members.create', { organizationId: b.id, fields: { name, gender: '男', joinedOn: '2001-07-01', convertedOn: '2002-07-01' } })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('添加计划 → 打印 → 工作台提醒 → 逾期 → 从计划新建会议记录 → 已召开', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '会议记录' }).click()
    await page.getByRole('tab', { name: '会议计划' }).click()
    // the first branch is chosen for the clerk
    await expect.poll(() => page.locator('.el-select', { has: page.getByRole('combobox', { name: '计划的党组织' }) }).innerText()).toContain('内科党支部')
    await page.getByRole('button', { name: '添加计划' }).click()
    const form = dialog(page)
    await choose(page, '会议类型', '党课')
    await setDate(form, '计划日期', '2026-03-10')
    await form.getByRole('button', { name: '保存' }).click()
    // no topic: the message sits under 主题, nothing is saved
    await expect.poll(() => form.locator('.el-form-item__error').allTextContents()).toEqual([expect.stringContaining('主题')])
    await form.getByLabel('主题').fill('学习贯彻全会精神')
    await form.getByLabel('主讲人').fill('张三')
    await form.getByRole('button', { name: '保存' }).click()
    const table = page.locator('.plans')
    await expect.poll(() => table.innerText()).toMatch(/2026-03-10\s+党课\s+学习贯彻全会精神\s+张三[\s\S]*未到期/)

    // printed to hand out
    await page.getByRole('button', { name: '打印计划' }).click()
    await expect.poll(() => page.locator('.print-sheet').textContent(), { timeout: 20_000 }).toContain('2026年度“三会一课”及主题党日计划')
    const pdf = join(dir, '计划.pdf')
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    expect(pdfText(pdf).join('')).toMatch(/内科党支部[\s\S]*3月10日\s+党课\s+学习贯彻全会精神\s+张三/)
    savePngs(pdf, 'meeting-plan')

    // the 工作台 reminds of it in March
    await page.goto(`${app.bridge.url}#/workbench`)
    await expect.poll(() => page.locator('.todo').innerText()).toContain('计划3月10日召开党课：学习贯彻全会精神（主讲人 张三），尚未登记')

    // the day after: overdue; the plan's 新建会议记录 starts the record as a 党课 of the branch
    await app.setToday('2026-03-11')
    await page.goto(`${app.bridge.url}#/meetings`)
    await page.getByRole('tab', { name: '会议计划' }).click()
    await expect.poll(() => table.innerText()).toContain('逾期未开')
    await table.getByRole('button', { name: '新建会议记录' }).click()
    const meeting = dialog(page)
    await expect.poll(() => meeting.getByRole('checkbox', { name: '党课' }).isChecked()).toBe(true)
    const date = meeting.getByLabel('会议日期', { exact: true })
    await date.fill('2026-03-11')
    await date.press('Enter')
    await meeting.getByLabel('会议主题').fill('学习贯彻全会精神')
    await meeting.getByLabel('记录人').fill('李四')
    await meeting.getByLabel('会议记录正文').fill('张三讲授专题党课。')
    await meeting.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已保存会议记录')
    await page.keyboard.press('Escape')
    await expect.poll(() => table.innerText()).toMatch(/已召开\s*2026-03-11/)
    await page.goto(`${app.bridge.url}#/workbench`)
    await page.locator('.el-radio-button', { hasText: '全部' }).click()
    await expect.poll(() => page.locator('.page').innerText()).not.toContain('计划3月10日召开党课')
  })

  it('作废计划要写明原因：空白时提示并不作废，取消则什么也不改，写明后标明已作废并显示原因', async () => {
    const { page } = app
    await app.must('plans.save', { organizationId: branchId, meetingType: 'party_lecture', topic: '重复添加的党课', speaker: '王五', place: null, plannedOn: '2026-04-15' })
    await page.goto(`${app.bridge.url}#/meetings`)
    await page.getByRole('tab', { name: '会议计划' }).click()
    const row = page.locator('.plans tr', { hasText: '重复添加的党课' })
    await row.getByRole('button', { name: '作废' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('请写明原因')
    await messageBox(page).locator('input').fill('   ')
    await messageBox(page).getByRole('button', { name: '作废', exact: true }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('请填写原因')
    await messageBox(page).getByRole('button', { name: '取消' }).click()
    await expect.poll(() => messageBox(page).count()).toBe(0)
    expect(await row.innerText()).toContain('未到期')
    await row.getByRole('button', { name: '作废' }).click()
    await messageBox(page).locator('input').fill('  与3月的党课重复  ')
    await messageBox(page).getByRole('button', { name: '作废', exact: true }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已作废该计划')
    await expect.poll(() => row.innerText()).toMatch(/已作废\s*与3月的党课重复/)
  })
})
