import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { statisticsWorkbook } from '../../../electron/backend/statistics/workbook'
import type { AnnualStatistics } from '../../../electron/shared/contract/statistics'
import { annualTables, checkText, distributionChecks, type AnnualFacts } from '../../../electron/shared/print/annual-tables'

/** Facts for 282 党员 as a hospital's report would have them, generated (no real people). */
function facts(over: Partial<AnnualStatistics> = {}): AnnualFacts {
  const stats: AnnualStatistics = {
    asOf: '2025-12-31',
    total: 282,
    full: 270,
    probationary: 12,
    gender: { 男: 120, 女: 162 },
    minority: 9,
    education: { 研究生: 90, 大学本科: 150, 大学专科: 30, 中专: 6, '高中·中技': 2, 初中及以下: 2, 未填: 2 },
    collegeOrAbove: 270,
    ageBands: { '30岁及以下': 40, '31-35岁': 50, '36-40岁': 50, '41-45岁': 40, '46-50岁': 30, '51-55岁': 30, '56-60岁': 20, '61岁及以上': 22, 未填: 0 },
    joinPeriods: { '1949年10月以前': 0, '1949年10月至1978年12月': 10, '1979年1月至2012年10月': 200, '2012年11月以后': 72 },
    occupations: {},
    admitted: 12,
    admittedBreakdown: { female: 8, minority: 1, age35OrUnder: 11, collegeOrAbove: 12 },
    converted: 10,
    extended: 1,
    left: { 开除党籍: 0, 除名: 1, 自行脱党: 0, 劝退: 0, 退党: 0 },
    reductions: { 死亡: 1, 出党: 1, 取消预备党员资格: 0, 组织关系转出: 2 },
    transferredIn: 3,
    transferredOut: 2,
    applicants: 30,
    activists: 20,
    candidates: 5,
    organizations: {},
    ...over,
  }
  const tags = Array.from({ length: 282 }, (_, i) => ['total', i < 162 ? 'gender.女' : 'gender.男', `occupations.${i < 200 ? '专业技术人员' : i < 280 ? '管理人员' : '未填'}`, `ageBands.${i < 40 ? '30岁及以下' : '31-35岁'}`])
  return {
    year: 2025,
    stats,
    reconciliation: {
      lastYearTotal: 275,
      added: [
        ...Array.from({ length: 12 }, (_, i) => ({ id: i, name: `新${i}`, reason: '发展入党' })),
        { id: 100, name: '转来', reason: '转入（自某医院党委）' },
      ],
      removed: [
        { id: 200, name: '除名者', reason: '出党（除名）' },
        { id: 201, name: '病故者', reason: '出党（死亡：病故）' },
        { id: 202, name: '转走', reason: '转出（至某大学党委）' },
        { id: 203, name: '不明', reason: '原因不明：无出党或转出记录' },
      ],
      thisYearTotal: 282,
      balanced: false,
    },
    memberTags: tags,
    graduate: { 博士研究生: 20, 硕士研究生: 70 },
    admissions: [],
    appraisal: { subjects: 0, grades: [] },
    probation: { converted: 10, afterExtension: 1, extended: 1, cancelled: 0 },
  }
}

describe('党内统计年报的表', () => {
  it('第一表：上年底 + 增加 − 减少 = 应有数；死亡列在“死亡”栏不算出党；实有数与应有数之差指向原因不明的人', () => {
    const t = annualTables(facts())[0]!
    expect(t.no).toBe('第一表')
    // 1 上年底, 2–5 增加, 6–10 减少, 11 应有, 12 实有, 13 差
    expect(t.rows[0]!.cells).toEqual([275, 13, 12, 0, 1, 3, 1, null, 1, 1, 285, 282, -3])
  })

  it('学历合计 280 与党员总数 282 不符时，核对写明差几人；有“未填”一行时一致', () => {
    const bad = facts({ education: { 研究生: 90, 大学本科: 150, 大学专科: 30, 中专: 6, '高中·中技': 2, 初中及以下: 2 } })
    const failing = distributionChecks(annualTables(bad)).filter((c) => c.sum !== c.total)
    expect(failing.map(checkText)).toEqual(['核对：第四表学历各组合计 280 人，与党员总数 282 人不符（少 2 人），上报前请查明。'])
    const good = distributionChecks(annualTables(facts()))
    expect(good.filter((c) => c.sum !== c.total)).toEqual([])
    expect(annualTables(facts())[3]!.rows.find((r) => r.label === '未填')!.cells).toEqual([2])
  })

  it('第二表按职业分列，未填职业的人单列，各行之和等于总计；台湾省籍标“—”', () => {
    const t = annualTables(facts())[1]!
    expect(t.rows[0]!.cells.slice(0, 5)).toEqual([282, 162, 0, null, 0])
    expect(t.rows.find((r) => r.label === '未填职业')!.cells[0]).toBe(2)
    expect(t.rows.find((r) => r.label === '企事业单位、社会组织专业技术人员')!.cells[0]).toBe(200)
    expect(t.checks.map(checkText)).toEqual(['核对：按职业分列的人数合计 282 人，与党员总数 282 人一致。', '核对：按年龄分列的人数合计 282 人，与党员总数 282 人一致。'])
  })

  it('表号按年报表的顺序；医院不填的第五至七表不出表，第九、十一、十二表说明为什么不能填', () => {
    const tables = annualTables(facts())
    expect(tables.map((t) => t.no)).toEqual(['第一表', '第二表', '第三表', '第四表', '第八表', '第九表', '第十表', '第十一表', '第十二表', '第十三表', '第十四表', '第十五表'])
    expect(tables.filter((t) => t.filled === 'none').map((t) => t.no)).toEqual(['第九表', '第十一表', '第十二表'])
    expect(tables.find((t) => t.no === '第十表')!.rows.map((r) => [r.label, r.cells[0]])).toEqual([
      ['出党合计', 1],
      ['开除党籍', 0],
      ['除名', 1],
      ['自行脱党', 0],
      ['劝退', 0],
      ['退党', 0],
      ['取消预备党员资格', 0],
    ])
  })

  it('第十表不把死亡算作出党，即使数据里还把它放在出党方式中', () => {
    const t = annualTables(facts({ left: { 退党: 0, 除名: 1, 开除党籍: 0, 死亡: 4 } })).find((x) => x.no === '第十表')!
    expect(t.rows.map((r) => r.label)).toEqual(['出党合计', '开除党籍', '除名', '退党', '取消预备党员资格'])
    expect(t.rows[0]!.cells).toEqual([1])
  })

  it('工作簿：单位名称里早先存下的控制字符和 U+FFFF 不写进文件（与其他工作簿一样经过 cellValue），各表照常可读', async () => {
    const file = await statisticsWorkbook(facts(), '中共示范\u0007医院\uFFFF委员会')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const texts = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().filter((v): v is string => typeof v === 'string'))
    expect(texts).toContain('填报单位（盖章）：中共示范医院委员会')
    expect(texts.some((t) => t.startsWith('填报单位：中共示范医院委员会'))).toBe(true)
    expect(texts.join('')).not.toMatch(/[\u0000-\u0008\uFFFE\uFFFF]/)
  })
})
