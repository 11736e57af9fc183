/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayLocal } from '../../electron/shared/dates'
import { screenshotPath, startApp, type TestApp } from './support/app'
import { pdfPages, pdfSize, pdfText } from './support/pdf'
import { names } from './support/print-fixtures'

/**
 * The print preview in the real renderer (browser mode): reached from the screens' 打印 buttons, printed by
 * Chromium's own print (page.pdf() is what window.print() produces), with the font in use named.
 */
const dir = mkdtempSync(join(tmpdir(), 'dangban-preview-'))
const PHONE = '13912345678'

async function printed(page: Page, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  return file
}

describe('打印预览（浏览器中的真实界面）', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startApp()
    const call = (m: string, i: unknown) => app.must(m, i)
    await call('settings.update', { key: 'unit.name', value: '中共示范市第一人民医院委员会' })
    const c = await call('orgs.create', { name: '中共示范市第一人民医院委员会', type: 'committee', parentId: null })
    const b = await call('orgs.create', { name: '内科第一党支部', type: 'branch', parentId: c.id, foundedOn: '2010-01-01' })
    for (const [i, name] of names(45).entries()) {
      await call('members.create', { organizationId: b.id, fields: { name, gender: i % 2 ? '女' : '男', joinedOn: '2001-07-01', convertedOn: '2002-07-01', phone: PHONE, address: '示范市和平路1号', department: '心血管内科' } })
    }
    await call('members.create', { organizationId: b.id, fields: { name: '赵敏', gender: '女', birthDate: '1995-06-15', appliedOn: '2022-10-08', activistOn: '2023-09-12', phone: PHONE, department: '心血管内科', education: '硕士研究生', title: '主治医师' } })
    const today = todayLocal()
    for (const [heldOn, title] of [[`${today.slice(0, 8)}01`, '主题党日：学习全会精神'], [today, '主题党日：志愿服务']] as const) {
      await call('meetings.create', { organizationId: b.id, types: ['theme_day'], title, heldOn, place: '门诊楼三楼会议室', host: '王伟' })
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  it('批量打印本月签到表：后台生成并显示进度，预览写明所用字体，打印出来只有签到表本身', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '会议记录' }).click()
    // remember whether the progress bar was ever shown (the job may finish quickly)
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean }
      w.sawProgress = false
      new MutationObserver(() => (w.sawProgress ||= !!document.querySelector('.progress [role="progressbar"], .progress .el-progress'))).observe(document.body, { childList: true, subtree: true })
    })
    await page.getByRole('button', { name: '打印本月全部签到表' }).click()
    await expect.poll(() => page.locator('.toolbar .title').innerText(), { timeout: 30_000 }).toContain('签到表（2份）')
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true)
    expect(await page.locator('.toolbar .title').innerText()).toContain('共 4 页')
    expect(await page.locator('.toolbar .fonts').innerText()).toMatch(/打印字体：.*Noto (Serif|Sans) CJK SC/)
    await page.mouse.move(700, 500)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('print/preview-signin-batch.png') })

    const file = await printed(page, 'batch')
    expect(pdfSize(file)).toEqual([595, 842])
    expect(pdfPages(file)).toBe(4)
    const text = pdfText(file).join('')
    expect(text).toContain('主题党日签到表')
    expect(text).not.toContain('返回')
    expect(text).not.toContain('打印字体')
    expect(text).not.toContain(PHONE)
    await page.getByRole('button', { name: '返回' }).click()
  })

  it('名册页按当前筛选打印名册：横向、不含电话住址', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '党员名册' }).click()
    await page.getByLabel('查找人员').fill('心血管')
    await page.getByRole('button', { name: '打印名册' }).click()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain('党员名册')
    expect(await page.locator('.print-sheet.landscape').count()).toBe(1)
    expect(await page.locator('.print-sheet').innerText()).toContain('查找“心血管”')
    const file = await printed(page, 'roster')
    expect(pdfSize(file)).toEqual([842, 595])
    const text = pdfText(file).join('')
    expect(text).not.toContain(PHONE)
    expect(text).not.toContain('和平路')
    expect(text).not.toContain('赵敏') // still an activist, not on the roster
    await page.getByRole('button', { name: '返回' }).click()
  })

  it('发展党员页打印发展对象公示：只印出生年月，不印电话', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '党员名册' }).click()
    await page.getByRole('tab', { name: '发展党员' }).click()
    await page.getByRole('button', { name: '打印公示' }).click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.getByLabel('意见反映渠道').fill('院党委办公室（门诊楼五楼，电话 0000-1234567）')
    await dialog.getByText('赵敏').click()
    await dialog.getByRole('button', { name: '预览并打印' }).click()
    await expect.poll(() => page.locator('.print-sheet').innerText()).toContain('关于拟确定发展对象的公示')
    const sheet = await page.locator('.print-sheet').innerText()
    expect(sheet).toContain('1995.6')
    expect(sheet).not.toContain('1995.6.15')
    expect(sheet).not.toContain(PHONE)
    // the period starts on the next working day (hash router: the query sits in the hash)
    const from = /periodFrom=([\d-]+)/.exec(decodeURIComponent(page.url()))?.[1]
    expect(from! > todayLocal()).toBe(true)
    expect(from! <= addDays(todayLocal(), 3)).toBe(true)
    await page.mouse.move(700, 500)
    await page.screenshot({ animations: 'disabled', path: screenshotPath('print/preview-notice.png') })
    const file = await printed(page, 'notice')
    expect(pdfPages(file)).toBe(1)
    expect(pdfText(file).join('')).toContain('公示期间')
  })
})
