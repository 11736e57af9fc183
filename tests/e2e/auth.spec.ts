/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath, startApp, type TestApp } from './support/app'

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

    const users = await app.backend.call('users.create', { username: 'leader', displayName: '李书记', role: 'leader', password: 'leader-pass-1' })
    expect(users.ok).toBe(true)
    await page.locator('.nav-footer').getByRole('button', { name: '退出' }).click()
    await page.getByLabel('用户名').fill('leader')
    await page.getByLabel('密码', { exact: true }).fill('wrong-password')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.locator('.el-message--error').innerText()).toContain('用户名或密码不正确')
    await page.screenshot({ path: screenshotPath('signin.png') })
    await page.getByLabel('密码', { exact: true }).fill('leader-pass-1')
    await page.getByRole('button', { name: '登录' }).click()
    await expect.poll(() => page.locator('.nav-footer').innerText()).toContain('李书记（只读领导）')

    await page.getByRole('button', { name: '新增党组织' }).click()
    await page.getByLabel('组织名称').fill('中共示范医院委员会')
    await page.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message--error').last().innerText()).toContain('只读账号不能修改数据')
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
    await expect.poll(() => page.getByLabel('审计日志', { exact: true }).locator('tbody').innerText()).toContain('orgs.create')
    await page.getByRole('button', { name: '校验审计日志' }).click()
    await expect.poll(() => page.locator('.verify').innerText()).toContain('哈希链完整')
    await page.screenshot({ path: screenshotPath('audit.png') })
  })
})
