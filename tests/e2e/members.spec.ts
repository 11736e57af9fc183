/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'

/** the open Element Plus dialog (the drawer is a dialog too, so match the class) */
const dialog = (page: Page) => page.locator('.el-dialog:visible')

async function setDate(page: Page, label: string, date: string): Promise<void> {
  const input = dialog(page).getByLabel(label, { exact: true })
  await input.fill(date)
  await input.press('Enter')
}

/** Opens an action on the drawer (a direct button or one under 更多变动) and records it on a date. */
async function record(page: Page, action: string, date: string, extra: Record<string, string> = {}): Promise<void> {
  const drawer = page.locator('.el-drawer')
  const direct = drawer.getByRole('button', { name: action, exact: true })
  if (await direct.count()) await direct.click()
  else {
    await drawer.getByRole('button', { name: '更多变动' }).click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: action }).click()
  }
  await setDate(page, '日期', date)
  for (const [label, value] of Object.entries(extra)) await dialog(page).getByLabel(label, { exact: true }).fill(value)
  await dialog(page).getByRole('button', { name: '确定' }).click()
  await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain(action)
}

describe('党员名册（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const call = (m: string, i: unknown) => app.must(m, i)
    const c = await call('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    await call('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    await call('orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('错误的身份证号给出中文提示，不保存', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '党员名册' }).click()
    await page.getByRole('button', { name: '新建档案' }).click()
    await dialog(page).getByLabel('姓名', { exact: true }).fill('错号')
    await choose(page, '所在党支部', '内科党支部')
    await dialog(page).getByLabel('身份证号', { exact: true }).fill('110105194912310021')
    await page.getByRole('tab', { name: '入党情况' }).click()
    await setDate(page, '入党日期', '1980-01-01')
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message--error').innerText()).toContain('身份证号校验位错误（最后一位应为 X）')
    await dialog(page).getByRole('button', { name: '取消' }).click()
    await expect.poll(() => page.locator('.count').first().innerText()).toBe('共 0 人')
  })

  it('申请人一路发展为正式党员，时间线和发展进度随之更新；转出后在历史中可查', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新建档案' }).click()
    await dialog(page).getByLabel('姓名', { exact: true }).fill('赵敏')
    await choose(page, '所在党支部', '内科党支部')
    await dialog(page).getByLabel('身份证号', { exact: true }).fill('34052419800101001X')
    await page.getByRole('tab', { name: '入党情况' }).click()
    await setDate(page, '申请入党日期', '2022-01-10')
    await dialog(page).getByRole('button', { name: '保存' }).click()

    const drawer = page.locator('.el-drawer')
    await expect.poll(() => drawer.innerText()).toContain('入党申请人')
    expect(await drawer.innerText()).toContain('与申请人谈话')
    expect(await drawer.innerText()).toContain('340524********001X')

    await record(page, '登记谈话', '2022-01-20')
    await record(page, '确定为入党积极分子', '2022-03-01', { 培养联系人: '李娜、张伟' })
    await record(page, '确定为发展对象', '2023-04-01', { 入党介绍人: '李娜、张伟' })
    await record(page, '接收为预备党员', '2023-09-01')
    await expect.poll(() => drawer.innerText()).toContain('预备期满，召开支部大会讨论转正')
    await record(page, '转为正式党员', '2024-09-01')
    const timeline = await page.getByLabel('时间线').innerText()
    for (const step of ['递交入党申请书', '谈话', '确定为入党积极分子', '确定为发展对象', '支部大会接收为预备党员', '转为正式党员']) expect(timeline).toContain(step)
    await expect.poll(() => drawer.locator('.el-tag').first().innerText()).toBe('正式党员')
    await page.screenshot({ path: screenshotPath('member-drawer.png') })

    await record(page, '组织关系转出', '2025-05-01', { 转往单位: '中共某大学委员会', 介绍信编号: '组转字〔2025〕8号' })
    await expect.poll(() => page.getByLabel('时间线').innerText()).toContain('组织关系转出（中共某大学委员会）')
    await page.keyboard.press('Escape')

    await expect.poll(() => page.locator('.count').first().innerText()).toBe('共 0 人')
    await page.getByText('已出党 / 已转出（历史）').click()
    await expect.poll(() => page.getByLabel('人员列表').innerText()).toContain('赵敏')
    expect(await page.getByLabel('人员列表').innerText()).toContain('已转出')
  })

  it('发展党员页显示各阶段人数和待办', async () => {
    const { page } = app
    await app.backend.call('members.create', { organizationId: 2, fields: { name: '钱申请', gender: '男', appliedOn: '2025-01-02' } })
    await page.getByText('已出党 / 已转出（历史）').click()
    await page.getByRole('tab', { name: '发展党员' }).click()
    await expect.poll(() => page.getByLabel('发展党员待办').innerText()).toContain('钱申请')
    expect(await page.getByLabel('发展党员待办').innerText()).toContain('与申请人谈话')
    await page.screenshot({ path: screenshotPath('pipeline.png') })
  })

  it('外单位转入的党员建档后时间线记录介绍信；在党组织页登记书记并标记双带头人', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新建档案' }).click()
    await dialog(page).getByLabel('姓名', { exact: true }).fill('孙转入')
    await choose(page, '所在党支部', '外科党支部')
    await dialog(page).getByLabel('身份证号', { exact: true }).fill('11010519491231002X')
    await page.getByRole('tab', { name: '入党情况' }).click()
    await setDate(page, '入党日期', '1975-07-01')
    await setDate(page, '转正日期', '1976-07-01')
    await dialog(page).getByText('从外单位转入（持介绍信）').click()
    await setDate(page, '转入日期', '2025-03-01')
    await dialog(page).getByLabel('转出单位').fill('中共某区人民医院委员会')
    await dialog(page).getByLabel('介绍信编号').fill('组转〔2025〕3号')
    await dialog(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByLabel('时间线').innerText()).toContain('组织关系转入（自中共某区人民医院委员会）')
    expect(await page.getByLabel('时间线').innerText()).toContain('组转〔2025〕3号')
    await page.keyboard.press('Escape')

    await page.getByRole('menuitem', { name: '党组织' }).click()
    await page.locator('.el-tree-node__content', { hasText: '外科党支部' }).click()
    await page.getByRole('button', { name: '登记任职' }).click()
    await choose(page, '任职党员', '孙转入')
    await dialog(page).getByText('既是党建带头人，也是业务（学术）带头人').click()
    await dialog(page).getByRole('button', { name: '确定' }).click()
    await expect.poll(() => page.getByLabel('支部委员会').innerText()).toContain('孙转入')
    expect(await page.getByLabel('支部委员会').innerText()).toContain('双带头人')
  })
})
