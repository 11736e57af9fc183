import type { FilePayload } from '../../shared/contract/imports'
import { addStyledSheet, newWorkbook, toBase64 } from '../excel/styled'
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
  const columns = kind.fields.map((f) => ({ header: f.label, key: f.key, text: hints.textFields?.includes(f.key), width: Math.max(14, f.label.length * 2 + 6) }))
  const ws = addStyledSheet(wb, { name: `${kind.label}导入`, columns, rows: hints.example ? [hints.example] : [] })
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
  const notes = wb.addWorksheet('填写说明')
  notes.getColumn(1).width = 100
  const lines = [
    `${kind.label}导入模板 — 填写说明`,
    '',
    `必填列：${kind.fields.filter((f) => f.required).map((f) => f.label).join('、')}`,
    ...kind.notes,
    '请不要修改第一行的列名；列的顺序可以调整，多余的列会被忽略。',
    '导入前会先预览：每一行显示“新增 / 更新 / 跳过 / 错误”及原因，确认后才写入；导入后可整批撤销。',
  ]
  lines.forEach((line, i) => {
    const cell = notes.getCell(i + 1, 1)
    cell.value = line
    cell.alignment = { wrapText: true }
    if (i === 0) cell.font = { bold: true, size: 14 }
  })
  return { fileName: `${kind.label}导入模板.xlsx`, contentBase64: await toBase64(wb) }
}
