/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayLocal } from '../../electron/shared/dates'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'
import { dialog, fieldError, messageBox, setDate } from './support/forms'

/**
 * The 会议记录 form: what the clerk did and what the clerk saw — a message under each field instead of
 * “发生了意外错误”, a closed dialog that asks first, a draft that comes back after the window closed, 打印 → 返回
 * back at the same record, and vote boxes that keep their words once filled.
 */
describe('会议记录表单：指出填错的地方，不丢失填写的内容', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    for (const [i, name] of ['张三', '李四', '王五'].entries()) await app.must('members.create', { organizationId: b.id, fields: { name, gender: '男', joinedOn: `200${i}-01-01`, convertedOn: `200${i + 1}-01-01` } })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('空白保存：每个缺的项目在它的下面说明，不再提示“发生了意外错误”；边填边检查', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '会议记录' }).click()
    await page.getByRole('button', { name: '新建会议记录' }).click()
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => fieldError(dialog(page), '党组织').innerText()).toBe('请选择党组织')
    expect(await fieldError(dialog(page), '日期').innerText()).toBe('请填写会议日期')
    expect(await fieldError(dialog(page), '会议类型').innerText()).toBe('请至少选择一种会议类型')
    expect(await fieldError(dialog(page), '主题').innerText()).toBe('请填写会议主题')
    expect(await page.locator('.el-message--error').count()).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/meeting-empty-save.png') })
    // the message goes as soon as the field is filled in
    await dialog(page).getByLabel('会议主题').fill('学习党章')
    await expect.poll(() => fieldError(dialog(page), '主题').count()).toBe(0)
    // a date more than a year ahead is pointed at before anything is sent
    await setDate(dialog(page), '会议日期', `${Number(todayLocal().slice(0, 4)) + 2}-01-10`)
    await expect.poll(() => fieldError(dialog(page), '日期').innerText()).toContain('请核对年份')
  })

  it('关闭已填写的会议记录先询问；“继续填写”内容还在，“不保存，关闭”才关闭', async () => {
    const { page } = app
    await dialog(page).getByLabel('会议记录正文').fill('大家围绕医德医风交流发言。')
    await dialog(page).getByRole('button', { name: '关闭', exact: true }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/meeting-close-unsaved.png') })
    await messageBox(page).getByRole('button', { name: '继续填写' }).click()
    expect(await dialog(page).getByLabel('会议记录正文').inputValue()).toBe('大家围绕医德医风交流发言。')
    // Esc asks too
    await page.keyboard.press('Escape')
    await expect.poll(() => messageBox(page).count()).toBe(1)
    await messageBox(page).getByRole('button', { name: '不保存，关闭' }).click()
    await expect.poll(() => dialog(page).count()).toBe(0)
  })

  it('窗口关闭前正在填写的会议记录，重新打开后可以找回', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新建会议记录' }).click()
    await choose(page, '党组织', '内科党支部')
    await dialog(page).getByText('支部委员会', { exact: true }).click()
    await dialog(page).getByLabel('会议主题').fill('研究发展党员工作')
    await dialog(page).getByLabel('会议记录正文').fill('一、讨论确定两名入党积极分子……')
    // the window closes (here: the page reloads) without saving
    await app.reload()
    await page.getByRole('menuitem', { name: '会议记录' }).click()
    await page.getByRole('button', { name: '新建会议记录' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存的内容')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/meeting-draft-restore.png') })
    await messageBox(page).getByRole('button', { name: '恢复', exact: true }).click()
    await expect.poll(() => dialog(page).getByLabel('会议主题').inputValue()).toBe('研究发展党员工作')
    expect(await dialog(page).getByLabel('会议记录正文').inputValue()).toBe('一、讨论确定两名入党积极分子……')
  })

  it('决议的同意、反对、弃权填了数字后仍标着名称；打印后“返回”回到这条会议记录', async () => {
    const { page } = app
    await setDate(dialog(page), '会议日期', todayLocal())
    await dialog(page).getByLabel('记录人').fill('李四')
    await dialog(page).getByRole('button', { name: '添加决议' }).click()
    await dialog(page).getByLabel('决议1', { exact: true }).fill('同意确定王五为入党积极分子')
    await dialog(page).getByLabel('决议1同意').fill('2')
    await dialog(page).getByLabel('决议1反对').fill('0')
    await dialog(page).getByLabel('决议1弃权').fill('0')
    await dialog(page).getByLabel('决议1', { exact: true }).click()
    const row = dialog(page).locator('.resolution').first()
    await expect.poll(() => row.innerText()).toMatch(/同意[\s\S]*反对[\s\S]*弃权[\s\S]*票/)
    await row.scrollIntoViewIfNeeded()
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/meeting-votes.png') })

    // unsaved changes are saved first, then the minutes print; 返回 comes back to the record, still open
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog(page).getByRole('button', { name: '打印会议记录' }).count()).toBe(1)
    await dialog(page).getByRole('button', { name: '打印会议记录' }).click()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain('研究发展党员工作')
    await page.getByRole('button', { name: '返回' }).click()
    await expect.poll(() => page.locator('.el-dialog__title:visible').innerText()).toBe('会议记录：研究发展党员工作')
    expect(await dialog(page).getByLabel('会议记录正文').inputValue()).toBe('一、讨论确定两名入党积极分子……')
    // closing the saved, unchanged record asks nothing
    await dialog(page).getByRole('button', { name: '关闭', exact: true }).click()
    await expect.poll(() => dialog(page).count()).toBe(0)
    expect(await messageBox(page).count()).toBe(0)
  })
})
