import type ExcelJS from 'exceljs'
import type { FilePayload } from '../../shared/contract/imports'
import { formatChineseDate } from '../../shared/dates'
import { annualTables, checkText, distributionChecks, FILLED_LABELS, NOT_APPLICABLE, type AnnualFacts, type AnnualTable } from '../../shared/print/annual-tables'
import { addStyledSheet, BORDER, cellValue, keepAsText, newWorkbook, printSetup, toBase64, withPageNumbers, wrappedLines } from '../excel/styled'

/**
 * The 党内统计年报 workbook (docs/statistics-tables.md): a cover with the form's 填报单位（盖章）/ 负责人（签名）/
 * 填表人（签名）/ 报出时间 / 联系电话 and a list of the tables saying which we fill; then one sheet per numbered
 * table with its column headings and 栏号 (甲, 1, 2 …), “—” in the cells our data cannot know and why under the
 * table, each distribution's check against 党员总数; then 党组织数, the 增减名单 and all checks on one sheet.
 * Every text cell goes through cellValue and keepAsText like our other sheets (the unit's name is typed by someone).
 */
const BLANK = '＿'.repeat(12)
const FONT = { name: '宋体', size: 10 }
const GREY = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } }

function cover(wb: ExcelJS.Workbook, f: AnnualFacts, tables: readonly AnnualTable[], unit: string): void {
  const ws = wb.addWorksheet('封面', { pageSetup: printSetup(false), headerFooter: withPageNumbers() })
  ws.columns = [12, 34, 30, 40].map((width) => ({ width }))
  const line = (text: string, size = 12, bold = false) => {
    const r = ws.addRow([cellValue(text)])
    ws.mergeCells(r.number, 1, r.number, 4)
    keepAsText(r.getCell(1))
    r.getCell(1).font = { name: '宋体', size, bold }
    r.getCell(1).alignment = { horizontal: size > 12 ? 'center' : 'left', vertical: 'middle' }
    r.height = size > 12 ? 36 : 22
  }
  line(`${f.year}年度党内统计年报表`, 20, true)
  line('（按中共中央组织部制《中国共产党党内统计年报表》的表式编排，本院数据能填的已填写）', 10)
  ws.addRow([])
  line(`填报单位（盖章）：${unit || BLANK}`)
  line(`负责人（签名）：${BLANK}`)
  line(`填表人（签名）：${BLANK}`)
  line('报出时间：　　　　年　　月　　日')
  line(`联系电话：${BLANK}`)
  line(`统计时点：${formatChineseDate(f.stats.asOf)}`)
  ws.addRow([])
  const head = ws.addRow(['表号', '表名', '填写情况', '说明'])
  const rows = [
    ...tables.map((t) => [t.no, t.title, FILLED_LABELS[t.filled], t.filled === 'none' ? t.notes[0]! : '']),
    ...NOT_APPLICABLE.map((t) => [t.no, t.title, '不适用', '统计乡镇、村、社区或学校的党员，医院党委不填']),
  ].sort((a, b) => order(a[0]!) - order(b[0]!))
  const widths = [12, 34, 30, 40]
  for (const values of [head, ...rows.map((v) => ws.addRow(v.map(cellValue)))]) {
    values.eachCell((c) => {
      keepAsText(c)
      c.border = BORDER
      c.font = { ...FONT, bold: values === head }
      c.alignment = { vertical: 'middle', wrapText: true }
    })
    // as tall as its longest wrapped cell: LibreOffice printed wrapped reasons over the next row
    values.height = 15 * Math.max(1, ...widths.map((w, i) => wrappedLines(String(values.getCell(i + 1).value ?? ''), w, 0.9)))
  }
}

const NUMBERS = '一二三四五六七八九十'
/** 第十三表 → 13, for putting 不适用 tables back in the form's order */
const order = (no: string) => {
  const n = no.replace(/^第|表$/g, '')
  return n === '十' ? 10 : n.startsWith('十') ? 11 + NUMBERS.indexOf(n[1]!) : NUMBERS.indexOf(n) + 1
}

