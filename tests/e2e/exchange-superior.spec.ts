/// <reference lib="dom" />
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Download, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'

/**
 * 上报与交换 across three installations (docs/exchange.md §1, §12): two hospitals and their 局党办, each its own
 * database and window. Every package moves as a file in a folder standing for the USB drive.
 */
const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }
const ROUND = '2025年度星级党支部评定'
const usb = mkdtempSync(join(tmpdir(), 'dangban-usb-'))
const dialog = (page: Page) => page.locator('.el-dialog:visible')
/** a table row's text without the line breaks its tags and cells put in */
const flat = async (l: Locator) => (await l.innerText()).replace(/\s+/g, '')

/** Saves a download onto the “USB drive” under the name the window gave it. */
async function onUsb(download: Promise<Download>): Promise<string> {
  const d = await download
  const file = join(usb, d.suggestedFilename())
  await d.saveAs(file)
  return file
}

/** Clicks a button that saves a file, and puts the file on the “USB drive”. */
async function saveBy(page: Page, button: Locator): Promise<string> {
  const download = page.waitForEvent('download')
  await button.click()
  return onUsb(download)
}

async function openPackages(page: Page, tab = '收发数据包'): Promise<void> {
  await page.getByRole('menuitem', { name: '上报与交换' }).click()
  await page.getByRole('tab', { name: tab }).click()
}

