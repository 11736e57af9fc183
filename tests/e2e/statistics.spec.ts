/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath, startApp, type TestApp } from './support/app'

describe('党内统计（浏览器中的真实界面）', () => {
  let app: TestApp
  const lastYear = new Date().getFullYear() - 1
  beforeAll(async () => {
    app = await startApp()
    const call = (m: string, i: unknown) => app.must(m, i)
    const c = await call('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await call('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    await call('members.create', { organizationId: b.id, fields: { name: '王芳', gender: '女', birthDate: '1980-03-01', education: '硕士研究生', joinedOn: '2005-07-01', convertedOn: '2006-07-01' } })
    await call('members.create', { organizationId: b.id, fields: { name: '李强', gender: '男', birthDate: '1995-03-01', education: '大学本科', joinedOn: `${lastYear}-06-01` } })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('每个数字都能打开背后的名单，上报前显示对账结果', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '统计分析' }).click()
    await expect.poll(() => page.getByLabel('党员基本情况党员总数').innerText()).toBe('2')
    expect(await page.getByLabel('党员基本情况本年发展').innerText()).toBe('1')
    expect(await page.locator('.el-alert').first().innerText()).toContain(`上年末 1 人 + 增加 1 人 − 减少 0 人 = 本年末 2 人`)
    await page.getByLabel('学历研究生').click()
    await expect.poll(() => page.getByLabel('统计名单').innerText()).toContain('王芳')
    expect(await page.getByLabel('统计名单').innerText()).not.toContain('李强')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('statistics.png') })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '打印' }).click()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain('年度党内统计')
    expect(await page.locator('.print-sheet').innerText()).toContain('增减名单')
  })
})
