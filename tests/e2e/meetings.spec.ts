/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayLocal } from '../../electron/shared/dates'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'

const dialog = (page: Page) => page.locator('.el-dialog:visible')
// a 1×1 PNG, standing in for a photo of the meeting
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

describe('会议记录（浏览器中的真实界面）', () => {
  let app: TestApp
  let branchId = 0
  beforeAll(async () => {
    app = await startApp()
    const call = (m: string, i: unknown) => app.must(m, i)
    const c = await call('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await call('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    branchId = b.id
    for (const [i, name] of ['张三', '李四', '王五'].entries()) await call('members.create', { organizationId: b.id, fields: { name, gender: '男', joinedOn: `200${i}-01-01`, convertedOn: `200${i + 1}-01-01` } })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('记录一次支部党员大会暨党课（含出勤和照片），两项本季度变为达标，并能按两个字检索到', async () => {
    const { page } = app
    const today = todayLocal()
    await page.getByRole('menuitem', { name: '会议记录' }).click()
    await page.getByRole('button', { name: '新建会议记录' }).click()
    await choose(page, '党组织', '内科党支部')
    const date = dialog(page).getByLabel('会议日期', { exact: true })
    await date.fill(today)
    await date.press('Enter')
    await dialog(page).getByText('支部党员大会', { exact: true }).click()
    await dialog(page).getByText('党课', { exact: true }).click()
    await dialog(page).getByLabel('会议主题').fill('学习贯彻全会精神暨专题党课')
    await dialog(page).getByLabel('记录人').fill('李四')
    await dialog(page).getByLabel('会议记录正文').fill('会上大家围绕医德医风建设交流发言，一致表示要改进服务。')
    await expect.poll(() => dialog(page).getByLabel('出勤名单').innerText()).toContain('王五')
    await choose(page, '王五出勤', '请假')
    await dialog(page).getByLabel('王五原因').fill('外出进修')
    expect(await dialog(page).locator('.att-summary').innerText()).toContain('应到（有表决权）3 人，实到 2 人，已过半数')
    // a resolution passes with yes votes from more than half of 应到 (3), not of those present
    await dialog(page).getByRole('button', { name: '添加决议' }).click()
    await dialog(page).getByLabel('决议1', { exact: true }).fill('同意推荐张三为优秀共产党员')
    await dialog(page).getByLabel('决议1同意').fill('2')
    await dialog(page).getByLabel('决议1反对').click()
    expect(await dialog(page).locator('.verdict').innerText()).toContain('通过（同意 2 票，应到 3 人')
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已保存会议记录')

    // 王五 was on leave: his make-up (补课) is recorded on his line once the record is saved
    await dialog(page).getByRole('row', { name: /王五/ }).getByRole('button', { name: '登记补课' }).click()
    await page.getByLabel('补课内容').fill('自学会议材料并提交心得')
    await page.locator('.el-dialog:visible', { hasText: '登记补课：王五' }).getByRole('button', { name: '登记' }).click()
    await expect.poll(() => dialog(page).getByRole('row', { name: /王五/ }).innerText()).toContain('已补课')

    const photo = join(mkdtempSync(join(tmpdir(), 'dangban-photo-')), '会议照片.png')
    writeFileSync(photo, PHOTO)
    await dialog(page).getByLabel('上传附件').setInputFiles(photo)
    await expect.poll(() => dialog(page).locator('img.thumb').count()).toBe(1)
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 10_000 }).toBe(0)
    await dialog(page).getByText('出勤', { exact: true }).scrollIntoViewIfNeeded()
    await page.screenshot({ animations: 'disabled', path: screenshotPath('meeting-form.png') })

    // the sign-in sheet prints from the record, with the branch's members pre-filled, and is logged
    await dialog(page).getByRole('button', { name: '打印签到表' }).click()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain('签到表')
    expect(await page.locator('.print-sheet').innerText()).toContain('王五')
    const pdf = await page.pdf({ preferCSSPageSize: true })
    expect(pdf.length).toBeGreaterThan(10_000)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('print-preview.png') })
    await page.getByRole('button', { name: '返回' }).click()
    const prints = await app.backend.call('audit.list', { entity: 'print' })
    expect(prints.ok && (prints.data as unknown[]).length).toBe(1)
    // 返回 comes back to the record the clerk printed from, unchanged: it closes without asking
    await expect.poll(() => page.locator('.el-dialog__title:visible').innerText()).toBe('会议记录：学习贯彻全会精神暨专题党课')
    await dialog(page).getByRole('button', { name: '关闭', exact: true }).click()
    await expect.poll(() => dialog(page).count()).toBe(0)

    await page.getByRole('tab', { name: '达标情况' }).click()
    await page.getByLabel('全院达标情况').getByText('内科党支部').click()
    // each period is one cell across its months: this quarter for the 党员大会 and 党课, this month for the 主题党日
    const quarter = `${today.slice(0, 4)}Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`
    const periodOf = (type: string) => (type === '主题党日' ? today.slice(0, 7) : quarter)
    const grid = page.locator('.grid table')
    const cellOf = (type: string) => grid.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${type}$`) }) }).locator(`td[data-period="${periodOf(type)}"]`)
    await expect.poll(() => cellOf('支部党员大会').getAttribute('class')).toContain('ok')
    expect(await cellOf('支部党员大会').getAttribute('colspan')).toBe('3')
    expect(await cellOf('党课').getAttribute('class')).toContain('ok')
    // this month is not over: its 主题党日 not yet held reads 进行中, not failed
    expect(await cellOf('主题党日').getAttribute('class')).toContain('pending')
    // it is on the to-do list; the office excuses it with a reason and it turns grey
    const todo = page.getByLabel('本期待办')
    expect(await todo.innerText()).toContain('主题党日')
    await todo.locator('tr', { hasText: '主题党日' }).getByRole('button', { name: '登记免于考核' }).click()
    await page.locator('.el-message-box input').fill('科室搬迁，经院党委同意顺延')
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    await expect.poll(() => cellOf('主题党日').getAttribute('class')).toContain('exempt')
    expect(await cellOf('主题党日').getAttribute('title')).toContain('科室搬迁')
    await expect.poll(() => page.locator('.el-message-box, .el-message').count(), { timeout: 10_000 }).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('compliance.png') })
    // an exemption recorded by mistake is withdrawn from the grid cell
    await cellOf('主题党日').click()
    await page.locator('.el-message-box').getByRole('button', { name: '撤销' }).click()
    await expect.poll(() => cellOf('主题党日').getAttribute('class')).toContain('pending')

    await page.getByRole('tab', { name: '会议记录' }).click()
    await page.getByLabel('检索会议').fill('医德')
    // the hit shows with the words around it
    await expect.poll(() => page.getByLabel('会议列表').innerText()).toContain('围绕医德医风建设')
    expect(await page.getByLabel('会议列表').innerText()).toContain('学习贯彻全会精神暨专题党课')
    await page.getByLabel('检索会议').fill('没有的词')
    await expect.poll(() => page.locator('.count').innerText()).toBe('共 0 条')
  })

  it('只有应到、实到人数的记录（台账方式）补写会议记录后仍然完整，人数不丢', async () => {
    const { page } = app
    await app.must('meetings.create', { organizationId: branchId, types: ['theme_day'], title: '台账：10月主题党日', heldOn: '2025-10-10', recorder: '李四', expectedCount: 3, presentCount: 3, agenda: '重温入党誓词' })
    await page.getByRole('menuitem', { name: '会议记录' }).click()
    await page.getByRole('tab', { name: '会议记录' }).click()
    await page.getByLabel('检索会议').fill('台账')
    await page.getByLabel('会议列表').getByText('台账：10月主题党日', { exact: true }).click()
    expect(await dialog(page).getByLabel('应到人数').inputValue()).toBe('3')
    await dialog(page).getByLabel('会议记录正文').fill('全体党员重温入党誓词，集中学习。')
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已保存会议记录')
    const row = page.getByLabel('会议列表').locator('tr', { hasText: '台账：10月主题党日' })
    expect(await row.innerText()).toContain('3/3')
    expect(await row.innerText()).not.toContain('不完整')
  })
})
