/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DashboardOverview } from '../../electron/shared/contract/dashboard'
import { pdfPageCount } from '../../electron/shared/print/paging'
import { screenshotPath, startApp, type TestApp } from './support/app'
import { settled } from './support/settled'

/** The page scrolls inside the app's frame: a tall window for a moment shows the whole page in one picture. */
async function wholePage(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  const height = await page.locator('section.page').evaluate((el) => el.scrollHeight + 40)
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) })
  await settled(page) // charts follow the new size (autoresize)
  await page.screenshot({ animations: 'disabled', path: screenshotPath(name) })
  await page.setViewportSize(size)
  await settled(page)
}

/** Clicks the middle of row `index` of a horizontal bar chart (grid `top`/`bottom` px, `rows` categories) until the page leaves the dashboard. */
async function clickBar(page: Page, label: string, index: number, rows: number, top: number, bottom: number): Promise<string> {
  const chart = page.getByLabel(label)
  await expect.poll(() => chart.locator('canvas').count()).toBe(1)
  // the chart may still be settling its size: click again (as a person would) until the page changes
  await expect
    .poll(async () => {
      if (page.url().includes('/dashboard/branch/')) return page.url()
      await chart.scrollIntoViewIfNeeded()
      const box = (await chart.boundingBox())!
      const step = (box.height - top - bottom) / rows
      await page.mouse.click(box.x + 200, box.y + top + step * index + step / 2)
      return page.url()
    })
    .toContain('/dashboard/branch/')
  return page.url()
}

