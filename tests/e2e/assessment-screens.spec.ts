/// <reference lib="dom" />
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath, startApp, type TestApp } from './support/app'
import { fieldError, messageBox } from './support/forms'

const pane = (page: Page) => page.locator('.el-tab-pane:visible')

describe('考核评价：指标体系与评议计票（浏览器中的真实界面）', () => {
  let app: TestApp
  const dir = mkdtempSync(join(tmpdir(), 'dangban-e2e-scheme-'))
  beforeAll(async () => {
    app = await startApp()
    const c = await app.must('orgs.create', { name: '中共示范医院委员会', type: 'committee', parentId: null })
    const b = await app.must('orgs.create', { name: '内科党支部', type: 'branch', parentId: c.id })
    for (const name of ['王芳', '李强', '张伟']) {
      await app.must('members.create', { organizationId: b.id, fields: { name, gender: '男', joinedOn: '2000-01-01', convertedOn: '2001-01-01' } })
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  it('示例指标体系不能直接改：复制为新版本后修改指标并保存；导出 Excel 再导入得到又一个版本', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '考核评价' }).click()
    await page.getByRole('tab', { name: '指标体系' }).click()
    await expect.poll(() => pane(page).innerText()).toContain('示例指标体系保持原样')
    await pane(page).getByRole('button', { name: '复制为新版本' }).click()
    await page.locator('.el-message-box input').fill('2026')
    await page.getByRole('button', { name: '复制', exact: true }).click()
    await expect.poll(() => pane(page).locator('.detail .el-card__header').innerText()).toContain('2026年')
    expect(await pane(page).innerText()).not.toContain('示例指标体系保持原样')

    // rename an indicator and change a dimension's weight: the editor checks as the clerk types
    await pane(page).getByLabel('指标名称 setup').fill('按期换届、支部设置规范')
    await pane(page).getByLabel('第1个维度分值').fill('12')
    await pane(page).getByLabel('第1个维度分值').press('Tab')
    await expect.poll(() => pane(page).getByLabel('检查结果').innerText()).toContain('各维度分值合计 102 分')
    await pane(page).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已保存')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('scheme-editor.png') })

    // what was saved comes back from the backend
    const schemes = (await app.backend.call('assessments.schemes', {})) as { ok: true; data: { year: number; scheme: { dimensions: { points: number; indicators: { key: string; name: string }[] }[] } }[] }
    const mine = schemes.data.find((s) => s.year === 2026)!
    expect(mine.scheme.dimensions[0]!.points).toBe(12)
    expect(mine.scheme.dimensions[0]!.indicators[0]!.name).toBe('按期换届、支部设置规范')

    const download = page.waitForEvent('download')
    await pane(page).getByRole('button', { name: '导出 Excel' }).click()
    const file = join(dir, (await download).suggestedFilename())
    copyFileSync(await (await download).path(), file)
    await pane(page).getByLabel('选择指标体系文件').setInputFiles(file)
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已导入')
    const after = (await app.backend.call('assessments.schemes', {})) as { ok: true; data: { year: number; version: number }[] }
    expect(after.data.filter((s) => s.year === 2026).map((s) => s.version).sort()).toEqual([1, 2])
  })

  it('民主评议党员：名单来自名册，按群体录入票数（回车到下一人），即时算出得分和建议等次，保存后汇总', async () => {
    const { page } = app
    // a fresh page: the long scheme editor the last test left open keeps a loaded machine's page busy for seconds
    await page.reload()
    await page.getByRole('menuitem', { name: '考核评价' }).click()
    await page.getByRole('tab', { name: '评议计票' }).click()
    await pane(page).getByRole('button', { name: '新建计票' }).click()
    await page.getByRole('combobox', { name: '评议的党组织' }).fill('内科')
    await page.locator('.el-select-dropdown:visible .el-tree-node__content', { hasText: '内科党支部' }).click()
    await page.getByRole('button', { name: '建立' }).click()
    await expect.poll(() => pane(page).getByLabel('计票表').innerText()).toContain('张伟')

    // 党员互评: 10 ballots each — 王芳 all 优秀, 李强 all 合格, 张伟 mostly 不合格
    const cell = (name: string, grade: string) => pane(page).getByLabel(`${name} 党员互评 ${grade}`)
    await cell('王芳', '优秀').fill('10')
    // Enter goes down the same column to the next person, as when counting one pile of ballots
    const order = await pane(page).locator('input[data-col="0"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!.split(' ')[0]))
    const first = order[0]!
    await cell(first, '优秀').press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`${order[1]} 党员互评 优秀`)
    await cell('李强', '合格').fill('10')
    await cell('张伟', '合格').fill('3')
    await cell('张伟', '不合格').fill('7')
    await cell('张伟', '不合格').press('Tab')
    const row = (name: string) => pane(page).getByLabel('计票表').locator('tr', { hasText: name })
    await expect.poll(() => row('王芳').innerText()).toContain('100')
    expect(await row('李强').innerText()).toContain('合格')
    expect(await row('张伟').innerText()).toContain('不合格')
    expect(await pane(page).innerText()).toContain('3 人的票数尚未保存')
    await pane(page).getByRole('button', { name: '保存票数' }).click()
    await expect.poll(() => pane(page).getByLabel('等次汇总').innerText()).toContain('优秀 1')
    expect(await pane(page).getByLabel('等次汇总').innerText()).toContain('不合格 1')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('ballots.png') })

    // the branch's own rule: 合格 needs 85 — 李强's 80 becomes 基本合格, recomputed at once
    await pane(page).getByRole('button', { name: '计分规则' }).click()
    await page.getByLabel('合格 分数线', { exact: true }).fill('85')
    await page.getByRole('button', { name: '保存计分规则' }).click()
    await expect.poll(() => pane(page).getByLabel('等次汇总').innerText()).toContain('基本合格 1')
    expect(await row('李强').innerText()).toContain('基本合格')
  })

  it('评分时看到评分标准和系统取数，佐证说明随草稿保存；审定后打印公示', async () => {
    const { page } = app
    const schemes = (await app.backend.call('assessments.schemes', {})) as { ok: true; data: { id: number; isExample: boolean }[] }
    const example = schemes.data.find((s) => s.isExample)!
    const orgs = (await app.backend.call('orgs.list', {})) as { ok: true; data: { id: number; name: string }[] }
    const branch = orgs.data.find((o) => o.name === '内科党支部')!
    const round = await app.must('assessments.createRound', { schemeId: example.id, name: '2026年度星级党支部评定', period: '2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', organizationIds: [branch.id], stages: ['支部自评', '院党委考评'], rating: { quotas: [{ share: 1, stars: 5 }] } })

    await page.getByRole('tab', { name: '考评轮次' }).click()
    await page.reload()
    await page.getByRole('menuitem', { name: '考核评价' }).click()
    await pane(page).getByText('2026年度星级党支部评定').first().click()
    await expect.poll(() => pane(page).innerText()).toContain('星级评定规则：名额：100%评5星')
    await pane(page).getByRole('button', { name: '评分', exact: true }).click()
    const dialog = page.locator('.el-dialog:visible')
    // the 评分标准 travels with the indicator; our records give 双带头人 a number (no 书记 registered: 0), which
    // the scorer may adopt
    await expect.poll(() => dialog.getByLabel('评分表').innerText()).toContain('超期未换届扣5分')
    const dual = dialog.getByLabel('评分表').locator('tr', { hasText: '书记为“双带头人”' })
    expect(await dual.innerText()).toContain('0 分')
    await dialog.getByLabel('评分 书记为“双带头人”').fill('5')
    await dual.getByRole('button', { name: '采用' }).click()
    await expect.poll(() => dialog.getByLabel('评分 书记为“双带头人”').inputValue()).toBe('0')
    await dialog.getByLabel('佐证说明 按规定设置支部、按期换届').fill('2024年1月换届选举材料')
    // the scanned approval behind that score, kept with the entry and downloadable as it was
    const scan = join(dir, '换届批复.pdf')
    writeFileSync(scan, '%PDF-1.4 换届选举批复')
    const chooser = page.waitForEvent('filechooser')
    await dialog.getByRole('button', { name: '上传佐证材料 按规定设置支部、按期换届' }).click()
    await (await chooser).setFiles(scan)
    await expect.poll(() => dialog.getByLabel('评分表').innerText()).toContain('换届批复.pdf')
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: '换届批复.pdf' }).click()
    expect(readFileSync(await (await download).path(), 'utf8')).toBe('%PDF-1.4 换届选举批复')
    await dialog.getByRole('button', { name: '保存草稿' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已保存草稿')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('score-dialog.png') })
    await dialog.getByRole('button', { name: '取消' }).click()
    await pane(page).getByRole('button', { name: '评分', exact: true }).click()
    await expect.poll(() => page.locator('.el-dialog:visible').getByLabel('佐证说明 按规定设置支部、按期换届').inputValue()).toBe('2024年1月换届选举材料')
    // a score typed and not saved: 取消 asks, 继续填写 keeps it; Esc asks again and 不保存，关闭 throws it away
    const touched = page.locator('.el-dialog:visible')
    await touched.getByLabel('评分 书记为“双带头人”').fill('3')
    await touched.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => messageBox(page).innerText()).toContain('还没有保存')
    await messageBox(page).getByRole('button', { name: '继续填写' }).click()
    await expect.poll(() => messageBox(page).count()).toBe(0)
    expect(await touched.getByLabel('评分 书记为“双带头人”').inputValue()).toBe('3')
    await page.keyboard.press('Escape')
    await messageBox(page).getByRole('button', { name: '不保存，关闭' }).click()
    await expect.poll(() => page.locator('.el-dialog:visible').count()).toBe(0)

    // two stages approve it; the 公示 then prints the approved result (never an ID number or phone)
    const full = { setup: 10, team: 10, dual: 5, meetings: 15, records: 10, develop: 10, dues: 5, education: 5, quality: 10, ethics: 10, satisfaction: 10 }
    await app.must('assessments.submit', { roundId: round.id, organizationId: branch.id, sheet: full, comment: '自评' })
    // 退回上一环节 without a reason says so under 评语, where the reason is typed (was 发生了意外错误)
    await page.reload()
    await page.getByRole('menuitem', { name: '考核评价' }).click()
    await page.getByRole('tab', { name: '考评轮次' }).click()
    await pane(page).getByText('2026年度星级党支部评定').first().click()
    await expect.poll(() => pane(page).getByLabel('考评结果').innerText()).toContain('院党委考评')
    await pane(page).getByRole('button', { name: '评分', exact: true }).click()
    const review = page.locator('.el-dialog:visible')
    await review.getByRole('button', { name: '退回上一环节' }).click()
    await expect.poll(() => fieldError(review, '评语').innerText()).toBe('请在评语中写明退回原因')
    expect(await page.locator('.el-message--error').count()).toBe(0)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('score-return-reason.png') })
    await review.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => page.locator('.el-dialog:visible').count()).toBe(0)
    await app.must('assessments.submit', { roundId: round.id, organizationId: branch.id, sheet: full, comment: '考评' })
    await page.reload()
    await page.getByRole('menuitem', { name: '考核评价' }).click()
    await page.getByRole('tab', { name: '考评轮次' }).click()
    await pane(page).getByText('2026年度星级党支部评定').first().click()
    await expect.poll(() => pane(page).getByLabel('考评结果').innerText()).toContain('已审定')
    await pane(page).getByRole('button', { name: '打印公示' }).click()
    // scored on the shipped example: the clerk is warned and names the hospital's own scheme, never the example's
    const notice = page.locator('.el-dialog:visible')
    await expect.poll(() => notice.innerText()).toContain('本次考评用的是软件附带的示例指标体系')
    expect(await notice.getByRole('button', { name: '预览并打印' }).isDisabled()).toBe(true)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('assessment-notice-dialog.png') })
    await notice.getByLabel('考评依据').fill('示范医院星级党支部评定办法')
    await notice.getByRole('button', { name: '预览并打印' }).click()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain('关于2026年度星级党支部评定结果的公示')
    const sheet = await page.locator('.print-sheet').innerText()
    expect(sheet).toContain('内科党支部')
    expect(sheet).toContain('根据《示范医院星级党支部评定办法》')
    expect(sheet).not.toContain('示例')
    expect(await page.locator('.notes, .el-alert').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('软件附带的示例')]))
    await page.screenshot({ animations: 'disabled', path: screenshotPath('assessment-notice.png') })
  })
})
