import { describe, expect, it } from 'vitest'
import { addDays, addMonths, addYears, daysBetween, formatChineseDate, fullYears, isIsoDate } from '../../../electron/shared/dates'

describe('日期', () => {
  it('只接受真实存在的公历日期', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-13-01')).toBe(false)
    expect(isIsoDate('2024-4-1')).toBe(false)
  })

  it('闰年按公历规则：整百年须能被400整除', () => {
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('1900-02-29')).toBe(false)
    expect(isIsoDate('2100-02-29')).toBe(false)
    expect(isIsoDate('2024-04-31')).toBe(false)
    expect(isIsoDate('2024-12-31')).toBe(true)
  })

  it('加月份时月末日期落在目标月的最后一天', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29')
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
  })

  it('周岁在生日当天才增加', () => {
    expect(fullYears('1990-12-31', '2020-12-30')).toBe(29)
    expect(fullYears('1990-12-31', '2020-12-31')).toBe(30)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
  })

  it('公文日期不带前导零', () => {
    expect(formatChineseDate('2024-03-05')).toBe('2024年3月5日')
  })
})
