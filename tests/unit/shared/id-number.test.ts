import { describe, expect, it } from 'vitest'
import { maskIdNumber, parseIdNumber } from '../../../electron/shared/rules/id-number'

describe('公民身份号码（GB 11643）', () => {
  it('接受国家标准中的有效样例，并得出出生日期和性别', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: '女', province: '北京市' })
    expect(parseIdNumber('34052419800101001X')).toMatchObject({ ok: true, birthDate: '1980-01-01', gender: '男', province: '安徽省' })
  })

  it('小写 x、全角数字和多余空格先规范化再校验', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, value: '11010519491231002X' })
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, value: '11010519491231002X' })
    expect(parseIdNumber('110105 1949 1231 002X')).toMatchObject({ ok: true })
  })

  it('拒绝校验位错误的身份证号，并说明正确的校验位', () => {
    const r = parseIdNumber('110105194912310021')
    expect(r).toEqual({ ok: false, message: '身份证号校验位错误（最后一位应为 X），请逐位核对是否录错' })
  })

  it('拒绝不存在的出生日期和无效的省份代码', () => {
    expect(parseIdNumber('110105194902300028')).toMatchObject({ ok: false, message: expect.stringContaining('出生日期') })
    expect(parseIdNumber('991050194912310021')).toMatchObject({ ok: false, message: expect.stringContaining('省级行政区代码') })
  })

  it('15 位旧号码补“19”并计算校验位', () => {
    expect(parseIdNumber('110105491231002')).toMatchObject({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31' })
  })

  it('被 Excel 存成数字的身份证号报错，绝不“修复”', () => {
    expect(parseIdNumber(110105194912310020)).toMatchObject({ ok: false, message: expect.stringContaining('设置为“文本”格式') })
    expect(parseIdNumber('1.10105E+17')).toMatchObject({ ok: false, message: expect.stringContaining('末尾几位已经丢失') })
  })

  it('屏幕上只显示前6位和后4位', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
  })
})
