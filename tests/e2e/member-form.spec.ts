/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'
import { dialog, fieldError, messageBox, setDate } from './support/forms'

/**
 * The 档案 form: messages under their fields as the clerk types (the roster's own rules, shared with
 * the backend), 性别 and 出生日期 from a valid ID number at once, a 15-digit number's 18-digit form, a question
 * before recording someone who joined long ago as still 预备党员, and a question before a filled form is closed.
 */
describe('档案表单：边填边指出问题，身份证号一填好就得出性别和出生日期', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('身份证号填错时在该栏下面说明；填对后性别和出生日期立即填好；15位旧号码显示18位', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '党员名册' }).click()
    await page.getByRole('button', { name: '新建档案' }).click()
    const id = dialog(page).getByLabel('身份证号', { exact: true })
    await id.fill('110105194912310021')
    await expect.poll(() => fieldError(dialog(page), '身份证号').innerText()).toBe('身份证号校验位错误（最后一位应为 X），请逐位核对是否录错')
    await id.fill('11010519491231002X')
    await expect.poll(() => fieldError(dialog(page), '身份证号').count()).toBe(0)
    await expect.poll(() => dialog(page).getByLabel('出生日期', { exact: true }).inputValue()).toBe('1949-12-31')
    expect(await dialog(page).locator('.el-form-item', { has: page.getByRole('combobox', { name: '性别', exact: true }) }).innerText()).toContain('女')
    // a 15-digit number shows the 18-digit form it will be saved as
    await id.fill('110105491231002')
    await expect.poll(() => dialog(page).getByLabel('18位身份证号').innerText()).toBe('15位旧号码，保存为18位：11010519491231002X')
    expect(await dialog(page).getByLabel('出生日期', { exact: true }).inputValue()).toBe('1949-12-31')
    await dialog(page).getByLabel('姓名', { exact: true }).fill('李老党员')
    await choose(page, '所在党支部', '内科党支部')
    await expect.poll(() => fieldError(dialog(page), '所在党支部').count()).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/member-id-derived.png') })
  })

  it('转正日期早于入党日期、日期晚于今天：在入党情况页该栏下面说明；在基本信息页保存时自动切到那一页', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /入党情况/ }).click()
    await setDate(dialog(page), '入党日期', '1975-07-01')
    await setDate(dialog(page), '转正日期', '1974-07-01')
    await expect.poll(() => fieldError(dialog(page), '转正日期').innerText()).toBe('转正日期（1974-07-01）不能早于入党日期（1975-07-01）')
    await setDate(dialog(page), '申请入党日期', '2099-01-01')
    await expect.poll(() => fieldError(dialog(page), '申请入党日期').innerText()).toContain('请核对年份')
    await page.getByRole('tab', { name: /基本信息/ }).click()
    await dialog(page).getByRole('button', { name: '保存' }).click()
    // the save opens the tab that holds the problems; the tab's label counts them
    await expect.poll(() => page.getByRole('tab', { name: /入党情况/ }).getAttribute('aria-selected')).toBe('true')
    expect(await page.getByRole('tab', { name: /入党情况/ }).innerText()).toBe('入党情况\n3')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/member-dates.png') })
    await dialog(page).getByLabel('申请入党日期', { exact: true }).fill('')
    await dialog(page).getByLabel('申请入党日期', { exact: true }).press('Enter')
  })

  it('入党多年却没有转正日期：保存前先问是否确实仍是预备党员；选择“填写转正日期”则停在该栏', async () => {
    const { page } = app
    await dialog(page).getByLabel('转正日期', { exact: true }).fill('')
    await dialog(page).getByLabel('转正日期', { exact: true }).press('Enter')
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('入党日期是 1975-07-01，没有填写转正日期：将登记为预备党员')
    expect(await messageBox(page).innerText()).toContain('确实仍是预备党员吗')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/member-still-probationary.png') })
    await messageBox(page).getByRole('button', { name: '填写转正日期' }).click()
    await expect.poll(() => fieldError(dialog(page), '转正日期').innerText()).toContain('请填写转正日期')
    expect(await app.backend.call('members.list', {}).then((r) => r.ok && (r.data as { total: number }).total)).toBe(0)
    await setDate(dialog(page), '转正日期', '1976-07-01')
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-drawer').innerText()).toContain('李老党员的档案')
    await expect.poll(() => page.locator('.el-drawer').innerText()).toContain('正式党员')
    await page.keyboard.press('Escape')
  })

  it('关闭填了内容的档案先询问，“继续填写”时内容还在', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新建档案' }).click()
    await dialog(page).getByLabel('姓名', { exact: true }).fill('王新')
    await dialog(page).getByRole('button', { name: '取消' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await messageBox(page).getByRole('button', { name: '继续填写' }).click()
    expect(await dialog(page).getByLabel('姓名', { exact: true }).inputValue()).toBe('王新')
    // the first question has faded out before the next is asked (both would match while it fades)
    await expect.poll(() => messageBox(page).count()).toBe(0)
    await page.keyboard.press('Escape')
    await messageBox(page).getByRole('button', { name: '不保存，关闭' }).click()
    await expect.poll(() => dialog(page).count()).toBe(0)
  })
})
