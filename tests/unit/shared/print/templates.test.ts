import { describe, expect, it } from 'vitest'
import { binder, minutes, notice, roster, rosterColumns, rosterIsLandscape, sheetPageCount, signInSheet, type NoticePerson, type SignInPerson } from '../../../../electron/shared/print'
import { binderFixture, minutesFixture, noticeFixture, rosterFixture, signInFixture } from '../../../e2e/support/print-fixtures'

const rows = (html: string) => html.match(/<tr><td class="center">\d+<\/td>/g)?.length ?? 0

describe('打印模板：数据进、HTML 出', () => {
  it('所有内容都经过转义：姓名、会议内容里的尖括号不会变成标签', () => {
    const html = minutes(minutesFixture({ title: '<script>alert(1)</script>', minutes: '讨论了<b>加粗</b> & “引号”' }))
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('讨论了&lt;b&gt;加粗&lt;/b&gt; &amp; “引号”')
    const sheet = signInSheet({ ...signInFixture(1, 0), attendees: [{ name: '<img src=x onerror=alert(1)>' }] })
    expect(sheet).not.toContain('<img')
  })

  it('日期不带前导零（2025年3月5日），A4 页面规则随页面一起给出', () => {
    const html = minutes(minutesFixture())
    expect(html).toContain('2025年3月5日')
    expect(html).not.toContain('2025年03月05日')
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }')
    expect(html).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/)
    expect(html).toMatch(/@page :left \{ @bottom-left \{/)
  })

  it('“内部资料”标识按需出现', () => {
    expect(minutes(minutesFixture({ internal: true }))).toContain('<div class="internal">内部资料</div>')
    expect(minutes(minutesFixture({ internal: false }))).not.toContain('内部资料')
  })

  it('签到表每页40行：40行一页，41行两页；每页都有标题和表头，合计只在最后一页', () => {
    expect(sheetPageCount(signInFixture(35, 5))).toBe(1)
    expect(sheetPageCount(signInFixture(36, 5))).toBe(2)
    const html = signInSheet(signInFixture(60, 5))
    expect(html.match(/class="sheet-page"/g)).toHaveLength(2)
    expect(html.match(/签到表<\/h1>/g)).toHaveLength(2)
    expect(html.match(/<th>序号<\/th><th>姓名<\/th><th>签名<\/th><th>备注<\/th>/g)).toHaveLength(2)
    expect(html).toContain('第 2 页　共 2 页')
    expect(html.match(/应到 60 人/g)).toHaveLength(1)
    expect(html.lastIndexOf('应到 60 人')).toBeGreaterThan(html.lastIndexOf('class="sheet-page"'))
  })

  it('签到表预填应到人员，再留出空白行；20行以内单栏，超过20行左右两栏', () => {
    const small = signInSheet(signInFixture(12, 5))
    expect(rows(small)).toBe(17)
    expect(small).not.toContain('sheet two')
    const big = signInSheet(signInFixture(30, 5))
    expect(big).toContain('sheet two')
    // two groups: left 1–18, right 19–35 on one page
    expect(big).toMatch(/<td class="center">1<\/td>.*<td class="center split">19<\/td>/)
  })

  it('签到表和公示的人员类型不接受身份证号、电话、住址（编译时拒绝，运行时也拒绝）', () => {
    // @ts-expect-error — a sign-in person has no phone
    const withPhone: SignInPerson = { name: '王芳', phone: '13812345678' }
    // @ts-expect-error — a notice person has no ID number
    const withId: NoticePerson = { ...noticeFixture().people[0]!, idNumber: '11010519491231002X' }
    // @ts-expect-error — nor an address
    const withAddress: NoticePerson = { ...noticeFixture().people[0]!, address: '和平路1号' }
    expect(() => signInSheet({ ...signInFixture(0, 0), attendees: [withPhone] })).toThrow(/身份证号、电话或住址/)
    expect(() => notice({ ...noticeFixture(), people: [withId] })).toThrow(/身份证号、电话或住址/)
    expect(() => notice({ ...noticeFixture(), people: [withAddress] })).toThrow(/身份证号、电话或住址/)
  })

  it('公示只收出生年月（1995-06），完整出生日期被拒绝；三种公示的标题和日期列不同', () => {
    const base = noticeFixture()
    expect(() => notice({ ...base, people: [{ ...base.people[0]!, birthYearMonth: '1995-06-15' }] })).toThrow(/只印出生年月/)
    expect(notice(base)).toContain('申请入党时间')
    const admit = notice({ ...base, kind: '预备党员', people: [{ ...base.people[0]!, keyDates: { activistOn: '2023-09-12', candidateOn: '2024-09-20' } }] })
    expect(admit).toContain('关于拟接收预备党员的公示')
    expect(admit).toContain('2024.9.20')
    expect(notice({ ...base, kind: '转正' })).toContain('关于预备党员拟转为正式党员的公示')
  })

  it('名册只能用目录中的列；列宽超过版心时横向', () => {
    expect(rosterColumns(['name', 'idNumber', 'phone', 'address']).map((c) => c.key)).toEqual(['name'])
    expect(() => roster({ ...rosterFixture(1), columns: [{ key: 'idNumber', label: '身份证号', width: 30 }] })).toThrow(/不能打印“身份证号”/)
    expect(rosterIsLandscape(rosterColumns(['name', 'gender', 'birthMonth', 'education', 'title', 'department']))).toBe(false)
    expect(rosterIsLandscape(rosterFixture(1).columns)).toBe(true)
    expect(roster(rosterFixture(3))).toContain('size: A4 landscape')
    // 出生年月 as paper rosters write it
    expect(roster(rosterFixture(3))).toContain('<td class="center">1965.1</td>')
  })

  it('会议记录没有出勤名单时，应到实到留空待手填，不猜测', () => {
    const html = minutes(minutesFixture({ expected: null, present: null, absentees: [] }))
    expect(html.match(/______ 人/g)).toHaveLength(4)
  })

  it('汇编按给出的顺序装订每份记录，编号第 n 号；量出页码后目录才显示页码列', () => {
    const data = binderFixture()
    const html = binder(data)
    expect(html.indexOf('第 1 号')).toBeLessThan(html.indexOf('第 2 号'))
    expect(html).not.toContain('<th style="width:8%">页码</th>')
    expect(binder({ ...data, startPages: [3, 5, 7, 9] })).toMatch(/学习全国卫生健康工作会议精神<\/td><td class="p">3<\/td>/)
  })
})