function tableSheet(wb: ExcelJS.Workbook, t: AnnualTable, unit: string, asOf: string): void {
  const width = t.columns.length + 1
  const ws = wb.addWorksheet(t.no, { pageSetup: { ...printSetup(width > 8) }, headerFooter: withPageNumbers() })
  ws.columns = [{ width: 36 }, ...t.columns.map((c) => ({ width: Math.max(8, Math.min(14, c.label.length * 2 + 2)) }))]
  const merged = (text: string, font: Partial<ExcelJS.Font>, height: number) => {
    const r = ws.addRow([cellValue(text)])
    ws.mergeCells(r.number, 1, r.number, Math.max(width, 4))
    keepAsText(r.getCell(1))
    r.getCell(1).font = font
    r.getCell(1).alignment = { horizontal: font.size && font.size > 12 ? 'center' : 'left', vertical: 'middle', wrapText: true }
    r.height = height
  }
  merged(`${t.no}　${t.title}`, { name: '宋体', size: 16, bold: true }, 30)
  merged(`填报单位：${unit || BLANK}　　　　统计时点：${formatChineseDate(asOf)}　　　　单位：人`, FONT, 18)
  if (!t.columns.length) {
    merged(`本表本院不能填写：${t.notes.join('')}`, { ...FONT, size: 11 }, 36)
    return
  }
  const grouped = t.columns.some((c) => c.group)
  const top = ws.addRow(['项目', ...t.columns.map((c) => c.group ?? c.label)])
  const second = grouped ? ws.addRow(['项目', ...t.columns.map((c) => c.label)]) : null
  const numbers = ws.addRow(['甲', ...t.columns.map((_, i) => i + 1)])
  if (second) {
    // a group heading spans its columns; a column without a group spans both heading rows
    ws.mergeCells(top.number, 1, second.number, 1)
    t.columns.forEach((c, i) => {
      const col = i + 2
      if (!c.group) ws.mergeCells(top.number, col, second.number, col)
      else if (t.columns[i - 1]?.group !== c.group) ws.mergeCells(top.number, col, top.number, col + t.columns.filter((x, j) => j >= i && x.group === c.group).length - 1)
    })
  }
  for (const r of [top, second, numbers]) {
    if (!r) continue
    r.height = r === numbers ? 16 : 30
    for (let i = 1; i <= width; i++) Object.assign(r.getCell(i), { font: { ...FONT, bold: r !== numbers }, fill: GREY, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } })
  }
  for (const row of t.rows) {
    const r = ws.addRow([row.indent ? `　${row.label}` : row.label, ...row.cells.map((v) => v ?? '—')])
    for (let i = 1; i <= width; i++) {
      const cell = r.getCell(i)
      cell.border = BORDER
      cell.font = FONT
      cell.alignment = { horizontal: i === 1 ? 'left' : 'center', vertical: 'middle', wrapText: true }
      if (i > 1 && row.cells[i - 2] === null) cell.fill = GREY
    }
  }
  ws.addRow([])
  for (const n of [...t.notes.map((x) => `注：${x}`), ...t.checks.map(checkText)]) merged(n, { ...FONT, color: n.includes('不符') ? { argb: 'FFC00000' } : undefined }, 16 * Math.max(1, Math.ceil(n.length / (Math.max(width, 4) * 5))))
  merged(`负责人：${BLANK}　　填表人：${BLANK}　　报出时间：　　年　　月　　日`, FONT, 22)
  ws.views = [{ state: 'frozen', ySplit: numbers.number }]
  ws.pageSetup.printTitlesRow = `${top.number}:${numbers.number}`
}

/** The numbered tables as one workbook, with the 增减名单 and the checks. */
export async function statisticsWorkbook(f: AnnualFacts, unit: string): Promise<FilePayload> {
  const wb = newWorkbook()
  const tables = annualTables(f)
  cover(wb, f, tables, unit)
  for (const t of tables) tableSheet(wb, t, unit, f.stats.asOf)
  const subtitle = `填报单位：${unit || BLANK}    统计时点：${formatChineseDate(f.stats.asOf)}`
  addStyledSheet(wb, {
    name: '党组织',
    title: '附表　党组织个数',
    subtitle,
    columns: [
      { header: '组织类型', key: 'item', width: 30 },
      { header: '个数', key: 'n', width: 12 },
    ],
    rows: Object.entries(f.stats.organizations).map(([item, n]) => ({ item, n })),
  })
  const r = f.reconciliation
  addStyledSheet(wb, {
    name: '增减名单',
    title: '党员增减名单',
    subtitle: `${subtitle}    上年末 ${r.lastYearTotal} 人，增加 ${r.added.length} 人，减少 ${r.removed.length} 人，本年末 ${r.thisYearTotal} 人`,
    columns: [
      { header: '增/减', key: 'kind', width: 8 },
      { header: '姓名', key: 'name', width: 12 },
      { header: '原因', key: 'reason', width: 40 },
    ],
    rows: [...r.added.map((a) => ({ kind: '增加', ...a })), ...r.removed.map((a) => ({ kind: '减少', ...a }))],
  })
  const checks = distributionChecks(tables)
  addStyledSheet(wb, {
    name: '核对',
    title: '上报前核对',
    subtitle,
    columns: [
      { header: '核对项', key: 'what', width: 60 },
      { header: '结果', key: 'result', width: 14 },
    ],
    rows: [
      { what: `上年末 ${r.lastYearTotal} 人 + 增加 ${r.added.length} 人 − 减少 ${r.removed.length} 人 = 本年末 ${r.thisYearTotal} 人`, result: r.balanced ? '一致' : '不一致' },
      ...checks.map((c) => ({ what: checkText(c).replace(/^核对：/, ''), result: c.sum === c.total ? '一致' : '不符' })),
    ],
  })
  return { fileName: `党内统计-${f.stats.asOf.slice(0, 4)}.xlsx`, contentBase64: await toBase64(wb) }
}
