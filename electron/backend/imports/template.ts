import type { FilePayload } from '../../shared/contract/imports'
import { addStyledSheet, newWorkbook, printSetup, toBase64, type ColumnSpec } from '../excel/styled'
import type { ImportKind } from './kind'

/** Per field: a drop-down list for code-list columns, and text format for long digit strings. */
export interface TemplateHints {
  lists?: Record<string, readonly string[]>
  textFields?: readonly string[]
  example?: Record<string, string>
}

/** The import template: header row, drop-downs for code lists, text-formatted ID columns, an instructions sheet. */
export async function buildTemplate(kind: ImportKind<unknown>, hints: TemplateHints = {}): Promise<FilePayload> {
  const wb = newWorkbook()
  // date columns are text too: Excel would turn a typed 1985.10 into the number 1985.1, and 2021-7-1 into a date
  // cell in whatever format the PC uses; as text, what the clerk types is what the import reads (and checks)
  const columns = kind.fields.map((f) => ({ header: f.label, key: f.key, text: hints.textFields?.includes(f.key) || isDateField(f.key), width: Math.max(14, f.label.length * 2 + 6) }))
  const example = hints.example ? [exampleRow(hints.example, columns)] : []
  const ws = addStyledSheet(wb, { name: `${kind.label}导入`, columns, rows: example, landscape: columns.length > 8 })
  if (example.length) {
    // the example row looks like one, and says so when pointed at
    ws.getRow(2).eachCell((cell) => (cell.font = { name: '宋体', size: 10, italic: true, color: { argb: 'FF808080' } }))
    ws.getCell(2, 1).note = '示例行：可改写或删除；原样留着导入时自动跳过'
  }
  // Data validation on 1,000 rows; the lists live on a hidden sheet (Excel caps inline lists at 255 characters).
  const lists = wb.addWorksheet('代码表', { state: 'hidden' })
  let listCol = 1
  kind.fields.forEach((f, i) => {
    const values = hints.lists?.[f.key]
    if (!values?.length) return
    // the column's name on top, so whoever unhides the sheet sees which list is which
    lists.getCell(1, listCol).value = f.label
    lists.getCell(1, listCol).font = { bold: true }
    values.forEach((v, r) => (lists.getCell(r + 2, listCol).value = v))
    const letter = lists.getColumn(listCol).letter
    for (let r = 2; r <= 1001; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !f.required,
        formulae: [`代码表!$${letter}$2:$${letter}$${values.length + 1}`],
        showErrorMessage: true,
        errorTitle: '请从下拉列表中选择',
        error: `${f.label}只能填写列表中的值`,
      }
    }
    listCol++
  })
  const notes = wb.addWorksheet('填写说明', { pageSetup: printSetup() })
  notes.getColumn(1).width = 100
  const lines = [
    `${kind.label}导入模板 — 填写说明`,
    '',
    `必填列：${kind.fields.filter((f) => f.required).map((f) => f.label).join('、')}`,
    ...(hints.example ? ['第 2 行（灰色斜体）是示例：可以改写成真实数据，也可以删除；原样留着的示例行导入时自动跳过。'] : []),
    '日期列已设为文本格式：按 2021-07-01、2021.7.1 或 2021年7月1日 填写即可。',
    ...kind.notes,
    '请不要修改第一行的列名；列的顺序可以调整，多余的列会被忽略。',
    '导入前会先预览：每一行显示“新增 / 更新 / 跳过 / 错误”及原因，确认后才写入；导入后可整批撤销。',
  ]
  lines.forEach((line, i) => {
    const cell = notes.getCell(i + 1, 1)
    cell.value = line
    cell.alignment = { wrapText: true }
    cell.font = i === 0 ? { name: '宋体', bold: true, size: 14 } : { name: '宋体', size: 11 }
  })
  return { fileName: `${kind.label}导入模板.xlsx`, contentBase64: await toBase64(wb) }
}

/** lifecycle and other dates: the fields' keys end in On or Date throughout (joinedOn, birthDate, heldOn …) */
const isDateField = (key: string): boolean => /(On|Date)$/.test(key)

/** The example as a clerk would type it: counts as numbers (no green "number stored as text" triangles). */
const exampleRow = (example: Record<string, string>, columns: readonly ColumnSpec[]): Record<string, string | number> =>
  Object.fromEntries(Object.entries(example).map(([key, v]) => [key, /^\d{1,6}$/.test(v) && !columns.find((c) => c.key === key)?.text ? Number(v) : v]))
