import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fontsUsed, launchChromium, printPdf, sectionStartPages } from '../../electron/backend/cli/chromium-pdf'
import { binder, minutes, notice, roster, signInSheet, statisticsReport } from '../../electron/shared/print'
import { ink, pdfFonts, pdfPages, pdfSize, pdfText, pdfTextIn, savePngs } from './support/pdf'
import { UNIT } from './support/print-fixtures'
import { annualFactsFixture, binderFixture, minutesFixture, noticeFixture, rosterFixture, signInFixture } from './support/print-fixtures'

/**
 * Every template printed to PDF by Chromium (as the desktop app's printToPDF and the CLI do), then read back
 * with poppler: page size, page count, text, fonts, where the page numbers sit, and PNGs for a person to review.
 */
const dir = mkdtempSync(join(tmpdir(), 'dangban-print-'))
let browser: Browser
const CJK = /CJK|Han ?(Sans|Serif)|Ming|Hei|Song|Kai|Fang|仿宋|宋|黑|楷/i

async function pdf(name: string, html: string, css = ''): Promise<{ file: string; fonts: Record<string, string[]> }> {
  const page = await browser.newPage()
  await page.setContent(html, { waitUntil: 'load' })
  if (css) await page.addStyleTag({ content: css })
  const fonts = await fontsUsed(page, ['h1', 'p, td'])
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, await printPdf(page))
  await page.close()
  return { file, fonts }
}

const A4: [number, number] = [595, 842]
const MM = 72 / 25.4
/** the bottom margin band of a portrait page, split in halves: where "— n —" must (and must not) be */
const bottomLeft: [number, number, number, number] = [0, 842 - 35 * MM, 297, 35 * MM]
const bottomRight: [number, number, number, number] = [298, 842 - 35 * MM, 297, 35 * MM]

