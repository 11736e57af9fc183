/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'
import { settled } from './support/settled'

const dialog = (page: Page) => page.locator('.el-dialog:visible')

/** Scores each points indicator at a share of its full marks; deductions and bonus stay 0. */
async function scoreAll(page: Page, ratio: number): Promise<void> {
  const rows = dialog(page).getByLabel('评分表').locator('tbody tr')
  const count = await rows.count()
  for (let i = 0; i < count; i++) {
    const cells = rows.nth(i).locator('td')
    const kind = await cells.nth(2).innerText()
    const max = Number(await cells.nth(3).innerText())
    const input = cells.nth(4).locator('input')
    await input.fill(kind.includes('得分') ? String(Math.round(max * ratio)) : '0')
    await input.press('Tab')
  }
}

describe('考核评价（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const must = (m: string, i: unknown) => app.must(m, i)
    const c = await must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    for (const n of ['内科', '外科', '儿科']) {
      const b = await must('orgs.create', { name: `${n}党支部`, type: 'branch', parentId: c.id })
      await must('members.create', { organizationId: b.id, fields: { name: `${n}党员`, gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  it('三个支部经支部自评、院党委考评两级审定，得到名次和星级；驾驶舱点击排名进入该支部画像', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '考核评价' }).click()
    await page.getByRole('button', { name: '新建考评' }).click()
    await choose(page, '指标体系', '示例')
    // all of the committee's branches at once, as a clerk of a hospital with 140 branches would
    await choose(page, '按上级组织加入支部', '中共示范医院委员会（3 个支部）')
    await expect.poll(() => dialog(page).innerText()).toContain('已选 3 个')
    await dialog(page).getByRole('button', { name: '创建' }).click()
    await expect.poll(() => page.getByLabel('考评结果').innerText()).toContain('儿科党支部')

    // 内科 scores everything, 外科 most, 儿科 less; each passes 支部自评 then 院党委考评 (审定)
    for (const [name, ratio] of [['内科党支部', 1], ['外科党支部', 0.85], ['儿科党支部', 0.72]] as const) {
      for (const action of ['提交下一环节', '审定']) {
        await page.getByLabel('考评结果').locator('tr', { hasText: name }).getByRole('button', { name: '评分' }).click()
        await scoreAll(page, ratio)
        await dialog(page).getByRole('button', { name: action }).click()
        await expect.poll(() => page.locator('.el-message--success').last().innerText()).toMatch(action === '审定' ? /已审定/ : /已提交/)
      }
    }
    const table = page.getByLabel('考评结果')
    await expect.poll(() => table.locator('tr', { hasText: '内科党支部' }).innerText()).toContain('已审定')
    expect(await table.locator('tr', { hasText: '内科党支部' }).innerText()).toMatch(/^1\s/)
    expect(await table.locator('tr', { hasText: '内科党支部' }).innerText()).toContain('★★★★★')
    expect(await table.locator('tr', { hasText: '儿科党支部' }).innerText()).toMatch(/^3\s/)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('assessments.png') })

    await page.getByRole('menuitem', { name: '驾驶舱' }).click()
    const chart = page.getByLabel('考评排名图')
    await expect.poll(() => chart.locator('canvas').count()).toBe(1)
    await settled(page)
    await chart.scrollIntoViewIfNeeded()
    await page.screenshot({ animations: 'disabled', path: screenshotPath('dashboard-assessment.png'), fullPage: true })
    // the first bar (rank 1): grid top 40 px, bottom 20 px, three rows in between
    await expect
      .poll(async () => {
        if (page.url().includes('/dashboard/branch/')) return page.url()
        await chart.scrollIntoViewIfNeeded()
        const box = (await chart.boundingBox())!
        await page.mouse.click(box.x + 200, box.y + 40 + (box.height - 60) / 3 / 2)
        return page.url()
      })
      .toContain('/dashboard/branch/')
    // the 支部画像 of 内科, with its radar; from there to its members
    await expect.poll(() => page.locator('h1').innerText()).toContain('内科党支部')
    await expect.poll(() => page.getByLabel('考评雷达图').locator('canvas').count()).toBe(1)
    await page.getByRole('button', { name: '党员名单' }).click()
    await expect.poll(() => page.getByLabel('人员列表').innerText()).toContain('内科党员')

    // the star counts are about one round: a click opens that round, ranking and reasons included
    await page.getByRole('menuitem', { name: '驾驶舱' }).click()
    const starsChart = page.getByLabel('星级数量图')
    await expect.poll(() => starsChart.locator('canvas').count()).toBe(1)
    await expect
      .poll(async () => {
        if (page.url().includes('/assessments')) return page.url()
        await starsChart.scrollIntoViewIfNeeded()
        const box = (await starsChart.boundingBox())!
        // the 5星 bar: first of six categories, drawn up from the axis
        await page.mouse.click(box.x + 48 + (box.width - 64) / 12, box.y + box.height - 70)
        return page.url()
      })
      .toContain('/assessments?round=')
    await expect.poll(() => page.getByLabel('考评结果').innerText()).toContain('儿科党支部')
  })
})
