import codes from '../codes/code-lists.json'
import { fullYears, type IsoDate } from '../dates'

/**
 * Annual party statistics (党内统计, docs/rules.md §6): snapshot on a date (default 31 December), buckets computed
 * from exact dates — never stored. Pure functions over plain records so every number is explainable.
 */
export const AGE_BANDS = ['30岁及以下', '31-35岁', '36-40岁', '41-45岁', '46-50岁', '51-55岁', '56-60岁', '61岁及以上'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

export const JOIN_PERIODS = ['1949年10月以前', '1949年10月至1978年12月', '1979年1月至2012年10月', '2012年11月以后'] as const
export type JoinPeriod = (typeof JOIN_PERIODS)[number]

export const EDUCATION_GROUPS = ['研究生', '大学本科', '大学专科', '中专', '高中·中技', '初中及以下'] as const
export type EducationGroup = (typeof EDUCATION_GROUPS)[number]

/** The row of every distribution that counts the people whose record lacks the item, so 合计 = 党员总数. */
export const UNFILLED = '未填'

/** Age in full years on the snapshot date: born 1990-12-31 is 30 on 2020-12-31, 29 the day before. */
export function ageBand(birthDate: IsoDate, asOf: IsoDate): AgeBand {
  const age = fullYears(birthDate, asOf)
  if (age <= 30) return '30岁及以下'
  if (age >= 61) return '61岁及以上'
  const lower = Math.floor((age - 31) / 5) * 5 + 31
  return `${lower}-${lower + 4}岁` as AgeBand
}

/**
 * Joining periods by 入党日期: the founding of the PRC (1949-10-01), the 3rd Plenum of the 11th CC
 * (through 1978-12-31) and the 18th Congress (from 2012-11-01).
 */
export function joinPeriod(joinedOn: IsoDate): JoinPeriod {
  if (joinedOn < '1949-10-01') return '1949年10月以前'
  if (joinedOn <= '1978-12-31') return '1949年10月至1978年12月'
  if (joinedOn <= '2012-10-31') return '1979年1月至2012年10月'
  return '2012年11月以后'
}

const EDUCATION_BY_NAME = new Map(codes.education.map((e) => [e.name, e.group as EducationGroup]))
const EDUCATION_BY_CODE = new Map(codes.education.map((e) => [e.code, e.group as EducationGroup]))

/** The statistics group of an education level (GB/T 4658 name or code); unknown → null (reported as missing). */
export function educationGroup(education: string | null): EducationGroup | null {
  if (!education) return null
  return EDUCATION_BY_NAME.get(education) ?? EDUCATION_BY_CODE.get(education) ?? null
}

/** 大专及以上 = 研究生, 大学本科, 大学专科. */
export const isCollegeOrAbove = (g: EducationGroup | null): boolean => g === '研究生' || g === '大学本科' || g === '大学专科'

export const isMinority = (ethnicity: string | null): boolean => !!ethnicity && ethnicity !== '汉族' && ethnicity !== '01'

/** Counts each key of a fixed list (zeros kept, so tables always have every row). */
export function tally<K extends string>(keys: readonly K[], values: readonly (K | null)[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
  for (const v of values) if (v !== null && v in out) out[v]++
  return out
}

/** 职称 levels as the structure charts count them (code lists: titleLevels); a title not listed counts as 无. */
export const TITLE_LEVELS = ['正高', '副高', '中级', '初级', '无'] as const
export type TitleLevel = (typeof TITLE_LEVELS)[number]
const LEVEL_OF = new Map<string, TitleLevel>(Object.entries(codes.titleLevels).flatMap(([level, titles]) => titles.map((t) => [t, level as TitleLevel] as [string, TitleLevel])))
export const titleLevel = (title: string | null): TitleLevel => LEVEL_OF.get(title ?? '') ?? '无'
/** the titles of one level (empty for 无, which is everything else) */
export const titlesOfLevel = (level: TitleLevel): string[] => [...LEVEL_OF].filter(([, l]) => l === level).map(([t]) => t)
/** every title that has a level */
export const leveledTitles = (): string[] => [...LEVEL_OF.keys()]