describe('打印（Chromium 渲染为 PDF，poppler 读回）', () => {
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('签到表：A4；40行一页；60人两页且每页重复表头、页次，合计只在末页；中文字体真实嵌入（不是方框）', async () => {
    const one = await pdf('signin-40', signInSheet(signInFixture(35, 5)))
    expect(pdfSize(one.file)).toEqual(A4)
    expect(pdfPages(one.file)).toBe(1)

    const two = await pdf('signin-60', signInSheet(signInFixture(60, 5)))
    expect(pdfPages(two.file)).toBe(2)
    const [p1, p2] = pdfText(two.file).map((t) => t.replace(/\s+/g, ''))
    for (const [p, n] of [[p1!, 1], [p2!, 2]] as const) {
      expect(p).toContain('支部党员大会暨党课签到表')
      expect(p).toContain('2025年3月5日')
      expect(p).toContain(`第${n}页共2页`)
      expect(p).toContain('序号姓名签名备注')
    }
    expect(p1).not.toContain('应到60人')
    expect(p2).toContain('应到60人')
    expect(p2).toContain('阿依古丽')

    // the title was drawn with a CJK font (DevTools), that font is embedded in the PDF (pdffonts) …
    expect(two.fonts.h1!.join()).toMatch(CJK)
    // every font is embedded (Chromium embeds Noto CJK as Type 3 glyph programs) with a Unicode map, so the
    // PDF prints the same on any printer and its text can be copied and searched
    const fonts = pdfFonts(two.file)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true)
    // … and the title line carries as much ink as the same line set in a known CJK font (boxes would not)
    const title: [number, number, number, number] = [28 * MM, 20 * MM, 160 * MM, 20 * MM]
    const known = await pdf('signin-60-known-font', signInSheet(signInFixture(60, 5)), "h1 { font-family: 'Noto Serif CJK SC' !important; }")
    const ratio = ink(two.file, 1, title) / ink(known.file, 1, title)
    expect(ratio).toBeGreaterThan(0.6)
    expect(ratio).toBeLessThan(1.6)
    savePngs(two.file, 'signin')
    savePngs(one.file, 'signin-one-page')
  })

  it('签到表：157人的大会五页，每页底部都留空白行给迟到的人，预填的人连续编号', async () => {
    const { file } = await pdf('signin-157', signInSheet(signInFixture(157, 5)))
    expect(pdfPages(file)).toBe(5)
    const pages = pdfText(file).map((t) => t.replace(/\s+/g, ''))
    pages.forEach((p, i) => expect(p).toContain(`第${i + 1}页共5页`))
    expect(pages[4]).toContain('应到157人')
    // every page ends its list with unnumbered rows: its last number is a multiple of 35 (or 157)
    const last = pages.map((p) => Math.max(...[...p.matchAll(/(\d+)(?=[\u4e00-\u9fa5·]{2,})/g)].map((m) => Number(m[1])).filter((n) => n <= 157)))
    expect(last).toEqual([35, 70, 105, 140, 157])
    savePngs(file, 'signin-157')
  })

  it('会议记录：表头（应到/实到/请假/缺席与原因、列席）、议程、决议票数、签字栏；页码单页居右、双页居左', async () => {
    const { file } = await pdf('minutes', minutes(minutesFixture()))
    expect(pdfSize(file)).toEqual(A4)
    // the header names the 21 present: three pages
    expect(pdfPages(file)).toBe(3)
    const all = pdfText(file).join('').replace(/\s+/g, '')
    for (const s of ['内部资料', '支部党员大会会议记录', '应到23人', '实到21人', '出席人员', '王志强（外出进修）', '刘丹', '列席人员入党积极分子孙雨桐', '一、会议议程', '（一）支部书记报告', '（四）支部书记宣布表决结果', '四、会议决议', '表决结果（票）', '同意反对弃权', '主持人（签字）', '记录人（签字）']) {
      expect(all).toContain(s)
    }
    // GB/T 9704 7.5: odd page numbers at the right, even at the left
    expect(pdfTextIn(file, 1, bottomRight)).toMatch(/—\s*1\s*—/)
    expect(pdfTextIn(file, 1, bottomLeft)).toBe('')
    expect(pdfTextIn(file, 2, bottomLeft)).toMatch(/—\s*2\s*—/)
    expect(pdfTextIn(file, 2, bottomRight)).toBe('')
    expect(pdfTextIn(file, 3, bottomRight)).toMatch(/—\s*3\s*—/)
    savePngs(file, 'minutes')
  })

  it('公示：出生只印年月；身份证号、电话、住址既不能传入也不会出现', async () => {
    const data = noticeFixture()
    const { file } = await pdf('notice', notice(data))
    expect(pdfPages(file)).toBe(1)
    const t = pdfText(file).join('').replace(/\s+/g, '')
    expect(t).toContain('关于拟确定发展对象的公示')
    expect(t).toContain('1995.6')
    expect(t).toContain('公示时间：2025年3月6日至2025年3月12日')
    expect(t).not.toMatch(/\d{17}[\dXx]/)
    expect(t).not.toMatch(/1[3-9]\d{9}/)
    // a caller that slips a member record in is stopped before anything is printed
    const leaky = { ...data, people: [{ ...data.people[0]!, idNumber: '110101199506150021', phone: '13812345678' }] }
    expect(() => notice(leaky as unknown as typeof data)).toThrow(/身份证号、电话或住址/)
    savePngs(file, 'notice')
  })

  it('党员名册：列多时横向 A4，每页重复表头，页码', async () => {
    const { file } = await pdf('roster', roster(rosterFixture(70)))
    expect(pdfSize(file)).toEqual([842, 595])
    const pages = pdfText(file)
    expect(pages.length).toBeGreaterThan(2)
    expect(pages.every((p) => /序号\s+姓名\s+性别/.test(p) && p.includes('所在党支部'))).toBe(true)
    expect(pages.at(-1)).toMatch(new RegExp(`—\\s*${pages.length}\\s*—`))
    const narrow = await pdf('roster-portrait', roster(rosterFixture(30, ['name', 'gender', 'birthMonth', 'education', 'title', 'department'])))
    expect(pdfSize(narrow.file)).toEqual(A4)
    savePngs(file, 'roster')
    savePngs(narrow.file, 'roster-portrait')
  })

  it('党内统计年报表：A4 横向；封面各项、按表号编排的各表、不能填的栏标“—”、核对与党员总数一致', async () => {
    const { file } = await pdf('statistics', statisticsReport(annualFactsFixture(), UNIT))
    expect(pdfSize(file)).toEqual([842, 595])
    const all = pdfText(file).join('').replace(/\s+/g, '')
    for (const s of ['2025年度党内统计年报表', '填报单位（盖章）：中共示范市第一人民医院委员会', '负责人（签名）', '填表人（签名）', '报出时间', '第一表两年党员数综合比较', '本年增加', '本年减少', '第二表党员基本情况', '台湾省籍', '第四表党员学历情况', '第八表民主评议党员情况', '第九表党员培训情况本表本院不能填写', '第十五表发展党员情况（二）', '附党员增减名单']) {
      expect(all).toContain(s)
    }
    expect(all).toContain('核对：学历各组合计282人，与党员总数282人一致。')
    expect(all).not.toContain('不符')
    savePngs(file, 'statistics')
  })

  it('年度工作记录汇编：封面无页码、目录页码与实际一致、每份记录另起一页、参加情况统计', async () => {
    const data = binderFixture()
    const page = await browser.newPage()
    await page.setContent(binder(data), { waitUntil: 'load' })
    const starts = await sectionStartPages(page, 'body > section')
    await page.close()
    const { file } = await pdf('binder', binder({ ...data, startPages: starts.slice(2) }))
    const pages = pdfText(file)
    expect(pages.length).toBe(pdfPages(file))
    expect(pages[0]).toContain('2025年度工作记录')
    expect(pages[0]).not.toMatch(/—\s*1\s*—/)
    expect(pages[1]).toMatch(/目\s*录/)
    // the measured start pages are right: each record's page begins with its number …
    data.meetings.forEach((_, i) => expect(pages[starts[i + 2]! - 1]!.replace(/\s+/g, '')).toMatch(new RegExp(`^第${i + 1}号`)))
    expect(pages[starts.at(-1)! - 1]).toContain('党员参加组织生活情况统计')
    // … and the contents' 页码 column (its right-most 14 mm) lists exactly those pages
    const column = pdfTextIn(file, 2, [(210 - 26 - 14) * MM, 37 * MM, 14 * MM, 225 * MM])
    expect(column.split(/\s+/).filter((w) => /^\d+$/.test(w)).map(Number)).toEqual(starts.slice(2))
    const last = pages.at(-1)!.replace(/\s+/g, '')
    expect(last).toContain('党员参加组织生活情况统计')
    expect(last).toContain('全年共召开会议3次')
    savePngs(file, 'binder')
  })
})
