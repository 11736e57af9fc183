import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { binder, minutes, notice, roster, signInSheet, type MinutesData } from '../../electron/shared/print'
import { chromiumPath, screenshotPath } from './support/app'

const dir = mkdtempSync(join(tmpdir(), 'dangban-print-'))
let browser: Browser

/** The font Chromium actually used for the title (DevTools protocol): a CJK font, not a fallback drawing boxes. */
async function usedFont(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument')
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  return fonts.map((f) => f.familyName).join(',')
}
const fontsUsed: Record<string, string> = {}

async function pdf(name: string, html: string): Promise<string> {
  const page = await browser.newPage()
  await page.setContent(html, { waitUntil: 'load' })
  fontsUsed[name] = await usedFont(page)
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  await page.close()
  return file
}
const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' })
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(info(file))![1])
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })

/** PNG pages for a person to look at (test-results/, or the reviewed copies with UPDATE_SCREENSHOTS=1). */
function pngs(file: string, name: string): string[] {
  const out = join(dir, name)
  execFileSync('pdftoppm', ['-png', '-r', '60', file, out])
  const made = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort()
  const target = screenshotPath(`print/${name}.png`).replace(/\.png$/, '')
  mkdirSync(join(target, '..'), { recursive: true })
  made.forEach((f, i) => copyFileSync(join(dir, f), `${target}-${i + 1}.png`))
  return made.map((f) => join(dir, f))
}

const names = Array.from({ length: 60 }, (_, i) => ({ name: `党员${String(i + 1).padStart(2, '0')}`, note: i % 9 === 0 ? '预备党员' : null }))

