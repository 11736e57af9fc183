/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'

const overview = (page: Page) => page.getByLabel('全院达标情况')
const rowOf = (page: Page, name: string) => overview(page).locator('tbody tr', { hasText: name })
const branchNames = async (page: Page) => (await overview(page).locator('tbody tr .branch').allInnerTexts()).map((t) => t.trim())

describe('达标情况：季度视图（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const held = { recorder: '李四', expectedCount: 3, presentCount: 3, agenda: '学习' }
    const meet = (organizationId: number, types: string[], heldOn: string) => app.must('meetings.create', { organizationId, types, title: `${heldOn} 会议`, heldOn, ...held })
    const [medicine, surgery, children] = [(await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })).id, (await app.must('orgs.create', { name: '外科党支部', type: 'branch', parentId: c.id })).id, (await app.must('orgs.create', { name: '儿科党支部', type: 'branch', parentId: c.id })).id]
    // 内科 has met everything of the second quarter so far
    await meet(medicine!, ['theme_day'], '2025-04-10')
    await meet(medicine!, ['theme_day'], '2025-05-08')
    await meet(medicine!, ['party_congress', 'party_lecture'], '2025-04-20')
    // 外科 met on the last day of the first quarter: nothing of it counts for the second
    await meet(surgery!, ['theme_day', 'party_congress', 'party_lecture'], '2025-03-31')
    // 儿科 has April and the quarter's meetings; May is still running
    await meet(children!, ['theme_day'], '2025-04-10')
    await meet(children!, ['party_congress', 'party_lecture'], '2025-04-20')
    // the window's today: 15 May 2025, in the second quarter
    await app.page.clock.setFixedTime(new Date('2025-05-15T10:00:00+08:00'))
    await app.reload()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('本季度一点即见：未达标和进行中的支部、数目；换季度看前一季', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '会议记录' }).click()
    await page.getByRole('tab', { name: '达标情况' }).click()
    await expect.poll(() => branchNames(page)).toEqual(['内科党支部', '外科党支部', '儿科党支部'])
    await page.getByRole('radio', { name: '季度' }).click({ force: true })
    await expect.poll(() => page.getByLabel('本季度统计').innerText()).toBe('本季度 1 个支部未达标，1 个进行中')
    expect(await page.locator('.el-select', { has: page.getByRole('combobox', { name: '季度', exact: true }) }).innerText()).toContain('第二季度（本季度）')
    expect(await overview(page).locator('thead').innerText()).toContain('组织生活会（全年）')
    // 外科's March theme day does not count for April
    expect(await rowOf(page, '外科党支部').innerText()).toMatch(/0\/1/)
    expect(await rowOf(page, '儿科党支部').innerText()).toContain('进行中')

    await page.getByText('只看未达标/进行中').click()
    await expect.poll(() => branchNames(page)).toEqual(['外科党支部', '儿科党支部'])
    await page.screenshot({ animations: 'disabled', path: screenshotPath('compliance-quarter.png'), fullPage: true })

    // the first quarter, over: nobody met January and February
    await choose(page, '季度', '第一季度')
    await expect.poll(() => page.getByLabel('本季度统计').innerText()).toBe('2025年第一季度 3 个支部未达标，0 个进行中')
    expect(await branchNames(page)).toEqual(['内科党支部', '外科党支部', '儿科党支部'])
    expect(await rowOf(page, '外科党支部').innerText()).toMatch(/1\/3/)

    // back to the year grid
    await page.getByRole('radio', { name: '全年' }).click({ force: true })
    await expect.poll(() => page.locator('.bar').first().innerText()).toContain('截至今天')
    expect(await branchNames(page)).toEqual(['内科党支部', '外科党支部', '儿科党支部'])
  })
})
