import type { FilePayload } from '../../shared/contract/imports'
import type { AnnualStatistics, Reconciliation } from '../../shared/contract/statistics'
import { formatChineseDate } from '../../shared/dates'
import { LEAVE_REASON_LABELS, type LeaveReason } from '../../shared/leaving'
import { addStyledSheet, newWorkbook, toBase64 } from '../excel/styled'

const rows = (o: Record<string, number>) => Object.entries(o).map(([item, n]) => ({ item, n }))
/** a distribution of every member (学历, 年龄 …) ends in 合计, which must equal 党员总数: the clerk checks it at a glance */
const withTotal = (o: Record<string, number>) => [...rows(o), { item: '合计', n: Object.values(o).reduce((a, b) => a + b, 0) }]

/** The annual tables as one styled workbook, one sheet per table, with 填报单位 and the snapshot date. */
export async function statisticsWorkbook(s: AnnualStatistics, r: Reconciliation, unit: string): Promise<FilePayload> {
  const wb = newWorkbook()
  const subtitle = `填报单位：${unit || '＿'.repeat(12)}    统计时点：${formatChineseDate(s.asOf)}`
  const columns = (counted: '人数' | '个数') => [
    { header: '项目', key: 'item', width: 30 },
    { header: counted, key: 'n', width: 12 },
  ]
  const sheet = (name: string, data: { item: string; n: number }[], counted: '人数' | '个数' = '人数') =>
    addStyledSheet(wb, { name, title: counted === '个数' ? `党${name}情况` : `党员${name}情况`, subtitle, columns: columns(counted), rows: data })
  sheet('基本', [
    { item: '党员总数', n: s.total },
    { item: '其中：正式党员', n: s.full },
    { item: '　　　预备党员', n: s.probationary },
    { item: '男党员', n: s.gender.男 },
    { item: '女党员', n: s.gender.女 },
    { item: '少数民族党员', n: s.minority },
    { item: '大专及以上学历', n: s.collegeOrAbove },
    { item: '本年发展党员', n: s.admitted },
    { item: '其中：女性', n: s.admittedBreakdown.female },
    { item: '　　　少数民族', n: s.admittedBreakdown.minority },
    { item: '　　　35岁及以下', n: s.admittedBreakdown.age35OrUnder },
    { item: '　　　大专及以上学历', n: s.admittedBreakdown.collegeOrAbove },
    { item: '本年转正', n: s.converted },
    { item: '本年延长预备期', n: s.extended },
    { item: '本年转入', n: s.transferredIn },
    { item: '本年转出', n: s.transferredOut },
    { item: '入党申请人（年底）', n: s.applicants },
    { item: '入党积极分子（年底）', n: s.activists },
    { item: '发展对象（年底）', n: s.candidates },
  ])
  sheet('学历', withTotal(s.education))
  sheet('年龄', withTotal(s.ageBands))
  sheet('入党时间', withTotal(s.joinPeriods))
  sheet('职业', withTotal(s.occupations))
  // 出党 by the ways the 党章 names, and 党员减少 with 死亡 apart from 出党 (shared/leaving.ts, docs/party-rules.md §2)
  sheet('出党', withTotal(Object.fromEntries(Object.entries(s.left).map(([k, n]) => [LEAVE_REASON_LABELS[k as LeaveReason] ?? k, n]))))
  sheet('减少', withTotal(s.reductions))
  sheet('组织', rows(s.organizations), '个数')
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
  return { fileName: `党内统计-${s.asOf.slice(0, 4)}.xlsx`, contentBase64: await toBase64(wb) }
}
