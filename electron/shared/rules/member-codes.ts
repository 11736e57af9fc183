import { nfkc } from '../text'
import codes from '../codes/code-lists.json'
import { OCCUPATIONS } from '../members'

/**
 * Coded roster fields (docs/rules.md §5): 民族 (GB/T 3304), 学历 (GB/T 4658), 学位, 职业类别 (statistics, §6).
 * Clerks and old spreadsheets write the short forms ("汉", "本科", "大专"); those map to the standard name,
 * anything else is refused with the list of accepted values — a wrong code would silently drop out of the
 * annual statistics. 职称 stays free text: the list is local and editable.
 */
export type CodedField = 'ethnicity' | 'education' | 'degree' | 'occupation'

export const CODED_FIELD_LABELS: Record<CodedField, string> = { ethnicity: '民族', education: '学历', degree: '学位', occupation: '职业类别' }

const ETHNIC_NAMES = codes.ethnicGroups.map((e) => e.name)
const EDUCATION_NAMES = codes.education.map((e) => e.name)

/** Accepted spellings → the standard name. Built once from the code lists plus the short forms seen in rosters. */
const ALIASES: Record<CodedField, Map<string, string>> = {
  ethnicity: new Map([
    ...codes.ethnicGroups.map((e) => [e.name, e.name] as [string, string]),
    ...codes.ethnicGroups.map((e) => [e.code, e.name] as [string, string]),
    // "汉" for 汉族; 其他 / 外国血统中国籍人士 have no short form
    ...codes.ethnicGroups.filter((e) => e.name.endsWith('族')).map((e) => [e.name.slice(0, -1), e.name] as [string, string]),
  ]),
  education: new Map([
    ...codes.education.map((e) => [e.name, e.name] as [string, string]),
    ...codes.education.map((e) => [e.code, e.name] as [string, string]),
    // 研究生 alone is the standard's own group level (GB/T 4658 code 10), as rosters write it without the degree
    ['博士', '博士研究生'],
    ['硕士', '硕士研究生'],
    ['本科', '大学本科'],
    ['大学', '大学本科'],
    ['大本', '大学本科'],
    ['大专', '大学专科'],
    ['专科', '大学专科'],
    ['中专', '中等专科'],
    ['职高', '职业高中'],
    ['技校', '技工学校'],
    ['高中', '普通高中'],
  ]),
  degree: new Map([...codes.degrees.map((d) => [d, d] as [string, string]), ...codes.degrees.filter((d) => d !== '无').map((d) => [`${d}学位`, d] as [string, string])]),
  occupation: new Map([
    ...OCCUPATIONS.map((o) => [o, o] as [string, string]),
    ['工人', '工人（工勤技能人员）'],
    ['工勤技能人员', '工人（工勤技能人员）'],
    ['工人(工勤技能人员)', '工人（工勤技能人员）'],
    ['离退休', '离退休人员'],
    ['退休', '离退休人员'],
    ['专技人员', '专业技术人员'],
  ]),
}

function allowed(field: CodedField): string {
  const names = field === 'ethnicity' ? ['汉族', '回族', '满族', '…（56个民族）', '其他', '外国血统中国籍人士'] : field === 'education' ? EDUCATION_NAMES : field === 'degree' ? codes.degrees : [...OCCUPATIONS]
  return names.join('、')
}

export type CodeCheck = { ok: true; value: string | null } | { ok: false; message: string }

/** The standard name for what was typed (null stays null), or a message that says what to write instead. */
export function normalizeCode(field: CodedField, raw: string | null): CodeCheck {
  if (raw === null) return { ok: true, value: null }
  const text = nfkc(raw).replace(/\s+/g, '')
  if (!text) return { ok: true, value: null }
  // rosters often add the word itself: 本科学历, 大专毕业, 硕士研究生学历
  const bare = field === 'education' ? text.replace(/(学历|毕业)$/, '') : text
  const found = ALIASES[field].get(text) ?? ALIASES[field].get(raw.trim()) ?? ALIASES[field].get(bare)
  if (found) return { ok: true, value: found }
  if (field === 'ethnicity' && !ETHNIC_NAMES.includes(text)) return { ok: false, message: `民族“${raw}”不在国家标准（GB/T 3304）的56个民族中，请写全称，如“汉族”“回族”；无法确定的填“其他”` }
  return { ok: false, message: `${CODED_FIELD_LABELS[field]}“${raw}”不是规定的写法，请填写：${allowed(field)}` }
}
