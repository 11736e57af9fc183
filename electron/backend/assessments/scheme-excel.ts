import type { SchemeRow } from '../../shared/contract/assessments'
import { AUTO_SOURCES, fullMarks, RULE_KIND_LABELS, type AutoSource, type Dimension, type RuleKind, type Scheme } from '../../shared/rules/scoring'
import { AppError } from '../../shared/result'
import { findHeader, isFooterOrBlank, type FieldSpec } from '../excel/header'
import { normalizeText } from '../excel/normalize'
import { readWorkbook } from '../excel/read'
import { addStyledSheet, newWorkbook, toBase64 } from '../excel/styled'

/**
 * A scheme as one Excel sheet, one row per indicator: clerks write their hospital's 考核细则 in Excel, and the
 * same layout comes back out. Dimension name and weight may be left blank on the rows after the first ("同上").
 */
const FIELDS: FieldSpec[] = [
  { key: 'dimension', label: '考核维度', synonyms: ['维度', '一级指标', '考核项目', '项目'], required: true },
  { key: 'dimPoints', label: '维度分值', synonyms: ['维度权重', '权重', '一级指标分值', '项目分值'] },
  { key: 'key', label: '指标编号', synonyms: ['编号', '序号', '指标代码'] },
  { key: 'name', label: '指标名称', synonyms: ['指标', '二级指标', '考核内容', '考核指标'], required: true },
  { key: 'kind', label: '计分类型', synonyms: ['类型', '计分方式'] },
  { key: 'max', label: '分值上限', synonyms: ['分值', '满分', '标准分', '最高分'], required: true },
  { key: 'unit', label: '每次分值', synonyms: ['每次扣分', '每次加分', '单次分值'] },
  { key: 'target', label: '目标数', synonyms: ['目标', '计划数'] },
  { key: 'source', label: '自动取数', synonyms: ['数据来源', '自动来源'] },
  { key: 'guide', label: '评分标准', synonyms: ['考核标准', '评分细则', '评分办法', '说明'] },
]

const KIND_BY_LABEL = new Map<string, RuleKind>(Object.entries(RULE_KIND_LABELS).map(([k, v]) => [v, k as RuleKind]))
const SOURCE_BY_LABEL = new Map<string, AutoSource>(Object.entries(AUTO_SOURCES).flatMap(([k, v]) => [[normalizeText(v), k as AutoSource], [k, k as AutoSource]] as [string, AutoSource][]))
/** Names keep their full-width punctuation as written; only spaces are tidied (NFKC is for codes and numbers). */
const clean = (v: string | number | boolean | null): string => (v === null ? '' : String(v)).replace(/\s+/g, ' ').trim()

export async function schemeWorkbook(row: SchemeRow): Promise<string> {
  const s = row.scheme
  const wb = newWorkbook()
  addStyledSheet(wb, {
    name: '指标体系',
    title: `指标体系：${s.name}`,
    subtitle: `年度：${s.year}　版本：第${row.version}版　各维度分值合计：${fullMarks(s)}分${s.bonusMax !== undefined ? `　加分合计上限：${s.bonusMax}分` : ''}${row.isExample ? '　（示例，请按本院方案修改）' : ''}`,
    columns: FIELDS.map((f) => ({ header: f.label, key: f.key, width: f.key === 'guide' ? 50 : f.key === 'name' ? 36 : f.key === 'source' ? 28 : 12, text: f.key === 'key' })),
    rows: s.dimensions.flatMap((d) =>
      d.indicators.map((i) => ({
        dimension: d.name,
        dimPoints: d.points,
        key: i.key,
        name: i.name,
        kind: RULE_KIND_LABELS[i.kind],
        max: i.max,
        unit: i.unit ?? null,
        target: i.target ?? null,
        source: i.source ? AUTO_SOURCES[i.source] : null,
        guide: i.guide ?? null,
      })),
    ),
    landscape: true,
  })
  return toBase64(wb)
}

interface Issue {
  row: number
  column: string
  message: string
}

function num(text: string): number | null {
  const t = normalizeText(text)
  return t === '' ? null : Number.isFinite(Number(t)) ? Number(t) : NaN
}