/** A hospital: a committee, its branches with members (one admitted in 2025), and a round its 院党委 has scored. */
async function hospital(app: TestApp, name: string, code: string, branches: Record<string, number>): Promise<void> {
  await app.must('settings.save', { values: { 'unit.name': name, 'unit.code': code } })
  const c = await app.must('orgs.create', { name: `中共${name}`, type: 'committee', parentId: null })
  const ids: number[] = []
  for (const [branch, members] of Object.entries(branches)) {
    const b = await app.must('orgs.create', { name: branch, type: 'branch', parentId: c.id })
    ids.push(b.id)
    for (let i = 0; i < members; i++) {
      const admitted = i === 0 ? { joinedOn: '2025-06-01' } : { joinedOn: '2005-01-01', convertedOn: '2006-01-01' }
      await app.must('members.create', { organizationId: b.id, fields: { name: `${branch.slice(0, 2)}党员${i + 1}`, gender: '女', ethnicity: '汉族', education: '大学本科', occupation: '专业技术人员', birthDate: '1985-03-01', ...admitted } })
    }
  }
  const [scheme] = (await app.must('assessments.schemes', {})) as unknown as { id: number }[]
  const round = await app.must('assessments.createRound', { schemeId: scheme!.id, name: ROUND, period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', organizationIds: ids, stages: ['院党委考评', '局党办审核'], rating: { bands: [{ min: 90, stars: 5 }, { min: 80, stars: 4 }] } })
  // the hospital's own stage is done: every branch waits for the 局党办
  for (const id of ids) await app.must('assessments.submit', { roundId: round.id, organizationId: id, sheet: FULL, comment: '院党委考评：好' })
}

/**
 * Imports a file in the window, trusting its sender first when a fingerprint is given (read out by phone from the
 * sender's own screen). Answers the 回执 saved for the sender, if the import wrote one.
 */
async function importFile(page: Page, file: string, options: { fingerprint?: string; receipt: boolean }): Promise<string | null> {
  await openPackages(page)
  await page.getByLabel('选择数据包文件').setInputFiles(file)
  const preview = page.getByTestId('package-preview')
  if (options.fingerprint) {
    await expect.poll(() => preview.innerText()).toContain('尚未信任的单位')
    await page.getByLabel('对方读出的指纹').fill(options.fingerprint)
    await page.getByRole('button', { name: '信任此单位' }).click()
    await expect.poll(() => preview.innerText()).toMatch(/核对无误|单位名片无需导入/)
    // a 单位名片 only carries the key: trusting it is all there is to do
    if ((await preview.innerText()).includes('单位名片无需导入')) return null
  }
  await expect.poll(() => preview.innerText()).toContain('核对无误，可以导入')
  const button = page.getByRole('button', { name: '导入', exact: true })
  if (options.receipt) return saveBy(page, button)
  await button.click()
  await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已导入')
  return null
}

/** Exports a package for the 局党办 in the window: 年度党内统计 of 2025, or the 考评结果 of the round. */
async function exportFor(page: Page, kind: '年度党内统计' | '考评结果'): Promise<string> {
  await openPackages(page)
  const panel = page.getByLabel('导出数据包')
  await panel.getByText(kind, { exact: true }).click()
  // the year offered is the one just ended (2025): the export is of it
  if (kind === '考评结果') await choose(page, '考评', ROUND)
  await choose(page, '收件单位', '市卫健委党委')
  return saveBy(page, panel.getByRole('button', { name: '导出' }))
}

const fingerprintOf = async (page: Page) => {
  await openPackages(page)
  return page.getByTestId('own-fingerprint').innerText()
}
const cardOf = async (page: Page) => {
  await openPackages(page)
  return saveBy(page, page.getByRole('button', { name: '导出单位名片' }))
}

describe('上报与交换：两家医院和局党办（三个数据库）', () => {
  let bureau: TestApp
  let first: TestApp
  let second: TestApp
  const receipts: Record<string, string[]> = { first: [], second: [] }
  beforeAll(async () => {
    bureau = await startApp({ today: '2026-02-10' })
    first = await startApp({ today: '2026-02-10' })
    second = await startApp({ today: '2026-02-10' })
    await bureau.must('settings.save', { values: { 'unit.name': '市卫健委党委', 'unit.code': 'B-100' } })
    await hospital(first, '示范医院党委', 'H-001', { 内科党支部: 3, 外科党支部: 2 })
    await hospital(second, '第二医院党委', 'H-002', { 门诊党支部: 2 })
  }, 120_000)
  afterAll(async () => {
    for (const app of [bureau, first, second]) await app?.close()
  })

  it('交换单位名片，电话核对指纹后互相信任', async () => {
    const bureauCard = await cardOf(bureau.page)
    const bureauPrint = await fingerprintOf(bureau.page)
    for (const h of [first, second]) {
      await importFile(bureau.page, await cardOf(h.page), { fingerprint: await fingerprintOf(h.page), receipt: false })
      await importFile(h.page, bureauCard, { fingerprint: bureauPrint, receipt: false })
      await expect.poll(() => h.page.getByLabel('已信任的单位').innerText()).toContain('市卫健委党委')
    }
    const trusted = await bureau.page.getByLabel('已信任的单位').innerText()
    expect(trusted).toContain('示范医院党委')
    expect(trusted).toContain('第二医院党委')
  })

  it('两家医院报送年度统计和院党委考评结果；局党办导入后在工作台看到两家已报、并排的统计和合计', async () => {
    for (const [key, h] of [['first', first], ['second', second]] as const) {
      for (const kind of ['年度党内统计', '考评结果'] as const) receipts[key]!.push((await importFile(bureau.page, await exportFor(h.page, kind), { receipt: true }))!)
    }
    const { page } = bureau
    await openPackages(page, '各单位上报情况')
    const status = page.getByLabel('上报情况表')
    for (const unit of ['示范医院党委', '第二医院党委']) {
      await expect.poll(() => flat(status.locator('tr', { hasText: unit }))).toContain(`${ROUND}：已报`)
      // 年度党内统计 已报 on the day it was imported, 组织生活达标 未报 (not sent)
      expect(await flat(status.locator('tr', { hasText: unit }))).toContain('已报2026-02-10未报')
    }

    await page.getByRole('tab', { name: '统计汇总' }).click()
    const sums = page.getByLabel('统计汇总表')
    /** the figure in a category's table: the row of a hospital (or 合计) under a column */
    const figure = async (row: string, column: string) => {
      const headers = (await sums.locator('thead th').allInnerTexts()).map((h) => h.trim())
      return sums.locator('tbody tr', { hasText: row }).first().locator('td').nth(headers.indexOf(column)).innerText()
    }
    await expect.poll(() => sums.innerText()).toContain('第二医院党委')
    // 示范医院 5 members (2 admitted in 2025), 第二医院 2 (1 admitted): a row each and the 合计 row
    expect([await figure('示范医院党委', '党员总数'), await figure('第二医院党委', '党员总数'), await figure('合计', '党员总数')]).toEqual(['5', '2', '7'])
    expect(await figure('合计', '预备党员')).toBe('3')
    await page.getByLabel('统计表').getByText('学历', { exact: true }).click()
    await expect.poll(() => figure('合计', '大学本科')).toBe('7')
    expect(await figure('第二医院党委', '大学本科')).toBe('2')
    await page.getByLabel('统计表').getByText('发展与转正', { exact: true }).click()
    await expect.poll(() => figure('合计', '本年发展')).toBe('3')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('exchange-superior-sums.png') })

    // drill-down: one hospital's tables as received
    await page.getByRole('button', { name: '查看第二医院党委的统计表' }).click()
    await expect.poll(() => dialog(page).innerText()).toContain('第二医院党委 2025年度党内统计（统计时点 2025-12-31）')
    expect((await dialog(page).getByLabel('单位统计表').innerText()).replace(/\s+/g, ' ')).toContain('党员总数 2')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('exchange-superior-hospital.png') })
    await dialog(page).locator('.el-dialog__headerbtn').click()
  })

  it('局党办审核一家医院的考评：退回须写原因；医院导入审核决定后考评进入新环节，退回的支部带着原因回到院党委考评', async () => {
    const { page } = bureau
    await page.getByRole('tab', { name: '考评审核' }).click()
    const round = page.getByLabel(`示范医院党委 ${ROUND}`, { exact: true })
    await expect.poll(() => round.innerText()).toContain('外科党支部')
    expect(await round.getByLabel('示范医院党委的考评结果').innerText()).toContain('局党办审核')
    await round.getByRole('button', { name: '审核' }).click()
    const d = dialog(page)
    await expect.poll(() => d.innerText()).toContain('内科党支部')
    await d.getByLabel('外科党支部的审核').getByText('退回').click()
    await d.getByRole('button', { name: '导出审核决定' }).click()
    // the reason is asked for under its own field, and nothing is written
    await expect.poll(() => d.locator('.el-form-item__error').innerText()).toBe('退回须写明原因')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('exchange-superior-decision.png') })
    await d.getByLabel('外科党支部的退回原因').fill('佐证材料不全，请补充')
    await d.getByLabel('审核意见').fill('审核通过')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('exchange-superior-decision-filled.png') })
    const decision = await saveBy(page, d.getByRole('button', { name: '导出审核决定' }))
    await expect.poll(() => round.innerText()).toContain('审核通过 1 个，退回 1 个')
    expect(await round.innerText()).toContain('已发出')
    // the other hospital's round still waits for review
    expect(await page.getByLabel(`第二医院党委 ${ROUND}`, { exact: true }).getByRole('button', { name: '审核' }).count()).toBe(1)

    // at the hospital: its 回执 close what it sent, and the decision lands in its round
    const h = first.page
    for (const r of receipts.first!) await importFile(h, r, { receipt: false })
    const sent = h.getByLabel('发出和收到的数据包')
    for (const kind of ['年度党内统计', '考评结果']) await expect.poll(() => sent.locator('tr', { hasText: kind }).first().innerText()).toContain('已回执')
    const decisionReceipt = (await importFile(h, decision, { receipt: true }))!
    await h.getByRole('menuitem', { name: '考核评价' }).click()
    await h.getByText(ROUND).first().click()
    const results = h.getByLabel('考评结果')
    await expect.poll(() => results.locator('tr', { hasText: '内科党支部' }).innerText()).toContain('已审定')
    expect(await results.locator('tr', { hasText: '外科党支部' }).innerText()).toContain('院党委考评')
    await results.locator('tr', { hasText: '外科党支部' }).getByRole('button', { name: '评分' }).click()
    await expect.poll(() => dialog(h).locator('.el-timeline').innerText()).toContain('局党办审核：退回（佐证材料不全，请补充）')
    expect(await dialog(h).locator('.el-timeline').innerText()).toContain('市卫健委党委')
    await dialog(h).locator('.el-dialog__headerbtn').click()

    // the second hospital's 回执 close its packages too
    for (const r of receipts.second!) await importFile(second.page, r, { receipt: false })
    await expect.poll(() => second.page.getByLabel('发出和收到的数据包').locator('tr', { hasText: '考评结果' }).first().innerText()).toContain('已回执')

    // back at the 局党办: the decision's 回执 closes the loop
    await importFile(page, decisionReceipt, { receipt: false })
    await page.getByRole('tab', { name: '考评审核' }).click()
    await expect.poll(() => page.getByLabel(`示范医院党委 ${ROUND}`, { exact: true }).innerText()).toContain('已回执')
    await page.getByRole('tab', { name: '各单位上报情况' }).click()
    await expect.poll(() => flat(page.getByLabel('上报情况表').locator('tr', { hasText: '示范医院党委' }))).toContain(`${ROUND}：审核决定已回执`)
    expect(await flat(page.getByLabel('上报情况表').locator('tr', { hasText: '第二医院党委' }))).toContain(`${ROUND}：已报`)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('exchange-superior-status.png') })
  })
})
