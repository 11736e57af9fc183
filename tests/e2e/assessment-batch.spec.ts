/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { choose, screenshotPath, startApp, type TestApp } from './support/app'
import { messageBox } from './support/forms'

const FULL = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }
// 心内科 third: the branch left unscored, as the reviewer would meet it
const DEPARTMENTS = ['呼吸科', '消化科', '心内科', '神经内科', '肾内科', '内分泌科', '血液科', '肿瘤科', '普外科', '骨科', '泌尿外科', '胸外科', '神经外科', '妇产科', '儿科', '眼科', '耳鼻喉科', '口腔科', '皮肤科', '急诊科', '麻醉科', '放射科', '检验科', '药剂科']
const UNSCORED = '心内科党支部'

const batch = (page: Page) => page.getByLabel('批量评审表', { exact: true })
const rowOf = (page: Page, name: string) => batch(page).locator('tbody tr.el-table__row', { hasText: name }).first()

async function confirmBox(page: Page, button: string): Promise<void> {
  await messageBox(page).getByRole('button', { name: button, exact: true }).click()
  await expect.poll(() => messageBox(page).count()).toBe(0)
}

describe('考核评价：批量评审（浏览器中的真实界面）', () => {
  let app: TestApp
  let roundId = 0
  const ids: number[] = []
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    for (const d of DEPARTMENTS) ids.push((await app.must('orgs.create', { name: `${d}党支部`, type: 'branch', parentId: c.id })).id)
    const schemes = (await app.must('assessments.schemes', {})) as unknown as { id: number }[]
    roundId = (
      await app.must('assessments.createRound', {
        schemeId: schemes[0]!.id, name: '2025年度星级党支部评定', period: '2025', periodFrom: '2025-01-01', periodTo: '2025-12-31',
        organizationIds: ids, stages: ['支部自评', '院党委考评'], rating: { bands: [{ min: 95, stars: 5 }, { min: 90, stars: 4 }, { min: 85, stars: 3 }] },
      })
    ).id
    // each branch's 自评 as a draft, every one different; 心内科 has not scored yet
    for (const [i, id] of ids.entries()) {
      if (DEPARTMENTS[i] === '心内科') continue
      await app.must('assessments.saveDraft', { roundId, organizationId: id, sheet: { ...FULL, quality: i % 11, satisfaction: 10 - (i % 3) } })
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  it('24 个支部：批量提交时未评分的一行使整批不办理并被指出；其余批量提交，一个写明原因退回，余下批量审定，结果按名次排列', async () => {
    const { page } = app
    const stageOf = async () => ((await app.must('assessments.round', { id: roundId })) as unknown as { entries: { stage: string }[] }).entries.map((e) => e.stage)
    await page.getByRole('menuitem', { name: '考核评价' }).click()
    await page.locator('.item', { hasText: '2025年度星级党支部评定' }).click()
    await page.getByRole('radio', { name: '批量评审' }).click({ force: true })
    await expect.poll(() => batch(page).locator('tbody tr.el-table__row').count()).toBe(24)
    await expect.poll(() => rowOf(page, UNSCORED).innerText()).toContain('尚未评分')

    // everything waiting ticked at once: the unscored row blocks the whole batch, by its row number
    await page.getByRole('button', { name: '全选待办理的 24 个' }).click()
    await page.getByRole('button', { name: '批量提交（24）' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('将所选 24 个支部按各自现在的评分表提交到“院党委考评”')
    await confirmBox(page, '提交')
    await expect.poll(() => page.locator('.batch .el-alert').innerText()).toContain('第3行 心内科党支部：尚未评分')
    expect(await page.locator('.batch .el-alert').innerText()).toContain('本次一个也没有办理')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('assessment-batch-blocked.png') })
    expect(new Set(await stageOf())).toEqual(new Set(['支部自评']))

    // untick it and pass the other 23 on
    await rowOf(page, UNSCORED).locator('.el-checkbox').click()
    await page.getByRole('button', { name: '批量提交（23）' }).click()
    await confirmBox(page, '提交')
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已提交 23 个支部')
    await expect.poll(() => batch(page).locator('tbody tr.el-table__row').count()).toBe(1)

    // 院党委考评: the 自评 score beside this stage's; one sheet changed by the reviewer shows 已改分
    await app.must('assessments.saveDraft', { roundId, organizationId: ids[0]!, sheet: { ...FULL, quality: 4 } })
    await page.locator('.item', { hasText: '2025年度星级党支部评定' }).click()
    await page.getByRole('radio', { name: '院党委考评' }).click({ force: true })
    await expect.poll(() => batch(page).locator('tbody tr.el-table__row').count()).toBe(23)
    expect(await batch(page).locator('thead').innerText()).toMatch(/支部自评得分[\s\S]*院党委考评得分/)
    await expect.poll(() => rowOf(page, '呼吸科党支部').innerText()).toContain('已改分')
    expect(await rowOf(page, '消化科党支部').innerText()).toContain('沿用上一环节')
    await rowOf(page, '呼吸科党支部').locator('.el-table__expand-icon').click()
    await expect.poll(() => batch(page).getByLabel('呼吸科党支部 各维度得分').innerText()).toMatch(/支部自评\s+院党委考评/)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('assessment-batch.png'), fullPage: true })

    // a score changed in the opened row itself, no dialog: saved as this stage's draft, the row says 已改分
    await rowOf(page, '消化科党支部').locator('.el-table__expand-icon').click()
    const quality = batch(page).getByLabel('消化科党支部 评分 医疗质量与安全', { exact: true })
    await expect.poll(() => quality.inputValue()).toBe('1')
    await quality.fill('8')
    await quality.press('Enter')
    await expect.poll(() => batch(page).getByLabel('消化科党支部 评分表').innerText()).toContain('本环节合计 97 分')
    await batch(page).getByRole('button', { name: '保存 消化科党支部 的评分' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已保存消化科党支部本环节的评分（97 分，草稿，尚未提交）')
    await expect.poll(() => rowOf(page, '消化科党支部').innerText()).toMatch(/90\s+97\s+已改分/)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('assessment-batch-inline.png'), fullPage: true })
    const saved = (await app.must('assessments.round', { id: roundId })) as unknown as { entries: { organizationName: string; sheet: Record<string, number> }[] }
    expect(saved.entries.find((e) => e.organizationName === '消化科党支部')!.sheet.quality).toBe(8)

    // the reviewer changes their mind: 呼吸科 takes the 自评 sheet again (a draft), and stays to be approved
    await rowOf(page, '呼吸科党支部').locator('.el-checkbox').click()
    await page.getByRole('button', { name: '采用上一环节得分（1）' }).click()
    await confirmBox(page, '采用')
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('1 个支部已采用上一环节得分（草稿，尚未提交）')
    await expect.poll(() => rowOf(page, '呼吸科党支部').innerText()).toContain('沿用上一环节')
    expect(await rowOf(page, '呼吸科党支部').innerText()).toMatch(/90\s+90/)
    await page.getByRole('button', { name: '取消勾选' }).click()

    // one branch goes back to 支部自评 with a reason; the reason is asked for before anything is sent
    await rowOf(page, '药剂科党支部').locator('.el-checkbox').click()
    await page.getByRole('button', { name: '批量退回（1）' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('退回“支部自评”修改')
    await messageBox(page).getByRole('button', { name: '退回', exact: true }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('请填写退回原因')
    await messageBox(page).locator('input').fill('请补充主题党日照片')
    await confirmBox(page, '退回')
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已退回 1 个支部')
    await expect.poll(() => batch(page).locator('tbody tr.el-table__row').count()).toBe(22)

    await page.getByRole('button', { name: '全选待办理的 22 个' }).click()
    await page.getByLabel('批量评语').fill('院党委会议审定')
    await page.getByRole('button', { name: '批量审定（22）' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('审定后结果锁定')
    await confirmBox(page, '审定')
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已审定 22 个支部')
    const after = (await app.must('assessments.round', { id: roundId })) as unknown as { entries: { organizationName: string; stage: string; review: { history: { comment: string }[] } }[] }
    expect(after.entries.filter((e) => e.stage === '已审定').length).toBe(22)
    expect(after.entries.find((e) => e.organizationName === UNSCORED)!.stage).toBe('支部自评')
    const returned = after.entries.find((e) => e.organizationName === '药剂科党支部')!
    expect([returned.stage, returned.review.history.at(-1)!.comment]).toEqual(['支部自评', '请补充主题党日照片'])
    expect(after.entries.find((e) => e.organizationName === '骨科党支部')!.review.history.at(-1)!.comment).toBe('院党委会议审定')

    // the approved rows sorted by 名次 in the batch table
    await choose(page, '按状态筛选', '已提交或已审定')
    await expect.poll(() => batch(page).locator('tbody tr.el-table__row').count()).toBe(22)
    await batch(page).locator('thead th', { hasText: '名次' }).click()
    const rankColumn = async (table: ReturnType<typeof batch>, column: number) => (await table.locator('tbody tr.el-table__row').evaluateAll((rows, c) => rows.map((r) => (r as HTMLTableRowElement).cells[c]!.innerText.trim()), column)).map(Number)
    await expect.poll(async () => (await rankColumn(batch(page), 6))[0]).toBe(1)
    const batchRanks = await rankColumn(batch(page), 6)
    expect(batchRanks).toEqual([...batchRanks].sort((a, b) => a - b))

    // 考评结果 reads down the ranking, the unscored branch last
    await page.getByRole('radio', { name: '名次与星级' }).click({ force: true })
    const results = page.getByLabel('考评结果', { exact: true })
    await expect.poll(() => results.locator('tbody tr.el-table__row').count()).toBe(24)
    const ranks = (await results.locator('tbody tr.el-table__row').evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0]!.innerText.trim())))
    expect(ranks.at(-1)).toBe('—')
    const numbers = ranks.slice(0, -1).map(Number)
    expect(numbers[0]).toBe(1)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(await results.locator('tbody tr.el-table__row').last().innerText()).toContain(UNSCORED)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('assessment-results-by-rank.png'), fullPage: true })
  })
})
