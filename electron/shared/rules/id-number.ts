import { nfkc } from '../text'
import codes from '../codes/code-lists.json'
import { formatIso, isIsoDate, type IsoDate } from '../dates'

/**
 * 公民身份号码 (GB 11643-1999, docs/rules.md §5): 6-digit region + YYYYMMDD birth + 3-digit sequence (odd = male,
 * even = female) + check character from the weighted sum mod 11. Only the province prefix is validated
 * (county codes change). 15-digit legacy numbers get "19" before the year and a computed check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'
const PROVINCES = codes.provinces as Record<string, string>

export interface IdFacts {
  /** normalized: 18 characters, upper-case X */
  value: string
  birthDate: IsoDate
  gender: '男' | '女'
  province: string
}

export type IdCheck = ({ ok: true } & IdFacts) | { ok: false; message: string }

export function checkChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!
  return CHECK[sum % 11]!
}

/** Full-width digits, spaces and a lower-case x are what clerks type; all are normalized before checking. */
export function normalizeIdText(raw: string): string {
  return nfkc(raw).replace(/[\s\u200b-\u200d\ufeff]/g, '').toUpperCase()
}

/**
 * Checks an ID number as typed (or as read from Excel). A number (Excel turned the column into numbers:
 * "1.10105E+17") has lost its last digits: it is reported, never repaired.
 */
export function parseIdNumber(raw: string | number): IdCheck {
  if (typeof raw === 'number' || /^\d(\.\d+)?E\+\d+$/i.test(String(raw).trim())) {
    return { ok: false, message: '身份证号被 Excel 存成了数字，末尾几位已经丢失：请把该列设置为“文本”格式后重新录入身份证号' }
  }
  let v = normalizeIdText(raw)
  if (/^\d{15}$/.test(v)) {
    const body = v.slice(0, 6) + '19' + v.slice(6)
    v = body + checkChar(body)
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return { ok: false, message: `身份证号“${String(raw).slice(0, 24)}”应为18位（前17位是数字，最后一位是数字或X）` }
  }
  const province = PROVINCES[v.slice(0, 2)]
  if (!province) return { ok: false, message: `身份证号前两位“${v.slice(0, 2)}”不是有效的省级行政区代码，请核对` }
  const birthDate = formatIso(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)))
  if (!isIsoDate(birthDate) || v.slice(6, 10) < '1900') return { ok: false, message: `身份证号中的出生日期“${v.slice(6, 14)}”不存在，请核对` }
  const expected = checkChar(v.slice(0, 17))
  if (v[17] !== expected) return { ok: false, message: `身份证号校验位错误（最后一位应为 ${expected}），请逐位核对是否录错` }
  return { ok: true, value: v, birthDate, gender: Number(v[16]) % 2 === 1 ? '男' : '女', province }
}

/** Screens show 110105********002X (first 6 + last 4); the full number only on deliberate reveal. */
export const maskIdNumber = (v: string | null): string | null => (v && v.length > 10 ? v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4) : v)
export const maskPhone = (v: string | null): string | null => (v && v.length >= 7 ? v.slice(0, 3) + '****' + v.slice(-4) : v)
export const maskAddress = (v: string | null): string | null => (v ? [...v].slice(0, 6).join('') + (v.length > 6 ? '****' : '') : v)
