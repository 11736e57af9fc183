import { describe, expect, it } from 'vitest'
import { ageBand, educationGroup, isCollegeOrAbove, joinPeriod, tally, AGE_BANDS } from '../../../electron/shared/rules/statistics'

describe('党内统计分组', () => {
  it('年龄按12月31日的周岁计算：12月31日生日当天满岁', () => {
    expect(ageBand('1990-12-31', '2020-12-31')).toBe('30岁及以下')
    expect(ageBand('1989-12-31', '2020-12-31')).toBe('31-35岁')
    expect(ageBand('1990-01-01', '2020-12-31')).toBe('30岁及以下')
    expect(ageBand('1989-01-01', '2020-12-31')).toBe('31-35岁')
    expect(ageBand('1985-01-01', '2020-12-31')).toBe('31-35岁')
    expect(ageBand('1984-12-31', '2020-12-31')).toBe('36-40岁')
    expect(ageBand('1960-01-01', '2020-12-31')).toBe('56-60岁')
    expect(ageBand('1959-12-31', '2020-12-31')).toBe('61岁及以上')
    expect(ageBand('1960-01-01', '2021-12-31')).toBe('61岁及以上')
  })

  it('入党时间段的边界：1978-12-31 属于第二段，1979-01-01 属于第三段', () => {
    expect(joinPeriod('1949-09-30')).toBe('1949年10月以前')
    expect(joinPeriod('1949-10-01')).toBe('1949年10月至1978年12月')
    expect(joinPeriod('1978-12-31')).toBe('1949年10月至1978年12月')
    expect(joinPeriod('1979-01-01')).toBe('1979年1月至2012年10月')
    expect(joinPeriod('2012-10-31')).toBe('1979年1月至2012年10月')
    expect(joinPeriod('2012-11-01')).toBe('2012年11月以后')
  })

  it('学历归入统计口径，大专及以上包含研究生、本科、专科', () => {
    expect(educationGroup('硕士研究生')).toBe('研究生')
    // written as rosters do, without the degree (GB/T 4658 code 10)
    expect(educationGroup('研究生')).toBe('研究生')
    expect(educationGroup('21')).toBe('大学本科')
    expect(educationGroup('技工学校')).toBe('高中·中技')
    expect(educationGroup('未知学历')).toBeNull()
    expect(isCollegeOrAbove('大学专科')).toBe(true)
    expect(isCollegeOrAbove('中专')).toBe(false)
  })

  it('计数保留所有分组（为零的也列出）', () => {
    const t = tally(AGE_BANDS, ['31-35岁', '31-35岁', null])
    expect(Object.keys(t)).toHaveLength(8)
    expect(t['31-35岁']).toBe(2)
    expect(t['61岁及以上']).toBe(0)
  })
})
