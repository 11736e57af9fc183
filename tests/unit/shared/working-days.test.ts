import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'
import { countWorkingDays, noticePeriod, parseHolidayCalendar } from '../../../electron/shared/rules/working-days'

/** 公示期 in working days (docs/notice-rules.md), with the 2026 arrangement the software ships. */
const { calendar, problems } = parseHolidayCalendar(DEFAULT_SETTINGS['calendar.holidays'])

describe('公示期按工作日计算', () => {
  it('随软件附带的2026年节假日安排读得懂：33天放假、6个调休上班日；2027年尚未录入', () => {
    expect(problems).toEqual([])
    expect(calendar.get(2026)!.off.size).toBe(33)
    expect([...calendar.get(2026)!.on]).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    expect(calendar.has(2027)).toBe(false)
  })

  it('2026年12月7日（周一）起5个工作日到12月11日（周五），不是到下周一', () => {
    const p = noticePeriod('2026-12-07', 5, calendar)
    expect([p.from, p.to]).toEqual(['2026-12-07', '2026-12-11'])
    expect(countWorkingDays(p.from, p.to, calendar)).toBe(5)
    expect(countWorkingDays('2026-12-07', '2026-12-14', calendar)).toBe(6)
  })

  it('周末张贴从下一个工作日起算；国庆、春节放假跳过，调休上班的周六算工作日', () => {
    expect(noticePeriod('2026-12-05', 5, calendar)).toMatchObject({ from: '2026-12-07', to: '2026-12-11' })
    // 9月28–30日，10月1–7日放假，10月8、9日
    expect(noticePeriod('2026-09-28', 5, calendar)).toMatchObject({ from: '2026-09-28', to: '2026-10-09' })
    // 10月10日（周六）调休上班
    expect(noticePeriod('2026-10-09', 5, calendar)).toMatchObject({ from: '2026-10-09', to: '2026-10-14' })
    // 2月14日（周六）上班，15–23日春节
    expect(noticePeriod('2026-02-13', 5, calendar)).toMatchObject({ from: '2026-02-13', to: '2026-02-26' })
    expect(countWorkingDays('2026-02-13', '2026-02-26', calendar)).toBe(5)
  })

  it('跨入未录入安排的年份时只扣周末，并指出是哪一年', () => {
    const p = noticePeriod('2026-12-28', 5, calendar)
    expect(p).toEqual({ from: '2026-12-28', to: '2027-01-01', unknownYears: [2027] })
  })

  it('看不懂的行逐条指出，不悄悄少算', () => {
    const bad = parseHolidayCalendar('2026年：放假 13月1日、2月30日；上班 1月4日\n放假 1月1日\n2027年：放假 1月1日；加班 1月4日')
    expect(bad.problems).toHaveLength(4)
    expect(bad.problems.join()).toContain('13月1日')
    expect(bad.problems.join()).toContain('每行应以年份开头')
    expect(parseHolidayCalendar('2027年：放假 1月1日至3日；上班 1月4日').calendar.get(2027)!.off.size).toBe(3)
  })
})
