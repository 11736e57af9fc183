/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'
import { dialog, fieldError, messageBox, setDate } from './support/forms'

const drawer = (page: Page) => page.locator('.el-drawer')
const timeline = (page: Page) => page.getByLabel('时间线')

/** Opens one person's 档案 from the roster (the history view for people who left). */
async function openPerson(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name: '党员名册' }).click()
  await page.getByLabel('查找人员').fill(name)
  await page.getByLabel('人员列表').getByText(name, { exact: true }).click()
  await expect.poll(() => drawer(page).innerText()).toContain(`${name}的档案`)
}

/** Starts a step from the drawer: a button, or one under 更多变动. */
async function startStep(page: Page, action: string): Promise<void> {
  const direct = drawer(page).getByRole('button', { name: action, exact: true })
  if (await direct.count()) await direct.click()
  else {
    await drawer(page).getByRole('button', { name: '更多变动' }).click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: action }).click()
  }
  await expect.poll(() => dialog(page).count()).toBe(1)
}

/**
 * The steps of a member's life: every weighty step says what it will do and asks; 出党 has no date until
 * typed, requires its 出党方式 (as the 党章 names them) and 批准文号; a mistaken step is corrected by an audited 更正
 * that keeps both records; 去世 is not 出党; a 支部调动 asks about the 科室; an import's history says it was imported.
 */
describe('党员的变动：说明后果并确认，登记错了可以更正', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const inner = await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    await app.must('orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
    for (const name of ['张三', '李四', '王五']) await app.must('members.create', { organizationId: inner.id, fields: { name, gender: '男', department: '心内科', joinedOn: '2001-07-01', convertedOn: '2002-07-01' } })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('出党：日期不预填，出党方式和批准文号必填（没有“死亡”）；确定前说明后果并再问一次', async () => {
    const { page } = app
    await openPerson(page, '张三')
    await startStep(page, '出党')
    expect(await dialog(page).getByLabel('日期', { exact: true }).inputValue()).toBe('')
    await page.locator('.el-select', { has: page.getByRole('combobox', { name: '出党方式' }) }).click()
    const ways = await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').allInnerTexts()
    expect(ways).toEqual(['开除党籍', '除名（劝退不退等）', '自行脱党（按除名处理）', '劝退', '退党（本人要求，宣布除名）'])
    await page.keyboard.press('Escape')
    await dialog(page).getByRole('button', { name: '确定' }).click()
    await expect.poll(() => fieldError(dialog(page), '日期').innerText()).toBe('请填写日期')
    expect(await fieldError(dialog(page), '出党方式').innerText()).toContain('请选择出党方式')
    expect(await fieldError(dialog(page), '批准文号').innerText()).toBe('请填写批准文号')
    await setDate(dialog(page), '日期', '2025-05-01')
    await choose(page, '出党方式', '自行脱党（按除名处理）')
    await dialog(page).getByLabel('批准文号').fill('院党委〔2025〕7号')
    await expect.poll(() => dialog(page).getByLabel('这一步将会').innerText()).toContain('张三于2025-05-01出党（自行脱党（按除名处理），批准文号院党委〔2025〕7号）：离开党员名册')
    await expect.poll(() => dialog(page).locator('.el-form-item.is-error').count()).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/member-leave.png') })
    await dialog(page).getByRole('button', { name: '确定' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('确定登记吗')
    expect(await messageBox(page).innerText()).toContain('登记有误时，可在档案的时间线上“更正”')
    await messageBox(page).getByRole('button', { name: '确定登记' }).click()
    await expect.poll(() => drawer(page).innerText()).toContain('已出党')
  })

  it('误登记的出党可以更正：写明原因后回到名册，时间线上出党标明“已更正”，另有一条更正记录', async () => {
    const { page } = app
    await timeline(page).getByRole('button', { name: '更正' }).first().click()
    await expect.poll(() => messageBox(page).innerText()).toContain('撤销2025-05-01登记的“出党”')
    await messageBox(page).locator('input').fill('登记错了人，应为张山')
    await messageBox(page).getByRole('button', { name: '确定更正' }).click()
    await expect.poll(() => timeline(page).innerText()).toContain('更正：撤销2025-05-01“出党”（原因：登记错了人，应为张山）')
    expect(await timeline(page).innerText()).toContain('已更正')
    expect(await drawer(page).locator('.el-tag').first().innerText()).toBe('正式党员')
    await expect.poll(() => drawer(page).innerText()).not.toContain('已出党')
    await page.evaluate(() => document.querySelectorAll('.el-message').forEach((e) => e.remove()))
    await timeline(page).scrollIntoViewIfNeeded()
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/member-corrected.png') })
    const audit = await app.backend.call('audit.search', { entity: 'member', page: 1, pageSize: 50 })
    expect(audit.ok && (audit.data as { rows: { method: string }[] }).rows.some((r) => r.method === 'members.revoke')).toBe(true)
    await page.keyboard.press('Escape')
  })

  it('去世不是出党：登记去世后名册中显示“已去世”', async () => {
    const { page } = app
    await openPerson(page, '李四')
    await startStep(page, '登记去世')
    await setDate(dialog(page), '去世日期', '2025-03-10')
    await expect.poll(() => dialog(page).getByLabel('这一步将会').innerText()).toContain('计入党内统计的“党员减少——死亡”（不是出党）')
    await dialog(page).getByRole('button', { name: '确定' }).click()
    await messageBox(page).getByRole('button', { name: '确定登记' }).click()
    await expect.poll(() => drawer(page).innerText()).toContain('已去世')
    await page.keyboard.press('Escape')
  })

  it('支部调动先问科室是否随之变化；改了科室的，档案中科室随之更新', async () => {
    const { page } = app
    await openPerson(page, '王五')
    await startStep(page, '调整所在支部')
    await setDate(dialog(page), '日期', '2025-04-01')
    await choose(page, '新的党支部', '外科党支部')
    await dialog(page).getByRole('button', { name: '确定' }).click()
    await expect.poll(() => fieldError(dialog(page), '科室').innerText()).toBe('请选择科室是否随支部调动而变化')
    await dialog(page).getByText('科室改为').click()
    await dialog(page).getByLabel('新的科室').fill('普外科')
    await expect.poll(() => dialog(page).getByLabel('这一步将会').innerText()).toContain('王五自2025-04-01从内科党支部调往外科党支部；科室改为普外科')
    await expect.poll(() => dialog(page).locator('.el-form-item.is-error').count()).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('clerk/member-move.png') })
    await dialog(page).getByRole('button', { name: '确定' }).click()
    await messageBox(page).getByRole('button', { name: '确定登记' }).click()
    await expect.poll(() => drawer(page).getByLabel('基本信息').innerText()).toContain('普外科')
    expect(await drawer(page).getByLabel('基本信息').innerText()).toContain('外科党支部')
    await page.keyboard.press('Escape')
  })

  it('导入写入的历史注明由谁、何时从哪个文件导入，与发生日期分开', async () => {
    const { page } = app
    const csv = '姓名,性别,所在党支部,入党日期,转正日期\n赵历史,男,内科党支部,2011-07-01,2012-07-01\n'
    await app.must('imports.commit', { kind: 'members', fileName: '老名册.csv', contentBase64: Buffer.from(csv).toString('base64') })
    await openPerson(page, '赵历史')
    const text = await timeline(page).innerText()
    expect(text).toContain('2011-07-01')
    expect(text).toContain('支部大会接收为预备党员')
    expect(text).toMatch(/测试管理员 \d{4}\/\d{1,2}\/\d{1,2} 从“老名册\.csv”导入/)
  })
})
