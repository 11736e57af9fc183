import { describe, expect, it } from 'vitest'
import { binder, minutes, notice, roster, rosterColumns, rosterIsLandscape, sheetPageCount, signInSheet, type NoticePerson, type SignInPerson } from '../../../../electron/shared/print'
import { binderFixture, minutesFixture, noticeFixture, rosterFixture, signInFixture } from '../../../e2e/support/print-fixtures'

const rows = (html: string) => html.match(/<tr><td class="center">\d+<\/td>/g)?.length ?? 0
const blankRows = (html: string) => html.match(/<td class="center(?: split)?"><\/td><td class="name"><\/td>/g)?.length ?? 0

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
    expect(rows(small)).toBe(12)
    expect(blankRows(small)).toBe(5)
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

  it('157人的大会：每页都留5行空白给迟到的人签名，预填的人从1编到157不中断；请假及原因写在备注', () => {
    const attendees = signInFixture(157, 5).attendees.map((a, i) => (i === 3 ? { ...a, note: '请假：外出进修' } : a))
    const html = signInSheet({ ...signInFixture(157, 5), attendees })
    const pages = html.split('class="sheet-page"').slice(1)
    expect(pages).toHaveLength(5)
    expect(sheetPageCount({ attendees, blankRows: 5 })).toBe(5)
    for (const p of pages) expect(blankRows(p)).toBe(5)
    const numbers = html.match(/<td class="center(?: split)?">\d+<\/td>/g)!.map((c) => Number(/>(\d+)</.exec(c)![1])).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 157 }, (_, i) => i + 1))
    expect(html).toContain('<td class="note">请假：外出进修</td>')
    expect(html.match(/应到 157 人/g)).toHaveLength(1)
  })

  it('会议记录：议程在“一、会议议程”下按（一）（二）编号，不管干事原来怎么编；合并召开的写作“支部党员大会暨党课”', () => {
    const html = minutes(minutesFixture({ types: ['支部党员大会', '党课'], agenda: '一、报告培养考察情况\n2. 介绍人发言\n（三）讨论表决' }))
    expect(html).toContain('支部党员大会暨党课会议记录')
    expect(html).toContain('<h2>一、会议议程</h2><p>（一）报告培养考察情况</p><p>（二）介绍人发言</p><p>（三）讨论表决</p>')
    expect(html).not.toMatch(/<p>一、报告/)
  })

  it('会议记录：内容里干事自己编的“一、”在“二、会议内容”之下降一级印成（一），“（一）”印成 1.', () => {
    const html = minutes(minutesFixture())
    expect(html).toContain('<h2>二、会议内容</h2><p class="l2">（一）支部书记张建国同志报告培养考察情况</p>')
    expect(html).toContain('<p class="l2">（二）入党介绍人发言</p><p>1. 介绍人李海燕同志发言</p>')
    expect(html).not.toMatch(/<p[^>]*>一、支部书记张建国/)
  })

  it('会议记录：没填议程就不印这一节，没填内容留横线手写，纸上从不出现“（未填写）”', () => {
    const html = minutes(minutesFixture({ agenda: null, minutes: '  ', discussion: null }))
    expect(html).not.toContain('会议议程')
    expect(html).not.toContain('未填写')
    expect(html).toContain('<h2>一、会议内容</h2><div class="write-in"></div>')
    expect(html).toContain('<h2>二、会议决议</h2>')
  })

  it('会议记录：出席人员逐一列名，请假、缺席分别列名和原因；每项决议都有同意、反对、弃权栏（没登记票数的留空待填）', () => {
    const html = minutes(minutesFixture({ resolutions: [{ text: '同意接收赵敏同志为中共预备党员', category: null, yes: null, no: null, abstain: null }] }))
    expect(html).toMatch(/<th>出席人员<\/th><td colspan="7">[^<]*、[^<]*<\/td>/)
    expect(html.match(/<th>出席人员<\/th><td colspan="7">([^<]*)</)![1]!.split('、')).toHaveLength(21)
    expect(html).toContain('<th>请假人员<br>及原因</th><td colspan="7">王志强（外出进修）</td>')
    expect(html).toContain('<th>缺席人员<br>及原因</th><td colspan="7">刘丹</td>')
    expect(html).toContain('<th class="v">同意</th><th class="v">反对</th><th class="v">弃权</th>')
    expect(html).toContain('同意接收赵敏同志为中共预备党员</td><td class="v"></td><td class="v"></td><td class="v"></td>')
  })

  it('会议记录没有出勤名单时，应到实到留空待手填，不猜测', () => {
    const html = minutes(minutesFixture({ expected: null, present: null, presentNames: null, absentees: [] }))
    expect(html.match(/______ 人/g)).toHaveLength(4)
    expect(html).toContain('<th>出席人员</th><td colspan="7"></td>')
  })

  it('汇编按给出的顺序装订每份记录，编号第 n 号；量出页码后目录才显示页码列', () => {
    const data = binderFixture()
    const html = binder(data)
    expect(html.indexOf('第 1 号')).toBeLessThan(html.indexOf('第 2 号'))
    expect(html).not.toContain('<th style="width:8%">页码</th>')
    expect(binder({ ...data, startPages: [3, 5, 7, 9] })).toMatch(/学习全国卫生健康工作会议精神<\/td><td class="p">3<\/td>/)
  })
})
