import type { PrintDocument } from '../../shared/contract/print'
import { formatChineseDate, todayLocal } from '../../shared/dates'
import { duesNotice, duesReport } from '../../shared/print/dues-report'
import { duesRecord, duesRegister } from '../../shared/print/dues-register'
import type { CallContext } from '../context'
import { writeStyledWorkbook, type ColumnSpec, type SheetSpec } from '../excel/styled'
import { findOrganization } from '../organizations/repository'
import { allowBase, noticeData, recordData, registerData, reportData, unitOf, type DuesPrint } from './print'

/** What a print or export recorded in the audit log: what, for whom, and whether income was shown. */
export type Logged = Record<string, unknown>

/** The print as an A4 page (shared/print/dues-*), and what its audit entry says. */
export function renderDues(ctx: CallContext, input: DuesPrint): PrintDocument & { logged: Logged } {
  switch (input.what) {
    case 'register': {
      const d = registerData(ctx, input.organizationId, input.month, allowBase(ctx, input.showBase))
      return { title: `${d.branchName}${d.month}党费收缴登记表`, html: duesRegister(d), pages: null, logged: { organizationId: input.organizationId, month: input.month, people: d.lines.length, showBase: input.showBase } }
    }
    case 'report': {
      const d = reportData(ctx, input.year)
      return { title: `${input.year}年度党费收缴情况`, html: duesReport(d), pages: null, logged: { year: input.year } }
    }
    case 'notice': {
      const d = noticeData(ctx, input)
      return { title: `${input.year}年度党员交纳党费标准公示`, html: duesNotice(d), pages: null, logged: { year: input.year, organizationId: input.organizationId, people: d.people.length } }
    }
    case 'record': {
      const d = recordData(ctx, input.memberId, input.year, allowBase(ctx, input.showBase))
      return { title: `${d.name}${input.year}年度党费交纳记录`, html: duesRecord(d), pages: null, logged: { memberId: input.memberId, year: input.year, showBase: input.showBase } }
    }
  }
}

const col = (header: string, key: string, width: number, text = false): ColumnSpec => ({ header, key, width, text })

/** The same prints as Excel workbooks (styled, A4, page numbers), one sheet each. */
export async function exportDues(ctx: CallContext, input: DuesPrint): Promise<{ fileName: string; contentBase64: string; rows: number; logged: Logged }> {
  const unit = unitOf(ctx)
  const today = todayLocal(ctx.now())
  const subtitle = (what: string) => `填报单位：${unit}    ${what}    导出日期：${formatChineseDate(today)}`
  let spec: SheetSpec
  let logged: Logged
  switch (input.what) {
    case 'register': {
      const d = registerData(ctx, input.organizationId, input.month, allowBase(ctx, input.showBase))
      const rows = [...d.lines.map((l, i) => ({ n: i + 1, ...l })), { n: '合计', name: `应交 ${d.totals.people} 人，已交 ${d.totals.paidPeople} 人`, standard: d.totals.due, paid: d.totals.paid }, ...d.backPays.map((b) => ({ n: '补交', name: b.name, note: `补交${b.month}`, paid: b.paid, paidOn: b.paidOn, method: b.method }))]
      spec = { name: '党费收缴登记表', title: `${d.branchName}${d.month}党费收缴登记表`, subtitle: subtitle(`${d.branchName}    所属月份：${d.month}`), landscape: true, rows, columns: [col('序号', 'n', 6), col('姓名', 'name', 12), col('人员类别', 'category', 10), col('计算基数（元）', 'base', 13), col('交纳比例', 'rate', 9), col('月交纳标准（元）', 'standard', 14), col('实交金额（元）', 'paid', 13), col('交纳日期', 'paidOn', 12), col('交纳方式', 'method', 9), col('本人签名', 'sign', 14), col('备注', 'note', 24)] }
      logged = { organizationId: input.organizationId, month: input.month, people: d.lines.length, showBase: input.showBase }
      break
    }
    case 'report': {
      const d = reportData(ctx, input.year)
      spec = { name: '党费收缴情况', title: `${input.year}年度党费收缴情况`, subtitle: subtitle(`统计截至：${formatChineseDate(d.asOf)}    金额单位：元`), landscape: true, rows: [...d.rows, d.total].map((r, i) => ({ n: i < d.rows.length ? i + 1 : '', ...r })), columns: [col('序号', 'n', 6), col('党支部', 'branch', 34), col('应交人数', 'people', 10), col('应交金额', 'due', 12), col('实交金额', 'paid', 12), col('收缴率', 'rate', 9), col('欠交人数', 'owingPeople', 10), col('自愿多交', 'extras', 11), col('已上缴党委', 'handed', 12), col('未上缴', 'notHanded', 11)] }
      logged = { year: input.year }
      break
    }
    case 'notice': {
      const d = noticeData(ctx, input)
      spec = { name: '党费标准公示', title: `${input.year}年度党员交纳党费标准`, subtitle: subtitle(input.organizationId ? (findOrganization(ctx.db, input.organizationId)?.name ?? '') : ''), rows: d.people.map((p, i) => ({ n: i + 1, ...p })), columns: [col('序号', 'n', 6), col('姓名', 'name', 12), col('所在党支部', 'branch', 34), col('人员类别', 'category', 10), col('每月交纳（元）', 'standard', 14), col('起始月份', 'fromMonth', 12)] }
      logged = { year: input.year, organizationId: input.organizationId, people: d.people.length }
      break
    }
    case 'record': {
      const d = recordData(ctx, input.memberId, input.year, allowBase(ctx, input.showBase))
      const standards = d.standards.map((s) => `${s.fromMonth}起：${s.category}，基数 ${s.base}，比例 ${s.rate}，每月 ${s.standard} 元`).join('；')
      spec = { name: '党费交纳记录', title: `${d.name}${input.year}年度党费交纳记录`, subtitle: subtitle(`${d.branch}    ${standards}`), rows: [...d.months, { month: '合计', due: d.totals.due, paid: d.totals.paid }], columns: [col('月份', 'month', 12), col('应交（元）', 'due', 12), col('实交（元）', 'paid', 12), col('交纳日期', 'paidOn', 12), col('交纳方式', 'method', 10), col('备注', 'note', 40)] }
      logged = { memberId: input.memberId, year: input.year, showBase: input.showBase }
      break
    }
  }
  const file = await writeStyledWorkbook([spec])
  const title = spec.title ?? spec.name
  return { fileName: `${title}-${today}.xlsx`, contentBase64: file.toString('base64'), rows: spec.rows.length, logged }
}