describe('打印（Chromium 渲染为 PDF）', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('签到表：A4；40人一页，60人两页；中文字体嵌入（不是方框）', async () => {
    const base = { unitName: '中共示范医院委员会', organizationName: '内科第一党支部', title: '学习贯彻全会精神', types: ['支部党员大会', '党课'], heldOn: '2025-03-05', time: '14:30', place: '门诊楼三楼会议室', host: '张三', blankRows: 0 }
    const one = await pdf('signin-40', signInSheet({ ...base, attendees: names.slice(0, 35), blankRows: 5 }))
    expect(pages(one)).toBe(1)
    expect(info(one)).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
    const two = await pdf('signin-60', signInSheet({ ...base, attendees: names }))
    expect(pages(two)).toBe(2)
    // every glyph of the title came from a CJK font (Chromium embeds it; a missing font would mean boxes)
    expect(fontsUsed['signin-60']).toMatch(/CJK|Han|Ming|Hei|Song|Kai|Fang|宋|黑|楷/i)
    expect(execFileSync('pdffonts', [two], { encoding: 'utf8' })).toMatch(/yes\s+no\s+yes/)
    const t = text(two)
    expect(t).toContain('签到表')
    expect(t).toContain('2025年3月5日')
    expect(t).toMatch(/—\s*2\s*—/)
    pngs(two, 'signin')
  })

  it('会议记录：表头、议程、决议与票数、签字栏、页码', async () => {
    const file = await pdf(
      'minutes',
      minutes({
        unitName: '中共示范医院委员会', organizationName: '内科第一党支部', title: '讨论接收预备党员', types: ['支部党员大会'], heldOn: '2025-03-05', time: '14:30—16:00', place: '会议室', host: '张三', recorder: '李四', lecturer: null,
        expected: 12, present: 10, absentees: [{ name: '王五', status: '请假', reason: '外出进修' }], observers: '入党积极分子赵六',
        agenda: '一、介绍发展对象情况\n二、讨论表决', minutes: '支部书记介绍了发展对象的培养考察情况。\n与会党员逐一发表意见。', discussion: null,
        resolutions: [{ text: '同意接收赵敏同志为中共预备党员', category: null, yes: 10, no: 0, abstain: 0 }], quorum: '到会人数超过应到会有表决权党员的半数，会议有效',
      }),
    )
    const t = text(file)
    for (const s of ['会议记录', '应到', '王五（请假：外出进修）', '同意 10 票', '主持人（签字）', '内部资料']) expect(t).toContain(s)
    expect(t).toMatch(/—\s*1\s*—/)
    pngs(file, 'minutes')
  })

  it('公示：只有出生年月，没有身份证号、电话、住址', async () => {
    const html = notice({
      kind: '发展对象', issuer: '中共示范医院内科第一支部委员会', issuedOn: '2025-03-05', periodFrom: '2025-03-06', periodTo: '2025-03-12', feedback: '电话 0000-1234567 或到党委办公室',
      people: [{ name: '赵敏', gender: '女', ethnicity: '汉族', birthYearMonth: '1995年6月', education: '硕士研究生', department: '心血管内科', title: '主治医师', keyDate: '2024-01-10' }],
    })
    // the type has no field for sensitive data; nothing that looks like an ID number can appear
    expect(html).not.toMatch(/\d{17}[\dX]/)
    const file = await pdf('notice', html)
    const t = text(file)
    expect(t).toContain('关于拟确定发展对象的公示')
    expect(t.replace(/\s/g, '')).toContain('1995年6月')
    expect(t).not.toMatch(/\d{17}[\dX]/)
    pngs(file, 'notice')
  })

  it('党员名册：列多时横向，每页重复表头', async () => {
    const columns = ['姓名', '性别', '民族', '出生日期', '学历', '人员类别', '所在党支部', '入党日期', '转正日期', '职称', '科室'].map((label, i) => ({ key: `c${i}`, label }))
    const rows = Array.from({ length: 70 }, (_, i) => Object.fromEntries(columns.map((c, j) => [c.key, j === 0 ? `党员${i + 1}` : j === 6 ? '内科第一党支部' : '—'])))
    const file = await pdf('roster', roster({ unitName: '中共示范医院委员会', title: '党员名册', asOf: '2025-12-31', columns, rows, internal: true }))
    expect(info(file)).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/)
    expect(pages(file)).toBeGreaterThan(1)
    const perPage = text(file).split('\f').filter((p) => p.trim())
    expect(perPage.every((p) => p.includes('所在党支部'))).toBe(true)
    pngs(file, 'roster')
  })

  it('年度工作记录汇编：封面、目录、每次会议另起一页、参加情况统计、页码', async () => {
    const meeting = (heldOn: string, title: string): MinutesData => ({
      unitName: '中共示范医院委员会', organizationName: '内科第一党支部', title, types: ['主题党日'], heldOn, time: '14:30', place: '会议室', host: '张三', recorder: '李四', lecturer: null,
      expected: 10, present: 9, absentees: [{ name: '王五', status: '请假', reason: '值班' }], observers: null, agenda: '一、学习\n二、讨论', minutes: '会议学习了有关文件。', discussion: null, resolutions: [], quorum: null,
    })
    const file = await pdf('binder', binder({ unitName: '中共示范医院委员会', branchName: '内科第一党支部', year: 2025, meetings: [meeting('2025-01-10', '一月主题党日'), meeting('2025-02-14', '二月主题党日'), meeting('2025-03-12', '三月主题党日')], attendance: [{ name: '张三', attended: 3, expected: 3 }, { name: '王五', attended: 0, expected: 3 }] }))
    expect(pages(file)).toBe(6)
    const perPage = text(file).split('\f')
    expect(perPage[0]).toContain('党支部工作记录')
    expect(perPage[1]).toContain('目')
    expect(perPage[2]).toContain('一月主题党日')
    expect(perPage[4]).toContain('三月主题党日')
    expect(perPage[5]).toContain('党员参加组织生活情况统计')
    expect(perPage[5]).toMatch(/—\s*6\s*—/)
    pngs(file, 'binder')
  })
})
