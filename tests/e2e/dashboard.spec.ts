/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath, startApp, type TestApp } from './support/app'

describe('驾驶舱（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const r = await app.backend.call('demo.seed', { scale: 'small' })
    if (!r.ok) throw new Error(r.error.message)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('图表显示中文标签；点击支部人数柱子进入该支部名单', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '驾驶舱' }).click()
    const chart = page.getByLabel('支部人数图')
    await expect.poll(() => chart.locator('canvas').count()).toBe(1)
    await page.waitForTimeout(800) // let the entry animation finish before the picture
    await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true })
    expect(await page.locator('.stats').innerText()).toContain('党员总数')

    // the largest branch is the first (top) bar: grid top 40 px, bottom 30 px, 20 rows in between.
    // The chart may still be settling its size: click again (as a person would) until the page changes.
    await expect
      .poll(async () => {
        if (page.url().includes('/members')) return page.url()
        const box = (await chart.boundingBox())!
        await page.mouse.click(box.x + 200, box.y + 40 + (box.height - 70) / 20 / 2)
        return page.url()
      })
      .toContain('/members?org=')
    // the members page opens filtered to that branch: every row belongs to it
    await expect.poll(() => page.getByLabel('人员列表').locator('tbody tr').count()).toBeGreaterThan(0)
    const branches = await page.getByLabel('人员列表').locator('tbody tr td:nth-child(5)').allInnerTexts()
    expect(new Set(branches).size).toBe(1)
  })
})