describe('驾驶舱与支部画像（浏览器中的真实界面）', () => {
  let app: TestApp
  let overview: DashboardOverview
  const year = new Date().getFullYear()
  beforeAll(async () => {
    app = await startApp()
    const r = await app.backend.call('demo.seed', { scale: 'small' })
    if (!r.ok) throw new Error(r.error.message)
    // a scored round for the first twelve branches, each at a different share of full marks
    const schemes = (await app.must('assessments.schemes', {})) as unknown as { id: number; scheme: { dimensions: { indicators: { key: string; kind: string; max: number }[] }[] } }[]
    const sizes = (await app.must('dashboard.overview', { year })) as unknown as DashboardOverview
    const ids = sizes.heatmap.branches.slice(0, 12).map((b) => b.id)
    const round = await app.must('assessments.createRound', { schemeId: schemes[0]!.id, name: `${year}年度星级党支部评定`, period: `${year}年度`, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, organizationIds: ids, stages: ['院党委考评'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }, { min: 70, stars: 3 }, { min: 60, stars: 2 }] } })
    const indicators = schemes[0]!.scheme.dimensions.flatMap((d) => d.indicators).filter((i) => i.kind === 'points')
    for (const [n, id] of ids.entries()) {
      const share = 1 - n * 0.035
      await app.must('assessments.submit', { roundId: round.id, organizationId: id, sheet: Object.fromEntries(indicators.map((i) => [i.key, Math.round(i.max * share * 10) / 10])), notes: {}, comment: '' })
    }
    overview = (await app.must('dashboard.overview', { year })) as unknown as DashboardOverview
  })
  afterAll(async () => {
    await app?.close()
  })

  it('图表显示中文标签；点击支部人数柱子进入该支部的支部画像，再进入该支部党员名单', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '驾驶舱' }).click()
    await expect.poll(() => page.getByLabel('逐年趋势图').locator('canvas').count(), { timeout: 20_000 }).toBe(1)
    await expect.poll(() => page.getByLabel('考评得分分布图').locator('canvas').count()).toBe(1)
    await settled(page) // the entry animations over before the picture
    await wholePage(page, 'dashboard.png')
    expect(await page.locator('.stats').innerText()).toContain('“双带头人”书记占比')

    // 打印: every chart as a picture, four to an A4 page (the trends take a half page), the ranking a page, and
    // the heat map's 50 branches a page's worth of rows at a time (two pages), so the rows stay readable
    await page.getByRole('button', { name: '打印' }).click()
    await expect.poll(() => page.locator('.chart-sheet img').count()).toBe(12)
    expect(await page.locator('.chart-sheet').count()).toBe(3 + 1 + 2)
    const alts = await page.locator('.chart-sheet img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).alt))
    // on paper every branch, worst first (the screen shows 25 and a slider)
    expect(alts.filter((a) => a.includes('达标率'))).toEqual([`${year}年各支部组织生活达标率（按月，达标率低的在前）（1/2）`, `${year}年各支部组织生活达标率（按月，达标率低的在前）（2/2）`])
    expect(await page.locator('.toolbar').innerText()).toContain('A4 横向')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('dashboard-print.png') })
    await page.locator('.chart-sheet').nth(4).screenshot({ animations: 'disabled', path: screenshotPath('dashboard-print-heatmap.png') })
    await page.getByRole('button', { name: '返回' }).click()

    // the 双带头人 figure opens those secretaries: as many as it counts, each marked
    await page.getByTitle('点击查看“双带头人”书记').click()
    await expect.poll(() => page.locator('.count').first().innerText()).toContain(`共 ${overview.dualLeader.dual} `)
    const tags = await page.getByLabel('人员列表').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent?.includes('双带头人')))
    expect(tags.length).toBeGreaterThan(0)
    expect(tags.every(Boolean)).toBe(true)
    await page.getByRole('menuitem', { name: '驾驶舱' }).click()

    // the largest branch is the first (top) bar: grid top 52 px (the legend sits under the title), bottom 26 px, 20 rows
    const largest = overview.branchSizes[0]!
    expect(await clickBar(page, '支部人数图', 0, 20, 52, 26)).toContain(`/dashboard/branch/${largest.id}`)
    await expect.poll(() => page.locator('h1').innerText()).toContain(largest.name)
    await page.getByRole('button', { name: '党员名单' }).click()
    await expect.poll(() => page.getByLabel('人员列表').locator('tbody tr').count()).toBeGreaterThan(0)
    const branches = await page.getByLabel('人员列表').locator('tbody tr td:nth-child(5)').allInnerTexts()
    expect(new Set(branches)).toEqual(new Set([largest.name]))
  })

  it('点击考评排名中指定支部的柱子，进入该支部画像：名称、雷达图（本支部与全院平均）、达标表；可打印', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '驾驶舱' }).click()
    const ranking = overview.assessment!.ranking
    const third = ranking[2]!
    expect(await clickBar(page, '考评排名图', 2, ranking.length, 40, 20)).toContain(`/dashboard/branch/${third.id}`)
    await expect.poll(() => page.locator('h1').innerText()).toContain(third.name)
    await expect.poll(() => page.getByLabel('考评雷达图').locator('canvas').count()).toBe(1)
    await expect.poll(() => page.getByLabel('组织生活达标表', { exact: true }).locator('canvas').count()).toBeGreaterThan(0)
    expect(await page.locator('.stats').innerText()).toContain('书记')
    await settled(page)
    await wholePage(page, 'dashboard-branch.png')

    // 打印: the charts as pictures on A4 landscape sheets
    await page.getByRole('button', { name: '打印' }).click()
    await expect.poll(() => page.url()).toContain('/dashboard/print')
    await expect.poll(() => page.locator('.chart-sheet img').count()).toBeGreaterThanOrEqual(7)
    expect(await page.locator('.chart-sheet header').first().innerText()).toContain(third.name)
    // paper cannot be clicked: the titles lose their “点击查看…” hint
    const titles = await page.locator('.chart-sheet img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).alt))
    expect(titles).toContain(`${year}年组织生活达标情况（格内为已开/应开次数）`)
    expect(titles.some((t) => t.includes('点击'))).toBe(false)
    const widths = await page.locator('.chart-sheet img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))
    expect(widths.every((w) => w > 300)).toBe(true)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('dashboard-branch-print.png'), fullPage: true })
    // what 打印 / 另存为 PDF produce: Chromium's print of this page, A4 landscape (842 × 595 pt), one sheet per preview page
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    expect(pdfPageCount(pdf)).toBe(await page.locator('.chart-sheet').count())
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf.toString('latin1'))!
    expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595])
    await page.getByRole('button', { name: '返回' }).click()
    await expect.poll(() => page.locator('h1').innerText()).toContain(third.name)

    // on to the records behind: the branch's meetings of the year, as many as the page counted
    const held = /会议记录（次）\s*(\d+)/.exec(await page.locator('.stats').innerText())![1]
    await page.getByRole('button', { name: '会议记录' }).click()
    await expect.poll(() => page.url()).toContain(`/meetings?org=${third.id}`)
    await expect.poll(() => page.locator('.count').first().innerText()).toBe(`共 ${held} 条`)
    expect(Number(held)).toBeGreaterThan(0)
  })

  it('达标热力图最差的排在最前，屏幕上只显示25行（其余拖动滑块）；点击第一行一月份的格子，进入该支部画像', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '驾驶舱' }).click()
    const chart = page.getByLabel('达标热力图')
    await expect.poll(() => chart.locator('canvas').count()).toBeGreaterThan(0)
    const rates = overview.heatmap.branches.map((b) => b.rate ?? 2)
    expect(rates).toEqual([...rates].sort((a, b) => a - b))
    expect(overview.heatmap.branches.length).toBeGreaterThan(25)
    // 25 rows of 20 px and the title, axis and legend: no longer a 1,000 px column of 50 rows
    expect((await chart.boundingBox())!.height).toBeLessThan(700)
    // grid left 250, right 40, top 40, bottom 70; the worst branch is the top row, January the first column
    const rows = 25
    const first = overview.heatmap.branches[0]!
    await expect
      .poll(async () => {
        if (page.url().includes('/dashboard/branch/')) return page.url()
        await chart.scrollIntoViewIfNeeded()
        const box = (await chart.boundingBox())!
        const cell = (box.height - 110) / rows
        await page.mouse.click(box.x + 250 + (box.width - 290) / 12 / 2, box.y + 40 + cell / 2)
        return page.url()
      })
      .toContain(`/dashboard/branch/${first.id}`)
    await expect.poll(() => page.locator('h1').innerText()).toContain(first.name)
  })
})
