/// <reference lib="dom" />
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshotPath, startApp, type TestApp } from './support/app'
import { dialog, messageBox, setDate } from './support/forms'
import { pdfText, savePngs } from './support/pdf'

/**
 * 督查督办 and the 工作台 as a clerk uses them (docs/deadlines.md §5–§9): a 党委会 decision becomes a 督办事项, progress
 * is fed back, the item goes overdue as the days pass (the test moves the clock), the 工作台 puts it first and its
 * 催办 opens it, it is closed, and the month's 督查通报 is printed and looked at.
 */
const dir = mkdtempSync(join(tmpdir(), 'dangban-supervision-'))
const DECISION = '同意门诊楼改造方案，由总务科牵头于3月底前完成招标'

describe('督查督办与工作台（浏览器中的真实界面）', () => {
  let app: TestApp
  let meetingId: number
  beforeAll(async () => {
    app = await startApp({ today: '2026-03-02' })
    await app.must('settings.update', { key: 'unit.name', value: '示范市第一人民医院' })
    // founded this month: the 党委's own meeting periods before it are not its business (no other items in the list)
    const c = await app.must('orgs.create', { name: '中共示范市第一人民医院委员会', type: 'committee', parentId: null, foundedOn: '2026-03-01', departments: ['党委办公室', '总务科', '医务科'] })
    meetingId = (
      await app.must('meetings.create', {
        organizationId: c.id, types: ['standing_committee'], title: '党委会（2026年第3次）', heldOn: '2026-03-01', host: '书记', recorder: '干事', minutes: '研究门诊楼改造',
        resolutions: [{ text: DECISION, category: 'project' }, { text: '同意调整医务科科长人选', category: 'appointment' }],
      })
    ).id
  })
  afterAll(async () => {
    await app?.close()
  })

  it('决议立项 → 反馈 → 逾期 → 工作台排第一并催办 → 申请办结 → 办结 → 打印通报、导出台账', async () => {
    const { page } = app
    // the 党委会 record: 立为督办事项 beside the first decision
    await page.goto(`${app.bridge.url}#/meetings?meeting=${meetingId}`)
    const form = dialog(page)
    await expect.poll(() => form.getByRole('button', { name: '立为督办事项' }).count()).toBe(2)
    await form.getByRole('button', { name: '立为督办事项' }).first().click()
    const create = dialog(page).filter({ hasText: '新建督办事项' })
    await expect.poll(() => create.textContent()).toContain(`党委会（2026年第3次）（2026-03-01）第1条决议：${DECISION}`)
    // 立项 without a 时限 or a department: the messages sit at the fields, nothing is saved
    await create.getByRole('button', { name: '立项' }).click()
    await expect.poll(() => create.locator('.el-form-item__error').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('办理时限')]))
    await create.getByLabel('牵头部门').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '总务科' }).click()
    await create.getByLabel('责任人').fill('李科长')
    await setDate(create, '办理时限', '2026-03-31')
    await create.getByRole('button', { name: '立项' }).click()
    // the item opens; its source is the decision
    const drawer = page.locator('.el-drawer:visible')
    await expect.poll(() => drawer.textContent()).toContain('党委会（2026年第3次）（2026-03-01）第1条决议')
    await drawer.getByRole('button', { name: '开始办理' }).click()
    await dialog(page).getByRole('button', { name: '确定开始办理' }).click()
    await drawer.getByRole('button', { name: '进展反馈' }).click()
    await dialog(page).getByLabel('进展情况').fill('已完成招标文件编制，3月20日挂网')
    await dialog(page).getByRole('button', { name: '确定进展反馈' }).click()
    await expect.poll(() => drawer.locator('.el-timeline').textContent()).toContain('已完成招标文件编制')

    // the meeting record shows the link the other way
    await page.goto(`${app.bridge.url}#/meetings?meeting=${meetingId}`)
    await expect.poll(() => dialog(page).textContent()).toContain('督办事项 1（办理中）')
    await page.goto(`${app.bridge.url}#/workbench`)
    await expect.poll(() => page.locator('.todo .el-table__row').first().textContent()).toContain('还有 29 天')

    // three days past the 时限: overdue, first on the 工作台, in red
    await app.setToday('2026-04-03')
    await page.goto(`${app.bridge.url}#/workbench`)
    const first = page.locator('.todo .el-table__row').first()
    await expect.poll(() => first.textContent()).toContain(DECISION)
    expect(await first.textContent()).toContain('逾期 3 天')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('workbench-overdue.png'), fullPage: true })
    await first.getByRole('button', { name: '催办' }).click()
    // 催办 opens the item with its 催办 form
    const urge = dialog(page).filter({ hasText: '催办：' })
    await urge.getByLabel('催办内容').fill('请于4月7日前完成招标并书面反馈')
    await urge.getByRole('button', { name: '确定催办' }).click()
    await expect.poll(() => drawer.locator('.el-timeline').textContent()).toContain('请于4月7日前完成招标并书面反馈')
    expect(await drawer.textContent()).toContain('已逾期')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('supervision-drawer.png') })
    // the 催办单 to hand to the department, then back to the item
    await drawer.getByRole('button', { name: '打印催办单' }).click()
    await expect.poll(() => page.locator('.print-sheet').textContent(), { timeout: 20_000 }).toContain('督办事项催办单')
    expect(await page.locator('.print-sheet').textContent()).toContain('请于4月7日前完成招标并书面反馈')
    expect(await page.locator('.print-sheet').textContent()).toContain('2026年3月31日（已逾期3天）')
    await page.goBack()
    await page.goto(`${app.bridge.url}#/supervision?id=1`)

    // 申请办结 without a result is refused at the field; then with it; 办结 confirms it
    await drawer.getByRole('button', { name: '申请办结' }).click()
    const request = dialog(page).filter({ hasText: '申请办结：' })
    await request.getByRole('button', { name: '确定申请办结' }).click()
    await expect.poll(() => request.locator('.el-form-item__error').textContent()).toContain('办理结果')
    await request.getByLabel('办理结果').fill('4月2日完成招标，中标单位已公示')
    await request.getByRole('button', { name: '确定申请办结' }).click()
    await drawer.getByRole('button', { name: '办结（销号）' }).click()
    const complete = dialog(page).filter({ hasText: '办结（销号）：' })
    expect(await complete.getByLabel('办理结果').inputValue()).toBe('4月2日完成招标，中标单位已公示')
    await complete.getByRole('button', { name: '确定办结（销号）' }).click()
    await expect.poll(() => drawer.locator('.head').textContent()).toContain('办结')
    await page.keyboard.press('Escape')

    // 办结率: one item, closed after its 时限 — 100% 办结, 0% on time
    await page.screenshot({ animations: 'disabled', path: screenshotPath('supervision-ledger.png') })
    await page.getByRole('tab', { name: '办结率' }).click()
    await expect.poll(() => page.locator('.rates .el-table__row').first().textContent()).toMatch(/总务科.*1.*1.*100\.0%.*1.*0.*0\.0%/)

    // the 台账 in Excel
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账' }).click()])
    const file = join(dir, '台账.xlsx')
    await download.saveAs(file)
    const sheet = XLSX.read(readFileSync(file)).Sheets
    const rows = XLSX.utils.sheet_to_json<string[]>(Object.values(sheet)[0]!, { header: 1 })
    const header = rows.find((r) => r.includes('督办事项'))!
    const line = rows[rows.indexOf(header) + 1]!
    expect(line[header.indexOf('督办事项')]).toBe(DECISION)
    expect(line[header.indexOf('办理状态')]).toBe('办结')
    expect(line[header.indexOf('催办次数')]).toBe(1)
    expect(line[header.indexOf('最新进展')]).toBe('已完成招标文件编制，3月20日挂网')

    // the 工作台 no longer lists it
    await page.goto(`${app.bridge.url}#/workbench`)
    await expect.poll(() => page.locator('.page').textContent()).toContain('这段时间没有待办事项')

    // the April 督查通报, printed and looked at
    await page.goto(`${app.bridge.url}#/print?what=supervisionReport&month=2026-04`)
    await expect.poll(() => page.locator('.print-sheet').textContent(), { timeout: 20_000 }).toContain('督查督办工作通报')
    const pdf = join(dir, '督查通报.pdf')
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    const text = pdfText(pdf).join('')
    expect(text).toContain('2026年第4期')
    expect(text).toContain('党委督办事项共1项，已办结1项')
    expect(text).toMatch(/本月办结事项[\s\S]*同意门诊楼改造方案/)
    savePngs(pdf, 'supervision-report')
  })

  it('年度工作要点：添加带里程碑的工作要点，工作台按下一个里程碑提醒，点开回到工作要点', async () => {
    const { page } = app
    // the clock stands at 2026-04-03 (the test above moved it)
    await page.goto(`${app.bridge.url}#/supervision?tab=points`)
    await page.getByRole('button', { name: '添加工作要点' }).click()
    const form = dialog(page)
    await form.getByLabel('工作内容').fill('推进党建与业务深度融合，建设“党建+医疗服务”示范科室')
    await form.getByLabel('牵头部门').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '党委办公室' }).click()
    await setDate(form, '完成时限', '2026-12-31')
    await form.getByRole('button', { name: '添加里程碑' }).click()
    await form.getByLabel('里程碑1', { exact: true }).fill('制定实施方案')
    await setDate(form, '里程碑1日期', '2027-01-15')
    await form.getByRole('button', { name: '保存' }).click()
    // a milestone after the item's 时限: the message sits at the milestone, nothing is saved
    await expect.poll(() => form.locator('.problem').innerText()).toBe('第1个里程碑的日期（2027-01-15）晚于完成时限（2026-12-31）')
    await setDate(form, '里程碑1日期', '2026-04-10')
    await form.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.points').innerText()).toMatch(/党委办公室[\s\S]*0\/1\s*下一步：制定实施方案（2026-04-10）[\s\S]*推进中/)

    await page.goto(`${app.bridge.url}#/workbench`)
    const row = page.locator('.todo .el-table__row', { hasText: '工作要点：推进党建与业务深度融合' })
    await expect.poll(() => row.innerText()).toContain('（里程碑：制定实施方案）')
    expect(await row.innerText()).toContain('还有 7 天')
    await row.getByRole('button', { name: '打开工作要点' }).click()
    await expect.poll(() => page.locator('.points').innerText()).toContain('推进党建与业务深度融合')
  })

  it('节点与附件：立项时设节点，进展反馈附上扫描件并列出、下载、撤回；节点过期未完成，工作台排第一', async () => {
    const { page } = app
    // the clock stands at 2026-04-03 (the tests above moved it)
    await page.goto(`${app.bridge.url}#/supervision`)
    await page.getByRole('button', { name: '新建督办事项' }).click()
    const create = dialog(page).filter({ hasText: '新建督办事项' })
    await create.getByLabel('督办事项').fill('门诊楼改造工程开工')
    await create.getByLabel('牵头部门').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '总务科' }).click()
    await setDate(create, '办理时限', '2026-05-31')
    await create.getByRole('button', { name: '＋ 添加节点' }).click()
    await create.getByLabel('第1个节点', { exact: true }).fill('完成施工图设计')
    await setDate(create, '第1个节点日期', '2026-04-10')
    await create.getByRole('button', { name: '＋ 添加节点' }).click()
    await create.getByLabel('第2个节点', { exact: true }).fill('完成施工图设计')
    await setDate(create, '第2个节点日期', '2026-06-01')
    // a 节点 after the 时限 and one repeated: each message under that 节点, nothing saved (docs/deadlines.md §14)
    await create.getByRole('button', { name: '立项' }).click()
    await expect
      .poll(() => create.locator('.milestone .el-form-item__error').allTextContents())
      .toEqual(['第2个节点：“完成施工图设计”与前面的节点重复', '第2个节点：日期（2026-06-01）不能晚于办理时限（2026-05-31）'])
    await create.screenshot({ animations: 'disabled', path: screenshotPath('supervision-milestone-errors.png') })
    await create.getByLabel('第2个节点', { exact: true }).fill('开工')
    await setDate(create, '第2个节点日期', '2026-05-15')
    await create.getByRole('button', { name: '立项' }).click()

    // the item opens with its 节点; progress is fed back with a scan attached
    const drawer = page.locator('.el-drawer:visible')
    await expect.poll(() => drawer.locator('.el-table').innerText()).toMatch(/完成施工图设计\s*2026-04-10\s*未完成[\s\S]*开工\s*2026-05-15/)
    await drawer.getByRole('button', { name: '进展反馈' }).click()
    const feedback = dialog(page).filter({ hasText: '进展反馈：' })
    await feedback.getByLabel('进展情况').fill('施工图已送审，附设计院回函')
    const scan = Buffer.from('%PDF-1.4\n设计院回函扫描件\n%%EOF')
    await feedback.getByLabel('选择附件').setInputFiles([{ name: '设计院回函.pdf', mimeType: 'application/pdf', buffer: scan }, { name: '错传的照片.png', mimeType: 'image/png', buffer: Buffer.from('png') }])
    await expect.poll(() => feedback.locator('.files').innerText()).toContain('设计院回函.pdf')
    await feedback.getByRole('button', { name: '确定进展反馈' }).click()
    const files = drawer.getByRole('list', { name: '附件' })
    await expect.poll(() => files.innerText()).toMatch(/设计院回函\.pdf[\s\S]*错传的照片\.png/)
    // the file comes back as it was attached
    const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('button', { name: '设计院回函.pdf' }).click()])
    const saved = join(dir, '回函.pdf')
    await download.saveAs(saved)
    expect(readFileSync(saved).equals(scan)).toBe(true)
    // a file attached by mistake is withdrawn with a reason and stays listed, marked
    await files.locator('li', { hasText: '错传的照片.png' }).getByRole('button', { name: '撤回' }).click()
    await messageBox(page).locator('input').fill('传错了照片')
    await messageBox(page).getByRole('button', { name: '撤回' }).click()
    await expect.poll(() => files.locator('li', { hasText: '错传的照片.png' }).innerText()).toMatch(/已撤回[\s\S]*传错了照片/)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('supervision-attachments.png') })
    await page.keyboard.press('Escape')

    // the day after the first 节点, not done: overdue for that 节点, among the overdue at the top of the 工作台 (with
    // the 工作要点 above, whose 里程碑 fell on the same day)
    await app.setToday('2026-04-11')
    await page.goto(`${app.bridge.url}#/workbench`)
    const rows = page.locator('.todo .el-table__row')
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('工作要点'), expect.stringContaining('门诊楼改造工程开工（节点：完成施工图设计）')])
    const first = rows.nth(1)
    expect(await first.innerText()).toContain('逾期 1 天')
    await page.screenshot({ animations: 'disabled', path: screenshotPath('workbench-milestone-overdue.png'), fullPage: true })
    await first.getByRole('button', { name: '打开督办事项' }).click()
    await expect.poll(() => drawer.locator('.head').innerText()).toContain('节点逾期：完成施工图设计')
    // marked done: no longer overdue, the next 节点 is what the 工作台 waits for
    await drawer.getByRole('button', { name: '登记完成' }).first().click()
    const done = dialog(page).filter({ hasText: '节点完成：' })
    await done.getByLabel('完成情况').fill('施工图审查合格')
    await done.getByRole('button', { name: '登记完成' }).click()
    await expect.poll(() => drawer.locator('.el-table').innerText()).toContain('2026-04-11 完成：施工图审查合格')
    await expect.poll(() => drawer.locator('.head').innerText()).not.toContain('逾期')
    await page.goto(`${app.bridge.url}#/workbench`)
    // 开工 falls next month: listed from 本季度内 on
    await page.getByRole('radio', { name: '本季度内' }).click({ force: true })
    await expect.poll(() => page.locator('.todo .el-table__row', { hasText: '门诊楼改造工程开工' }).innerText()).toMatch(/（节点：开工）[\s\S]*还有 34 天/)
  })
})
