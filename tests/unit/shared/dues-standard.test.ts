import { describe, expect, it } from 'vitest'
import { formatYuan, rateOf, yuanOf } from '../../../electron/shared/dues'
import { categoryOfText, parseMonthText, parseYuan, standardOf } from '../../../electron/shared/rules/dues'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'

/** The standard a clerk would read off the 2008 table for a base typed in 元. */
const salary = (yuan: number) => {
  const s = standardOf('salary', Math.round(yuan * 100), DEFAULT_SETTINGS)
  return { rate: rateOf(s.rateBp), monthly: formatYuan(s.monthlyFen) }
}
const pension = (yuan: number) => {
  const s = standardOf('pension', Math.round(yuan * 100), DEFAULT_SETTINGS)
  return { rate: rateOf(s.rateBp), monthly: formatYuan(s.monthlyFen) }
}

describe('月交纳标准（中组发〔2008〕3号，全国默认）', () => {
  it('在职党员：每一档的上限本身属于该档，多一分就进入下一档', () => {
    expect(salary(2999.99)).toEqual({ rate: 0.005, monthly: '15.00' })
    expect(salary(3000)).toEqual({ rate: 0.005, monthly: '15.00' })
    expect(salary(3000.01)).toEqual({ rate: 0.01, monthly: '30.00' })
    expect(salary(5000)).toEqual({ rate: 0.01, monthly: '50.00' })
    expect(salary(5000.01)).toEqual({ rate: 0.015, monthly: '75.00' })
    expect(salary(10000)).toEqual({ rate: 0.015, monthly: '150.00' })
    expect(salary(10000.01)).toEqual({ rate: 0.02, monthly: '200.00' })
    expect(salary(25000)).toEqual({ rate: 0.02, monthly: '500.00' })
  })

  it('离退休党员：5000 元（含）0.5%，以上 1%', () => {
    expect(pension(5000)).toEqual({ rate: 0.005, monthly: '25.00' })
    expect(pension(5000.01)).toEqual({ rate: 0.01, monthly: '50.00' })
    expect(pension(3200)).toEqual({ rate: 0.005, monthly: '16.00' })
  })

  it('四舍五入到分：半分进位，不足半分舍去', () => {
    // 8523.30 × 1.5% = 127.8495 → 127.85; 4321.50 × 1% = 43.215 → 43.22; 2345.67 × 0.5% = 11.72835 → 11.73
    expect(salary(8523.3).monthly).toBe('127.85')
    expect(salary(4321.5).monthly).toBe('43.22')
    expect(salary(2345.67).monthly).toBe('11.73')
    expect(salary(4321.4).monthly).toBe('43.21')
  })

  it('取整到角或元是一项设置：同样的基数按设置取整', () => {
    const s = { ...DEFAULT_SETTINGS, 'dues.rounding': 'jiao' as const }
    expect(formatYuan(standardOf('salary', 432150, s).monthlyFen)).toBe('43.20')
    expect(formatYuan(standardOf('salary', 432500, s).monthlyFen)).toBe('43.30')
    expect(formatYuan(standardOf('salary', 852330, { ...DEFAULT_SETTINGS, 'dues.rounding': 'yuan' }).monthlyFen)).toBe('128.00')
  })

  it('学生、下岗失业、抚恤救济、低保党员每月 0.2 元，没有基数和比例；减免按支部决定的数额', () => {
    for (const c of ['student', 'flat'] as const) expect(standardOf(c, null, DEFAULT_SETTINGS)).toEqual({ category: c, baseFen: null, rateBp: null, monthlyFen: 20 })
    expect(yuanOf(standardOf('student', null, DEFAULT_SETTINGS).monthlyFen)).toBe(0.2)
    expect(standardOf('reduced', null, DEFAULT_SETTINGS, 0).monthlyFen).toBe(0)
  })

  it('档位和比例都是设置：改了分档线，标准随之改变', () => {
    const s = { ...DEFAULT_SETTINGS, 'dues.salaryBand1': 3500 }
    expect(rateOf(standardOf('salary', 350000, s).rateBp)).toBe(0.005)
    expect(rateOf(standardOf('salary', 350001, s).rateBp)).toBe(0.01)
  })
})

describe('财务名单里的写法', () => {
  it('人员类别：在职、在岗、退休党员、离休、学生、下岗、低保……都认得；减免单独识别；认不出的返回 null', () => {
    const cases: [string, string | null][] = [
      ['在职', 'salary'], ['在岗', 'salary'], ['在职人员', 'salary'], ['在岗职工', 'salary'], ['合同制', 'salary'],
      ['退休', 'pension'], ['离休', 'pension'], ['离退休', 'pension'], ['退休党员', 'pension'], ['离退休干部', 'pension'],
      ['学生', 'student'], ['研究生', 'student'], ['学生党员', 'student'],
      ['下岗', 'flat'], ['失业', 'flat'], ['下岗、失业', 'flat'], ['低保', 'flat'], ['领取最低生活保障金', 'flat'], ['依靠抚恤或救济生活', 'flat'], ['其他0.2元', 'flat'],
      ['减免', 'reduced'], ['在 职', 'salary'], ['农民', null], ['临时工？', null], ['', null],
    ]
    for (const [text, expected] of cases) expect(categoryOfText(text), text).toBe(expected)
  })

  it('金额：千分位、“元”、全角数字、人民币符号都可以；负数、文字、三位小数报错', () => {
    expect(parseYuan('8,500.00', '计算基数')).toEqual({ ok: true, value: 850000 })
    expect(parseYuan('12,345.6元', '计算基数')).toEqual({ ok: true, value: 1234560 })
    expect(parseYuan('８５００', '计算基数')).toEqual({ ok: true, value: 850000 })
    expect(parseYuan('￥3000.01', '计算基数')).toEqual({ ok: true, value: 300001 })
    expect(parseYuan('4500元/月', '计算基数')).toEqual({ ok: true, value: 450000 })
    expect(parseYuan(5000.01, '计算基数')).toEqual({ ok: true, value: 500001 })
    expect(parseYuan('-200', '计算基数')).toMatchObject({ ok: false, message: expect.stringContaining('不能为负数') })
    expect(parseYuan('八千', '计算基数')).toMatchObject({ ok: false, message: expect.stringContaining('不是数字') })
    expect(parseYuan('8,5', '计算基数')).toMatchObject({ ok: false })
    expect(parseYuan(6826.664, '计算基数')).toMatchObject({ ok: false, message: expect.stringContaining('两位小数') })
  })

  it('起始月份：2025-03、2025年3月、2025.3、202503、3月；Excel 数字 2025.1 分不清1月和10月，报错', () => {
    for (const text of ['2025-03', '2025-3', '2025/3', '2025.3', '2025年3月', '2025年03月', '202503', '2025-03-01', '2025年3月1日', '3月', '3']) {
      expect(parseMonthText(text, 2025), text).toEqual({ ok: true, value: '2025-03' })
    }
    expect(parseMonthText(2025.3, 2025)).toEqual({ ok: true, value: '2025-03' })
    expect(parseMonthText(2025.11, 2025)).toEqual({ ok: true, value: '2025-11' })
    expect(parseMonthText(2025.1, 2025)).toMatchObject({ ok: false, message: expect.stringContaining('分不清是1月还是10月') })
    expect(parseMonthText('2025-13', 2025)).toMatchObject({ ok: false })
    expect(parseMonthText('三月份', 2025)).toMatchObject({ ok: false, message: expect.stringContaining('无法识别') })
  })
})