/** Reads a scheme; every problem is reported with its row and column, and nothing is saved while any remain. */
export function readSchemeWorkbook(bytes: Uint8Array, fileName: string, defaultYear: number): Scheme {
  const sheets = readWorkbook(bytes, fileName)
  const found = sheets.map((sheet) => ({ sheet, header: findHeader(sheet.rows, FIELDS) })).find((x) => x.header)
  if (!found?.header) throw new AppError('VALIDATION', '找不到表头：第一行（或标题下面一行）应包含“考核维度”“指标名称”“分值上限”等列。可先导出一份指标体系作为模板')
  const { sheet, header } = found
  if (header.missingRequired.length) throw new AppError('VALIDATION', `缺少必需的列：${header.missingRequired.map((f) => f.label).join('、')}`)
  const above = sheet.rows.slice(0, header.rowIndex).flatMap((r) => r.map((c) => clean(c.value))).filter(Boolean)
  const title = above.find((t) => !/^年度[:：]/.test(t))
  const name = title?.replace(/^指标体系[:：]\s*/, '') || fileName.replace(/\.[^.]+$/, '')
  const yearMatch = above.map((t) => /年度[:：]\s*(\d{4})|(\d{4})\s*年/.exec(t)).find(Boolean)
  const year = yearMatch ? Number(yearMatch[1] ?? yearMatch[2]) : defaultYear
  const bonusMatch = above.map((t) => /加分合计上限[:：]\s*([\d.]+)/.exec(t)).find(Boolean)

  const issues: Issue[] = []
  const dims: Dimension[] = []
  let current = null as Dimension | null
  for (let r = header.rowIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? []
    if (isFooterOrBlank(cells)) continue
    const v: Record<string, string> = {}
    for (const [col, key] of header.columns) v[key] = clean(cells[col]?.value ?? null)
    const row = r + 1
    const issue = (key: string, message: string) => issues.push({ row, column: FIELDS.find((f) => f.key === key)!.label, message })
    if (v.dimension && v.dimension !== current?.name) {
      current = { name: v.dimension, points: 0, indicators: [] }
      dims.push(current)
      const p = num(v.dimPoints ?? '')
      if (p !== null && !(p > 0)) issue('dimPoints', '维度分值应为大于 0 的数字')
      else if (p !== null) current.points = p
    }
    if (!current) {
      issue('dimension', '第一个指标之前应写明考核维度')
      continue
    }
    const kind = v.kind ? KIND_BY_LABEL.get(normalizeText(v.kind)) : 'points'
    if (!kind) issue('kind', '计分类型应为 得分、扣分 或 加分')
    const max = num(v.max ?? '')
    if (max === null || !(max > 0)) issue('max', '分值上限应为大于 0 的数字')
    const unit = num(v.unit ?? '')
    if (unit !== null && !(unit > 0)) issue('unit', '每次分值应为大于 0 的数字')
    const target = num(v.target ?? '')
    if (target !== null && !(target > 0)) issue('target', '目标数应为大于 0 的数字')
    const source = v.source ? SOURCE_BY_LABEL.get(normalizeText(v.source)) : undefined
    if (v.source && !source) issue('source', `自动取数只能是：${Object.values(AUTO_SOURCES).join('、')}`)
    if (!v.name) issue('name', '请填写指标名称')
    const indicator = {
      key: normalizeText(v.key ?? '') || `${dims.length}.${current.indicators.length + 1}`,
      name: v.name ?? '',
      kind: kind ?? 'points',
      max: max ?? 0,
      ...(unit !== null && unit > 0 ? { unit } : {}),
      ...(target !== null && target > 0 ? { target } : {}),
      ...(source ? { source } : {}),
      ...(v.guide ? { guide: v.guide } : {}),
    }
    current.indicators.push(indicator)
  }
  if (!dims.length && !issues.length) throw new AppError('VALIDATION', '表中没有指标行')
  // a dimension without a weight counts its points indicators' full marks
  for (const d of dims) if (!d.points) d.points = d.indicators.filter((i) => i.kind === 'points').reduce((n, i) => n + i.max, 0) || 1
  if (issues.length) {
    throw new AppError(
      'VALIDATION',
      `指标体系有 ${issues.length} 处需要修改：${issues.slice(0, 5).map((i) => `第${i.row}行【${i.column}】${i.message}`).join('；')}${issues.length > 5 ? '……' : ''}`,
      issues.map((i) => ({ field: `第${i.row}行 ${i.column}`, message: i.message })),
    )
  }
  return { name, year, dimensions: dims, ...(bonusMatch ? { bonusMax: Number(bonusMatch[1]) } : {}) }
}
