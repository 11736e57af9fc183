/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'

describe('登录与权限（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp({ signedIn: false })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('首次使用设置管理员，之后需要登录；只读领导在界面上也改不了数据', async () => {
    const { page } = app
    await expect.poll(() => page.locator('.signin').innerText()).toContain('首次使用')
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('姓名').fill('党办王主任')
    await page.getByLabel('密码', { exact: true }).fill('a-long-password')
    await page.getByLabel('再次输入密码').fill('a-long-password')
    await page.getByRole('button', { name: '设置并进入' }).click()
    await expect.poll(() => page.locator('.nav-footer').innerText()).toContain('党办王主任（管理员）')

    expect((await app.backend.call('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })).ok).toBe(true)
    const users = await app.backend.call('users.create', { username: 'leader', displayName: '李书记', role: 'leader', password: 'leader-pass-1' })
    expect(users.ok).toBe(true)
    await page.locator('.nav-footer').getByRole('button', { name: '退出' }).click()
    await page.getByLabel('用户名').fill('leader')
    await page.getByLabel('密码', { exact: true }).fill('wrong-password')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.locator('.el-message--error').innerText()).toContain('用户名或密码不正确')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('signin.png') })
    await page.getByLabel('密码', { exact: true }).fill('leader-pass-1')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.locator('.nav-footer').innerText()).toContain('李书记（只读领导）')

    // a 只读领导 is not shown what would be refused at 保存 (the backend still refuses: accounts.test.ts)
    await page.locator('.el-tree-node__content', { hasText: '中共示范医院委员会' }).click()
    await expect.poll(() => page.locator('.detail-title').innerText()).toContain('中共示范医院委员会')
    for (const name of ['新增党组织', '新增下级组织', '编辑', '调整隶属', '撤销']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('leader-organizations.png') })
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await expect.poll(() => page.locator('.rules').innerText()).toContain('规则参数只有管理员可以修改')
    expect(await page.getByRole('button', { name: /^保存/ }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '恢复默认' }).count()).toBe(0)
  })
})

describe('审计日志（管理员）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    await app.backend.call('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('管理员在系统设置中查看审计日志并校验哈希链', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await page.getByRole('tab', { name: '审计日志' }).click()
    await expect.poll(() => page.getByLabel('审计日志', { exact: true }).locator('tbody').innerText()).toContain('新建党组织')
    // what was recorded, by the fields' names and values — not the program's keys
    expect(await page.getByLabel('审计日志', { exact: true }).locator('tbody').innerText()).toContain('姓名/名称：中共示范医院委员会')
    await page.getByRole('button', { name: '校验审计日志' }).click()
    await expect.poll(() => page.locator('.verify').innerText()).toContain('哈希链完整')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('audit.png') })
  })
})

describe('支部书记账号（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    for (const [branch, person] of [
      ['内科党支部', '内科甲'],
      ['外科党支部', '外科乙'],
    ]) {
      const b = await app.must('orgs.create', { name: branch, type: 'branch', parentId: c.id })
      await app.must('members.create', { organizationId: b.id, fields: { name: person, gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  it('管理员为内科建立支部书记账号；书记登录后只看到本支部的名册，看不到导入导出和系统设置', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await page.getByRole('tab', { name: '用户与权限' }).click()
    await page.getByLabel('新用户名').fill('neike')
    await page.getByLabel('新用户姓名').fill('内科刘书记')
    await choose(page, '新用户角色', '支部书记')
    // the tree starts folded: typing a part of the name finds the branch, as a clerk would
    await page.getByRole('combobox', { name: '支部书记所在党支部' }).fill('内科')
    await page.locator('.el-select-dropdown:visible .el-tree-node__content', { hasText: '内科党支部' }).click()
    await page.getByLabel('初始密码').fill('secretary-1')
    await page.getByRole('button', { name: '建立账号' }).click()
    await expect.poll(() => page.getByLabel('用户列表').innerText()).toContain('支部书记（内科党支部）')

    await page.locator('.nav-footer').getByRole('button', { name: '退出' }).click()
    await page.locator('.signin').waitFor()
    await page.getByLabel('用户名').fill('neike')
    await page.getByLabel('密码', { exact: true }).fill('secretary-1')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.locator('.nav-footer').innerText()).toContain('内科刘书记（支部书记·内科党支部）')
    // the start page is the 工作台, on the secretary's own branch only
    await page.evaluate(() => (window.location.hash = '#/'))
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/workbench')
    await expect.poll(() => page.locator('.el-select', { has: page.getByRole('combobox', { name: '党组织' }) }).innerText()).toContain('内科党支部')
    await expect.poll(() => page.locator('.todo').innerText()).toContain('内科党支部')
    expect(await page.locator('.page').innerText()).not.toContain('外科党支部')
    const menu = await page.locator('.nav-menu').innerText()
    expect(menu).not.toContain('数据导入导出')
    expect(menu).not.toContain('系统设置')
    expect(menu).not.toContain('统计分析')
    await page.getByRole('menuitem', { name: '党员名册' }).click()
    await expect.poll(() => page.getByLabel('人员列表').innerText()).toContain('内科甲')
    expect(await page.getByLabel('人员列表').innerText()).not.toContain('外科乙')
    // the organization filter starts on the secretary's own branch
    await expect.poll(() => page.locator('.el-select', { has: page.getByRole('combobox', { name: '党组织筛选' }) }).innerText()).toContain('内科党支部')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('secretary-roster.png') })

    // an address typed by hand does not open what the menu hides
    for (const [hash, title] of [
      ['#/settings', '系统设置'],
      ['#/exchange', '数据导入导出'],
    ] as const) {
      await page.evaluate((h) => (window.location.hash = h), hash)
      await expect.poll(() => page.locator('.el-message--warning').last().innerText()).toContain(`支部书记账号不能打开“${title}”`)
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/workbench')
    }
    await page.getByRole('menuitem', { name: '党组织' }).click()
    // on the organization tree: another branch has no 登记任职 or 离任, the own branch has them; no one's 编辑/撤销
    await page.locator('.el-tree-node__content', { hasText: '外科党支部' }).click()
    await expect.poll(() => page.locator('.detail-title').innerText()).toContain('外科党支部')
    for (const name of ['登记任职', '编辑', '撤销', '调整隶属', '新增党组织']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0)
    await page.locator('.el-tree-node__content', { hasText: '内科党支部' }).click()
    await expect.poll(() => page.getByRole('button', { name: '登记任职' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: '编辑', exact: true }).count()).toBe(0)
  })
})
