import type { ScoresImportResult } from '../../shared/contract/assessments'
import { isLocked, currentStage } from '../../shared/rules/review-chain'
import { RULE_KIND_LABELS, type Indicator } from '../../shared/rules/scoring'
import { AppError } from '../../shared/result'
import { recordAudit } from '../audit'
import type { CallContext } from '../context'
import { cellText, normalizeText } from '../excel/normalize'
import { readWorkbook } from '../excel/read'
import { addStyledSheet, newWorkbook, toBase64 } from '../excel/styled'
import { getRound, getScheme, listEntries, saveEntry } from './repository'

/**
 * Scores from a spreadsheet (`import scores <file>`): one row per branch, one column per indicator,
 * headed “指标名称【编号】” as in the template. Scores land at each branch's current stage as a draft; nothing is
 * submitted, and approved (locked) branches are refused. Blank cells keep what was there.
 */
const ORG_HEADERS = ['党支部', '党组织', '支部', '单位', '支部名称']
const header = (i: Indicator) => `${i.name}【${i.key}】`
const NOTE_PREFIX = '佐证说明'

export async function scoreTemplate(ctx: CallContext, roundId: number): Promise<{ fileName: string; contentBase64: string }> {
  const r = getRound(ctx.db, roundId)
  const indicators = getScheme(ctx.db, r.scheme_id).scheme.dimensions.flatMap((d) => d.indicators)
  const entries = listEntries(ctx.db, roundId)
  const wb = newWorkbook()
  addStyledSheet(wb, {
    name: '评分表',
    title: `${r.name} 评分表`,
    subtitle: `每个指标一列：得分填得分，扣分填扣分数，加分填加分；“每次”计分的填次数。空白单元格保留原分数。${indicators.map((i) => `${i.key}=${RULE_KIND_LABELS[i.kind]}≤${i.max}`).join('；')}`,
    columns: [{ header: '党支部', key: 'org', width: 28 }, { header: '当前环节', key: 'stage', width: 14 }, ...indicators.map((i) => ({ header: header(i), key: i.key, width: 14 }))],
    rows: entries.map((e) => ({ org: e.organizationName, stage: currentStage(e.review), ...e.sheet })),
    landscape: true,
  })
  return { fileName: `${r.name}-评分表.xlsx`, contentBase64: await toBase64(wb) }
}

export function importScores(ctx: CallContext, roundId: number, bytes: Uint8Array, fileName: string, dryRun: boolean): ScoresImportResult {
  const r = getRound(ctx.db, roundId)
  const indicators = getScheme(ctx.db, r.scheme_id).scheme.dimensions.flatMap((d) => d.indicators)
  const byKey = new Map(indicators.map((i) => [i.key, i]))
  const byName = new Map(indicators.map((i) => [normalizeText(i.name), i]))
  const columnOf = (h: string): { i: Indicator; note: boolean } | null => {
    const t = normalizeText(h)
    const note = t.startsWith(NOTE_PREFIX)
    const code = /[【[]([^】\]]+)[】\]]$/.exec(t)?.[1]?.trim()
    const i = (code && byKey.get(code)) || byKey.get(t) || byName.get(t) || null
    return i ? { i, note } : null
  }
  const sheets = readWorkbook(bytes, fileName)
  let found: { rows: (typeof sheets)[number]['rows']; at: number; orgCol: number } | null = null
  for (const s of sheets) {
    for (let at = 0; at < Math.min(30, s.rows.length) && !found; at++) {
      const heads = (s.rows[at] ?? []).map((c) => normalizeText(cellText(c.value)))
      const orgCol = heads.findIndex((h) => ORG_HEADERS.includes(h))
      if (orgCol >= 0 && heads.some((h) => columnOf(h))) found = { rows: s.rows, at, orgCol }
    }
    if (found) break
  }
  if (!found) throw new AppError('VALIDATION', '找不到表头：应有“党支部”列和以“指标名称【编号】”为表头的评分列。请先下载本考评的评分表模板')
  const heads = (found.rows[found.at] ?? []).map((c) => cellText(c.value))
  const columns = heads.map((h, col) => ({ col, h, hit: columnOf(h) })).filter((x) => x.hit)
  const entries = new Map(listEntries(ctx.db, roundId).map((e) => [normalizeText(e.organizationName), e]))
  const result: ScoresImportResult = { updated: 0, skipped: 0, errors: [] }
  for (let at = found.at + 1; at < found.rows.length; at++) {
    const cells = found.rows[at] ?? []
    const row = at + 1
    const orgName = normalizeText(cellText(cells[found.orgCol]?.value ?? null))
    if (!orgName || /^(合计|总计|制表人|填表人|注[:：])/.test(orgName)) continue
    const entry = entries.get(orgName)
    if (!entry) {
      result.errors.push({ row, column: '党支部', message: `“${orgName}”不在本考评的参评支部中` })
      continue
    }
    if (isLocked(entry.review)) {
      result.errors.push({ row, column: '党支部', message: `${entry.organizationName}已审定锁定，不能导入改分；如需改分请在考评页面登记更正` })
      continue
    }
    const sheet = { ...entry.sheet }
    const notes = { ...entry.notes }
    let changed = false
    let bad = false
    for (const { col, h, hit } of columns) {
      const { i, note } = hit!
      const raw = cells[col]?.value ?? null
      if (raw === null || cellText(raw).trim() === '') continue
      if (note) {
        if (notes[i.key] !== cellText(raw).trim()) [notes[i.key], changed] = [cellText(raw).trim(), true]
        continue
      }
      const n = typeof raw === 'number' ? raw : Number(normalizeText(cellText(raw)))
      const limit = i.unit ? Infinity : i.max
      if (!Number.isFinite(n) || n < 0 || n > limit || (i.unit && !Number.isInteger(n))) {
        result.errors.push({ row, column: h, message: i.unit ? '应填次数（0 或正整数）' : `应为 0 到 ${i.max} 之间的数字（${RULE_KIND_LABELS[i.kind]}）` })
        bad = true
        continue
      }
      if (sheet[i.key] !== n) [sheet[i.key], changed] = [n, true]
    }
    if (bad) continue
    if (!changed) {
      result.skipped++
      continue
    }
    result.updated++
    if (dryRun) continue
    saveEntry(ctx.db, roundId, entry.organizationId, { sheet, notes, review: entry.review })
    recordAudit(ctx, { entity: 'assessment', entityId: roundId, before: { organizationId: entry.organizationId, sheet: entry.sheet, notes: entry.notes }, after: { organizationId: entry.organizationId, sheet, notes, source: `导入 ${fileName}` } })
  }
  return result
}
